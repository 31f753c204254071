namespace Econometrics.Sem.Syntax;

/// <summary>
/// One right-hand-side term of a lavaan statement: a variable with an optional modifier, e.g. <c>1*x1</c> (fixed),
/// <c>a*x2</c> (label; equal labels are equality constraints) or <c>NA*x3</c> (explicitly free).
/// </summary>
/// <param name="Name">The variable.</param>
/// <param name="Fixed">The fixed value, or null.</param>
/// <param name="Label">The label, or null.</param>
/// <param name="ForceFree">Whether the term was written <c>NA*x</c>.</param>
/// <param name="Line">1-based line of the variable name.</param>
/// <param name="Column">1-based column of the variable name.</param>
public sealed record ModelTerm(string Name, double? Fixed, string? Label, bool ForceFree, int Line, int Column)
{
    /// <summary>Whether the term is the constant <c>1</c> of an intercept statement <c>y ~ 1</c> (Name is then empty).</summary>
    public bool IsIntercept { get; init; }
}
