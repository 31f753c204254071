namespace Econometrics.Panel.Dependence;

/// <summary>How CD_W scales the weighted cross-products.</summary>
public enum CdwNormalization
{
    /// <summary>Juodis-Reese eq. (30): divided by the pooled variance (1/NT) sum u_it^2 (the paper's statistic).</summary>
    PooledVariance,

    /// <summary>Weighted correlations sqrt(2T/(N(N-1))) sum w_i w_j rho_ij, as Stata's xtcd2 computes it.</summary>
    Correlation,
}
