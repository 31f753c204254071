namespace Econometrics.Mixtures;

/// <summary>One estimated parameter with its Wald inference.</summary>
/// <param name="Name">The parameter, e.g. "class 1: knot" or "gate 2: gx".</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="StdError">Standard error from the observed information, or null when it is unavailable.</param>
/// <param name="Statistic">Wald z = estimate / standard error, or null.</param>
/// <param name="PValue">Two-sided normal p-value of z (as nlpsem's getEstimateStats), or null.</param>
/// <param name="Lower">Lower end of the 95% Wald interval, or null.</param>
/// <param name="Upper">Upper end of the 95% Wald interval, or null.</param>
public sealed record ParameterEstimate(string Name, double Estimate, double? StdError, double? Statistic, double? PValue, double? Lower, double? Upper);
