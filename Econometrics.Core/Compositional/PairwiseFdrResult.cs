using System.Text.Json.Serialization;

namespace Econometrics.Compositional;

/// <summary>
/// A pairwise compositional measure (proportionality, partial correlations) that may carry a permutation FDR table
/// (propr's updateCutoffs); the table's headline fields are flattened into the result's JSON.
/// </summary>
public abstract record PairwiseFdrResult : Result
{
    /// <summary>A result with the given diagnostics.</summary>
    /// <param name="diagnostics">The measure's diagnostics.</param>
    protected PairwiseFdrResult(IReadOnlyList<Diagnostic>? diagnostics) : base(diagnostics) { }

    /// <summary>The permutation FDR at each cutoff, when one was run; its diagnostics join this result's.</summary>
    [JsonIgnore]
    public PermutationFdrResult? Fdr
    {
        get => _fdr;
        init { _fdr = value; if (value is not null) Diagnostics = [.. Diagnostics, .. value.Diagnostics]; }
    }

    private readonly PermutationFdrResult? _fdr;

    /// <summary>The FDR measure ("rho", "pcor", "pcor.bshrink"), when an FDR table was computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FdrMetric => Fdr?.FdrMetric;

    /// <summary>The FDR tails, when an FDR table was computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FdrTails => Fdr?.FdrTails;

    /// <summary>The FDR permutations, when an FDR table was computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FdrPermutations => Fdr?.FdrPermutations;

    /// <summary>The FDR seed, when an FDR table was computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FdrSeed => Fdr?.FdrSeed;

    /// <summary>The cutoff at FDR 5% (null when none qualifies or no table was computed).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FdrCutoff05 => Fdr?.FdrCutoff05;

    /// <summary>A shard's permutation counts for <c>--fdr-merge</c> (only when the FDR ran as one shard of several).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Inference.ReplicateDraws? ReplicateDraws => Fdr?.ReplicateDraws;

    /// <summary>The FDR table rows, when one was computed.</summary>
    [JsonPropertyName("fdr")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FdrRow>? FdrRows => Fdr?.Rows;
}
