namespace Econometrics.Sem.Relations;

/// <summary>One covariance relation f(Sigma) = 0 as reported.</summary>
/// <param name="Degree">Total degree.</param>
/// <param name="Multidegree">Degree in each block of covariance variables.</param>
/// <param name="Polynomial">The polynomial in the covariance variables' names.</param>
/// <param name="Latex">The polynomial in LaTeX.</param>
/// <param name="Certified">Whether it was certified exactly at random rational parameter points.</param>
public sealed record RelationText(int Degree, IReadOnlyList<int> Multidegree, string Polynomial, string Latex, bool Certified);
