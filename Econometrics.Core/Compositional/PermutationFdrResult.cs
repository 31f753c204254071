using System.Globalization;
using System.Text.Json.Serialization;
using Econometrics.Reporting;

namespace Econometrics.Compositional;

/// <summary>The permutation FDR table of a pairwise measure (propr's <c>@fdr</c> after <c>updateCutoffs</c>).</summary>
public sealed record PermutationFdrResult : Result
{
    internal PermutationFdrResult(PairwiseMetric metric, CompositionalCovariance? covariance, FdrTails tails, int permutations, int seed,
        int nObs, int nParts, int pairs, IReadOnlyList<FdrRow> rows, IReadOnlyList<Diagnostic> diagnostics)
    {
        Metric = metric; Covariance = covariance; Tails = tails; Permutations = permutations; Seed = seed;
        NObs = nObs; NParts = nParts; NPairs = pairs; Rows = rows; Diagnostics = diagnostics;
    }

    /// <summary>The measure.</summary>
    [JsonIgnore]
    public PairwiseMetric Metric { get; }

    /// <summary>The covariance of the partial correlations (null for proportionality).</summary>
    [JsonIgnore]
    public CompositionalCovariance? Covariance { get; }

    /// <summary>One or both tails.</summary>
    [JsonIgnore]
    public FdrTails Tails { get; }

    /// <summary>Number of permutations.</summary>
    [JsonIgnore]
    public int Permutations { get; }

    /// <summary>The seed of the permutations.</summary>
    [JsonIgnore]
    public int Seed { get; }

    /// <summary>Number of samples.</summary>
    public int NObs { get; }

    /// <summary>Number of parts.</summary>
    public int NParts { get; }

    /// <summary>Number of pairs, D (D - 1) / 2.</summary>
    public int NPairs { get; }

    /// <summary>One row per cutoff, in increasing cutoff order as given.</summary>
    [JsonPropertyName("fdr")]
    public IReadOnlyList<FdrRow> Rows { get; }

    /// <summary>The measure as propr names it: "rho", "pcor" or "pcor.bshrink".</summary>
    public string FdrMetric => Metric == PairwiseMetric.Proportionality ? "rho" : Covariance == CompositionalCovariance.BasisShrinkage ? "pcor.bshrink" :
        "pcor";

    /// <summary>"right" (positive tail) or "both" (|value|).</summary>
    public string FdrTails => Tails == Compositional.FdrTails.Right ? "right" : "both";

    /// <summary>Number of permutations.</summary>
    public int FdrPermutations => Permutations;

    /// <summary>The permutations' seed.</summary>
    public int FdrSeed => Seed;

    /// <summary>The smallest cutoff with estimated FDR at most 5%, or null.</summary>
    public double? FdrCutoff05 => CutoffAt(0.05);


    /// <summary>
    /// The smallest cutoff whose estimated FDR is finite and at most <paramref name="fdr"/> (propr's
    /// <c>getCutoffFDR</c>), or null when no cutoff qualifies.
    /// </summary>
    /// <param name="fdr">The target false discovery rate, in [0, 1].</param>
    public double? CutoffAt(double fdr = 0.05)
    {
        if (!(fdr >= 0 && fdr <= 1)) throw new ArgumentOutOfRangeException(nameof(fdr), fdr, "The FDR must lie in [0, 1].");
        var ok = Rows.Where(r => double.IsFinite(r.Fdr) && r.Fdr <= fdr).ToList();
        return ok.Count == 0 ? null : ok.Min(r => r.Cutoff);
    }

    private string MetricName => Metric == PairwiseMetric.Proportionality
        ? "proportionality rho_p"
        : Covariance == CompositionalCovariance.BasisShrinkage ? "partial correlation (basis shrinkage)" : "partial correlation";

    /// <summary>The settings, the cutoff at FDR 5% and about 20 rows of the table.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Permutation FDR (as propr::updateCutoffs)");
        AddTo(s);
        return s;
    }

    /// <summary>Adds the FDR headers, table and notes to another result's summary.</summary>
    internal void AddTo(SummaryTable s, bool notes = true)
    {
        double? at = CutoffAt(0.05);
        s.AddHeader("FDR measure", MetricName + (Tails == Compositional.FdrTails.Both ? ", |value|" : ", positive tail"))
         .AddHeader("FDR permutations", $"{Permutations} (columns shuffled independently; seed {Seed.ToString(CultureInfo.InvariantCulture)})")
         .AddHeader("Cutoff at FDR 5%", at is { } a ? Cell.Num(a, "F4") : "none");
        int step = Math.Max(1, (int)Math.Ceiling(Rows.Count / 20.0));
        var shown = new List<FdrRow>();
        for (int i = 0; i < Rows.Count; i++)
        {
            if (i % step != 0 && i != Rows.Count - 1) continue;
            // Tied cutoffs (few pairs) give identical rows; print each once.
            if (shown.Count > 0 && shown[^1].Cutoff == Rows[i].Cutoff && shown[^1].Discoveries == Rows[i].Discoveries) continue;
            shown.Add(Rows[i]);
        }
        int distinct = Rows.Select(r => (r.Cutoff, r.Discoveries)).Distinct().Count();
        // The caption says what the rows are: all cutoffs, all distinct ones, or a thinned selection.
        string caption = shown.Count == Rows.Count ? "FDR by cutoff"
            : shown.Count == distinct
                ? $"FDR at {(distinct == 1 ? "the one distinct cutoff" : $"the {distinct} distinct cutoffs")} of {Rows.Count} (tied quantiles)"
            : $"FDR at {shown.Count} of {Rows.Count} cutoffs (every {Ordinal(step)}{(distinct < Rows.Count ? ", tied cutoffs once" : "")})";
        var t = new Table(caption, "Cutoff", "Discoveries", "Permuted (mean)", "FDR", "MC s.e.");
        foreach (var r in shown)
            t.AddRow(Cell.Num(r.Cutoff, "F4"), r.Discoveries, Cell.Num(r.PermutedCount, "F2"),
                double.IsFinite(r.Fdr) ? Cell.Num(r.Fdr, "F4") : "undefined", double.IsFinite(r.FdrStdError) ? Cell.Num(r.FdrStdError, "F4") : "");
        s.AddTable(t);
        if (notes) foreach (var d in Diagnostics) s.AddNote(d.ToString());
    }

    private static string Ordinal(int k) => k.ToString(CultureInfo.InvariantCulture) + (k % 10 == 2 && k % 100 != 12 ? "nd" : k % 10 == 3 && k % 100 != 13 ?
        "rd" : k % 10 == 1 && k % 100 != 11 ? "st" : "th");

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.PermutationFdrResult;
}
