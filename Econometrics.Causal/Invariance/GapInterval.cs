namespace Econometrics.Causal.Invariance;

/// <summary>A bias-corrected percentile bootstrap interval (stratified by environment) for one invariance gap.</summary>
/// <param name="Name">The gap's name, e.g. "slopeGap".</param>
/// <param name="Estimate">The gap on the data.</param>
/// <param name="Lower">Lower percentile bound.</param>
/// <param name="Upper">Upper percentile bound.</param>
public sealed record GapInterval(string Name, double Estimate, double Lower, double Upper);
