using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>The D x D pairwise measures that ride along with a partial-correlation estimate.</summary>
/// <param name="ClrCovariance">The clr covariance the estimate used (sample, or shrunk).</param>
/// <param name="Variation">The sample variation matrix.</param>
/// <param name="Proportionality">The sample proportionality coefficient rho_p.</param>
internal sealed record LogRatioMeasureSet(Matrix<double> ClrCovariance, Matrix<double> Variation, Matrix<double> Proportionality);
