namespace Econometrics.Sem.Syntax;

/// <summary>
/// One lavaan statement <c>lhs op rhs1 + rhs2 ...</c> with op one of <c>=~</c>, <c>~</c>, <c>~~</c>, or <c>~1</c> for an
/// intercept <c>lhs ~ 1</c> (one term, empty name); or a defined parameter <c>name := expression</c> (op <c>:=</c>) or a
/// constraint <c>left == right</c>, <c>left &lt; right</c>, <c>left &gt; right</c> (no terms; see <see cref="Expression"/>).
/// </summary>
/// <param name="Lhs">The left-hand variable.</param>
/// <param name="Op">The operator.</param>
/// <param name="Rhs">The right-hand terms.</param>
/// <param name="Line">1-based line of the left-hand side.</param>
/// <param name="Column">1-based column of the left-hand side.</param>
public sealed record ModelStatement(string Lhs, string Op, IReadOnlyList<ModelTerm> Rhs, int Line, int Column)
{
    /// <summary>The right-hand expression of <c>:=</c>, <c>==</c>, <c>&lt;</c> or <c>&gt;</c>; null for the other operators.</summary>
    public ParameterExpression? Expression { get; init; }

    /// <summary>The left-hand expression of a constraint (<c>==</c>, <c>&lt;</c>, <c>&gt;</c>); null otherwise.</summary>
    public ParameterExpression? LeftExpression { get; init; }

    /// <summary>Whether the statement specifies the model (=~, ~, ~~, ~1) rather than a defined parameter or constraint.</summary>
    public bool IsStructural => Op is "=~" or "~" or "~~" or "~1";
}
