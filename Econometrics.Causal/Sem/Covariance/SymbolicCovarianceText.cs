namespace Econometrics.Sem.Covariance;

/// <summary>The symbolic covariance Sigma = N / det as reported: the determinant and one numerator per entry.</summary>
/// <param name="Determinant">det(I - Lambda) as a polynomial in the edge parameters.</param>
/// <param name="Latex">The whole matrix in LaTeX.</param>
/// <param name="Numerators">The numerator of every entry on or above the diagonal.</param>
public sealed record SymbolicCovarianceText(string Determinant, string Latex, IReadOnlyList<CovarianceNumerator> Numerators);

/// <summary>The numerator of one entry of the symbolic covariance.</summary>
/// <param name="Row">The row node.</param>
/// <param name="Column">The column node.</param>
/// <param name="Numerator">The numerator polynomial.</param>
/// <param name="NumeratorLatex">The numerator in LaTeX.</param>
public sealed record CovarianceNumerator(string Row, string Column, string Numerator, string NumeratorLatex);
