namespace Econometrics.Panel.Simulation;

/// <summary>The idiosyncratic error law of a simulated panel, always standardized to mean 0 and variance 1.</summary>
public enum ErrorDistribution
{
    /// <summary>N(0,1).</summary>
    Gaussian,

    /// <summary>(chi2(2) - 2) / 2: skewed.</summary>
    ChiSquared,

    /// <summary>t(5) * sqrt(3/5): heavy-tailed.</summary>
    StudentT,
}
