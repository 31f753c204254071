namespace Econometrics.Panel.Factors;

/// <summary>The factor-number criteria at one candidate k.</summary>
/// <param name="K">Number of factors.</param>
/// <param name="Eigenvalue">mu_k, the k-th eigenvalue of X X'/(NT) (NaN for k = 0).</param>
/// <param name="V">V(k), the mean squared residual after k factors.</param>
/// <param name="PC1">Bai-Ng PC_p1.</param>
/// <param name="PC2">Bai-Ng PC_p2.</param>
/// <param name="PC3">Bai-Ng PC_p3.</param>
/// <param name="IC1">Bai-Ng IC_p1.</param>
/// <param name="IC2">Bai-Ng IC_p2.</param>
/// <param name="IC3">Bai-Ng IC_p3.</param>
/// <param name="ER">Ahn-Horenstein eigenvalue ratio.</param>
/// <param name="GR">Ahn-Horenstein growth ratio.</param>
public sealed record FactorNumberRow(int K, double Eigenvalue, double V, double PC1, double PC2, double PC3,
    double IC1, double IC2, double IC3, double ER, double GR);
