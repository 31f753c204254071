namespace Econometrics.Sem.Syntax;

/// <summary>One lavaan statement <c>lhs op rhs1 + rhs2 ...</c> with op one of <c>=~</c>, <c>~</c>, <c>~~</c>, or <c>~1</c> for an intercept <c>lhs ~ 1</c> (one term, empty name).</summary>
/// <param name="Lhs">The left-hand variable.</param>
/// <param name="Op">The operator.</param>
/// <param name="Rhs">The right-hand terms.</param>
/// <param name="Line">1-based line of the left-hand side.</param>
/// <param name="Column">1-based column of the left-hand side.</param>
public sealed record ModelStatement(string Lhs, string Op, IReadOnlyList<ModelTerm> Rhs, int Line, int Column);
