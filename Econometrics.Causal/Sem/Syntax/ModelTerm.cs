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

    /// <summary>
    /// Group-specific modifiers written <c>c(m1, m2, ...)*x</c> (each a number, <c>NA</c> or a label), one per group in
    /// group order; null when the modifier applies to every group.
    /// </summary>
    public IReadOnlyList<ModelTerm>? PerGroup { get; init; }

    /// <summary>The term as it applies to group <paramref name="group"/> (0-based) of <paramref name="groups"/>.</summary>
    /// <param name="group">The group.</param>
    /// <param name="groups">The number of groups.</param>
    /// <exception cref="ModelSyntaxException">c(...) has a number of entries other than the number of groups.</exception>
    public ModelTerm ForGroup(int group, int groups)
    {
        if (PerGroup is null) return this;
        if (PerGroup.Count != groups)
            throw new ModelSyntaxException($"c(...) before '{Name}' has {PerGroup.Count} entries but the model has {groups} group{(groups == 1 ? "" : "s")}; " +
                "give one entry per group.", Line, Column);
        return PerGroup[group];
    }
}
