namespace Econometrics.Compositional;

/// <summary>The scale on which <see cref="BayesianMultiplicativeReplacement"/> returns the data (zCompositions' <c>output</c>).</summary>
public enum ReplacementOutput
{
    /// <summary>"prop": rows closed to 1.</summary>
    Proportions,

    /// <summary>"p-counts": the non-zero counts unchanged, the zeros as pseudo-counts on the same scale.</summary>
    PseudoCounts,
}
