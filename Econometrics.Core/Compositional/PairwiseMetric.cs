namespace Econometrics.Compositional;

/// <summary>The pairwise association between parts whose false discovery rate a permutation test estimates.</summary>
public enum PairwiseMetric
{
    /// <summary>Proportionality rho_p = 1 - var(log(x_i/x_j)) / (var(clr_i) + var(clr_j)) (Erb and Notredame 2016; propr "rho").</summary>
    Proportionality,

    /// <summary>Log-ratio partial correlation (Erb 2020; propr "pcor", or "pcor.bshrink" with basis shrinkage).</summary>
    PartialCorrelation,
}
