namespace Econometrics.Causal.Invariance;

/// <summary>One predictor's row of <see cref="HiddenIcpResult"/>.</summary>
/// <param name="Predictor">The predictor.</param>
/// <param name="Estimate">The causal coefficient averaged over the environment contrasts.</param>
/// <param name="Lower">Lower confidence bound (intersection over contrasts).</param>
/// <param name="Upper">Upper confidence bound.</param>
/// <param name="Maximin">The maximin effect; non-zero means a significant causal effect.</param>
/// <param name="PValue">P-value of "no causal effect".</param>
public sealed record HiddenIcpEffect(string Predictor, double Estimate, double Lower, double Upper, double Maximin, double PValue);
