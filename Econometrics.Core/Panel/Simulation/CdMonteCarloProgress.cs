namespace Econometrics.Panel.Simulation;

/// <summary>Progress of a <see cref="CdMonteCarlo"/> run.</summary>
/// <param name="Completed">Replications finished so far.</param>
/// <param name="Total">Replications in this run (or shard).</param>
public readonly record struct CdMonteCarloProgress(int Completed, int Total);
