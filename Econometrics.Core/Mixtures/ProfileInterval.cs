namespace Econometrics.Mixtures;

/// <summary>
/// A profile-likelihood interval of one class's scalar curve parameter (knot, growth rate or acceleration): the values θ
/// with 2 (ℓ_max − ℓ_p(θ)) ≤ χ²₁(level), ℓ_p(θ) the log-likelihood maximised over every other parameter with θ held
/// (Venzon and Moolgavkar 1988; OpenMx's mxCI, Neale and Miller 1997).
/// </summary>
/// <param name="Term">The parameter, as in the estimates table (e.g. <c>class 1: knot</c>).</param>
/// <param name="Estimate">The maximum-likelihood estimate.</param>
/// <param name="Lower">The lower limit, or null when the profile stays above the cut down to the admissible range's edge.</param>
/// <param name="Upper">The upper limit, or null when the profile stays above the cut up to the admissible range's edge.</param>
/// <param name="Level">The confidence level (0.95).</param>
/// <param name="Evaluations">Profile points maximised for this interval.</param>
public sealed record ProfileInterval(string Term, double Estimate, double? Lower, double? Upper, double Level, int Evaluations);
