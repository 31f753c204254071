namespace Econometrics.Compositional;

/// <summary>Which covariance the partial correlations are computed from.</summary>
public enum CompositionalCovariance
{
    /// <summary>The sample clr covariance (denominator n - 1); needs n &gt;= D and gives exact t and Fisher-z tests.</summary>
    Sample,

    /// <summary>
    /// Basis shrinkage (Jin, Notredame and Erb 2023; propr's <c>pcor.bshrink</c>): Schafer-Strimmer shrinkage of the
    /// covariance of the log-proportions, mapped to clr. Works for p &gt; n; no p-values.
    /// </summary>
    BasisShrinkage,
}
