using Econometrics.Sem.Algebra;
namespace Econometrics.Sem.Relations;

/// <summary>A polynomial relation f(Sigma) = 0 holding on the whole model (an element of its vanishing ideal).</summary>
/// <param name="Polynomial">The polynomial in the covariance variables (see <see cref="RelationsResult.VariableNames"/>).</param>
/// <param name="Degree">Total degree.</param>
/// <param name="Multidegree">Its multidegree: how often each observed node's index appears (deg sigma_ij = e_i + e_j).</param>
/// <param name="Certified">Whether it vanished exactly at every rational certification point.</param>
public sealed record CovarianceRelation(Polynomial Polynomial, int Degree, IReadOnlyList<int> Multidegree, bool Certified);
