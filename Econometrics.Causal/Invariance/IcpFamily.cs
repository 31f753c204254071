namespace Econometrics.Causal.Invariance;

/// <summary>The regression model of the target in ICP.</summary>
public enum IcpFamily
{
    /// <summary>Linear regression with normal errors (continuous targets).</summary>
    Gaussian,

    /// <summary>Logistic regression for a two-class target, as R's <c>InvariantCausalPrediction::ICP</c> does for a
    /// target with two values: residuals <c>y - p-hat</c> of the pooled fit, Welch t-tests of each environment
    /// against the rest.</summary>
    Binomial,
}
