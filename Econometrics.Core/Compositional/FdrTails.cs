namespace Econometrics.Compositional;

/// <summary>Which side of a pairwise measure the permutation FDR counts (propr's <c>tails</c>).</summary>
public enum FdrTails
{
    /// <summary>Positive association only: cutoffs from the non-negative values, pairs counted above each cutoff.</summary>
    Right,

    /// <summary>Both signs: cutoffs and counts on |value|.</summary>
    Both,
}
