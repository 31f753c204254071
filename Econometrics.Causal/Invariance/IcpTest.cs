namespace Econometrics.Causal.Invariance;

/// <summary>The invariance test ICP applies to each candidate set (R InvariantCausalPrediction's <c>test</c>).</summary>
public enum IcpTest
{
    /// <summary>
    /// Approximate test (Peters et al. 2016, method II): pooled-fit residuals of each environment against the rest,
    /// Welch t on the means and F on the variances, 2 min of the two, Bonferroni over environments with factor K - 1
    /// (as R's package does).
    /// </summary>
    Normal,

    /// <summary>
    /// Exact Chow-type prediction test (method I): each environment predicted from a fit on all the others, F test,
    /// Bonferroni factor K. Uses every row (R's <c>maxNoObs</c> subsampling is not reproduced: it is random).
    /// </summary>
    Exact,
}
