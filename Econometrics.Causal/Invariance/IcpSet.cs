namespace Econometrics.Causal.Invariance;

/// <summary>One tested set of predictors and the p-value of its invariance hypothesis.</summary>
/// <param name="Predictors">The predictors in the set (empty for the empty set).</param>
/// <param name="PValue">The Bonferroni-combined p-value over environments.</param>
public sealed record IcpSet(IReadOnlyList<string> Predictors, double PValue)
{
    /// <summary>The set written as {a,b}.</summary>
    public override string ToString() => "{" + string.Join(",", Predictors) + "}";
}
