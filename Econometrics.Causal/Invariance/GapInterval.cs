namespace Econometrics.Causal.Invariance;

/// <summary>A basic (reverse-percentile) bootstrap interval, stratified by environment and clipped at the gap's floor (0, or 1 for the variance
/// ratio), for one invariance gap.</summary>
/// <param name="Name">The gap's name, e.g. "slopeGap".</param>
/// <param name="Estimate">The gap on the data.</param>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public sealed record GapInterval(string Name, double Estimate, double Lower, double Upper);
