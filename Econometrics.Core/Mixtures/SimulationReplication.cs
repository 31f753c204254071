namespace Econometrics.Mixtures;

/// <summary>One replication of a <see cref="SimulationStudy"/>, aligned to the truth.</summary>
/// <param name="Index">The replication number r.</param>
/// <param name="Estimates">Aligned estimates in the reporting order, or null when the fit failed.</param>
/// <param name="StdErrors">Aligned standard errors (NaN where unavailable), or null when the fit failed.</param>
/// <param name="Accuracy">Share of persons whose modal class is their generating class, after alignment.</param>
/// <param name="Converged">Whether EM met its tolerance.</param>
public sealed record SimulationReplication(int Index, double[]? Estimates, double[]? StdErrors, double Accuracy, bool Converged);
