namespace Econometrics.Sem.Fitting;

/// <summary>How standard errors are computed, as lavaan's <c>se</c> option.</summary>
public enum SemStandardErrors
{
    /// <summary>The estimator's own: expected information for ML, the robust sandwich for MLM and MLR.</summary>
    Standard,

    /// <summary>
    /// The ordinary (case-resampling) bootstrap: the standard deviation of the estimates over replicate fits, with
    /// percentile intervals; defined parameters from their own bootstrap distribution (the usual choice for indirect effects).
    /// </summary>
    Bootstrap,
}
