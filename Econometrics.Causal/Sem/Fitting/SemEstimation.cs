namespace Econometrics.Sem.Fitting;

/// <summary>The estimator, as lavaan's <c>estimator</c> option.</summary>
public enum SemEstimation
{
    /// <summary>Normal-theory maximum likelihood with expected-information standard errors.</summary>
    Ml,

    /// <summary>
    /// ML estimates with Satorra-Bentler robust standard errors and scaled chi-square (lavaan's MLM): robust to
    /// non-normal data; needs raw data.
    /// </summary>
    Mlm,

    /// <summary>
    /// ML estimates with Huber-White (sandwich) standard errors from the observed information and casewise scores, and the
    /// Yuan-Bentler scaled chi-square (lavaan's MLR, Mplus variant of the test); needs raw data.
    /// </summary>
    Mlr,
}
