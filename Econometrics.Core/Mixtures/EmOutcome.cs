namespace Econometrics.Mixtures;

/// <summary>The end state of one EM run.</summary>
internal sealed record EmOutcome(double LogLikelihood, int Iterations, bool Converged, bool Degenerate, bool Floored);
