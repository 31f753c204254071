namespace Econometrics.Compositional;

/// <summary>
/// A Schafer-Strimmer shrinkage estimate held as its factors, with no p x p matrix: the shrunk correlation is
/// <c>lambda I + (1 - lambda) Z'Z / (n - 1)</c> and the shrunk covariance <c>Dg R* Dg</c> with Dg the shrunk standard deviations.
/// </summary>
/// <param name="Standardized">The centred data scaled to unit sample variance, n x p column-major (Z).</param>
/// <param name="Rows">n.</param>
/// <param name="Columns">p.</param>
/// <param name="SampleVariances">Sample variances (denominator n - 1).</param>
/// <param name="ShrunkVariances">Variances shrunk towards their median with <paramref name="LambdaVar"/>.</param>
/// <param name="Lambda">Correlation-shrinkage intensity.</param>
/// <param name="LambdaVar">Variance-shrinkage intensity.</param>
/// <param name="Gram">Z'Z (p x p) when <paramref name="GramIsColumns"/>, else Z Z' (n x n); symmetric, column-major.</param>
/// <param name="GramIsColumns">Which side <paramref name="Gram"/> is.</param>
internal sealed record ShrinkageFactors(double[] Standardized, int Rows, int Columns, double[] SampleVariances, double[] ShrunkVariances,
    double Lambda, double LambdaVar, double[] Gram, bool GramIsColumns);
