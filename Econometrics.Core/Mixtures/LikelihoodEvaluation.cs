using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>The log-likelihood of a mixture of experts at given parameters, with per-person contributions and posteriors.</summary>
/// <param name="LogLikelihood">ℓ = Σ_i log Σ_k π_k(z_i) f_k(y_i, x_i).</param>
/// <param name="PerPerson">The contributions ℓ_i (N).</param>
/// <param name="Posteriors">Posterior class probabilities τ_ik, N x K.</param>
/// <param name="Treatment">Whether the expert-covariate density was included.</param>
public sealed record LikelihoodEvaluation(double LogLikelihood, Vector<double> PerPerson, Matrix<double> Posteriors, CovariateTreatment Treatment);
