using System.Globalization;
using Econometrics.Inference;
using Econometrics.Reporting;
using ScottPlot;

namespace Econometrics.Mixtures;

/// <summary>The class-enumeration table: one fitted model per K with its fit statistics.</summary>
public sealed record ClassEnumerationResult : Result
{
    internal ClassEnumerationResult(IReadOnlyList<GrowthMixtureResult> fits, IReadOnlyList<Diagnostic> diagnostics)
    {
        Fits = fits; Diagnostics = diagnostics;
    }

    /// <summary>The fits, for K = 1, 2, ...</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<GrowthMixtureResult> Fits { get; }

    /// <summary>Bootstrap LRT p-values of K − 1 against K classes, per row (null for K = 1), or null when not run.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<double?>? BlrtP { get; init; }

    /// <summary>The Vuong-Lo-Mendell-Rubin tests per row (null for K = 1 or where undefined), or null when not run.</summary>
    public IReadOnlyList<VlmrTest?>? Vlmr { get; init; }

    /// <summary>Bootstrap replicates of the BLRT (0: not run).</summary>
    public int BootstrapReplicates { get; init; }

    /// <summary>
    /// The BLRT's bootstrap likelihood ratios: all of them, or one shard's (then <see cref="BlrtP"/> is null until the
    /// shards are merged); null when the BLRT was not run.
    /// </summary>
    public BlrtReplicates? Blrt { get; init; }

    /// <summary>One row per K: fit statistics and how the random starts fared.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("enumeration")]
    public IReadOnlyList<ClassEnumerationRow> Models => Fits.Select((f, j) => new ClassEnumerationRow(f.K, f.LogLikelihood, f.NParameters,
        f.Aic, f.Bic, f.AdjustedBic, f.Entropy, f.ExpectedSizes.Min() / f.NObs, f.Converged, f.Starts, f.FinalStarts, f.ConvergedStarts, f.Replicated)
    { BlrtP = BlrtP?[j], VlmrP = Vlmr?[j]?.PValue, AdjustedLmrP = Vlmr?[j]?.AdjustedPValue }).ToArray();

    /// <summary>The K with the smallest BIC (Liu's primary criterion).</summary>
    public int BestByBic => Fits.OrderBy(f => f.Bic).First().K;

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.ClassEnumerationResult;

    /// <summary>The summary as data.</summary>
    public override SummaryTable Summary()
    {
        static string F(double v, string f = "F3") => v.ToString(f, CultureInfo.InvariantCulture);
        var s = new SummaryTable("Class enumeration");
        var first = Fits[0];
        s.AddHeader("Persons", first.NObs).AddHeader("Curve", GrowthMixtureResult.CurveName(first.Curve))
         .AddHeader("Covariates", first.Covariates == CovariateTreatment.Joint ? "joint" : "conditional")
         .AddHeader("Best K by BIC", BestByBic);
        var t = new Table("Fit by number of classes", "K", "logLik", "npar", "AIC", "BIC", "aBIC", "entropy", "min class", "starts",
            "final", "conv.", "best LL");
        foreach (var m in Models)
            t.AddRow(m.Classes, F(m.LogLik, "F2"), m.NParameters, F(m.Aic, "F2"), F(m.Bic, "F2"), F(m.AdjustedBic, "F2"),
                m.Entropy is double e ? F(e, "F3") : "-", F(m.SmallestClass, "F3"), m.Starts, m.FinalStarts, m.ConvergedStarts, m.BestLogLikReplicated);
        s.AddTable(t);
        if (Vlmr is not null || BlrtP is not null)
        {
            string[] columns = ["K", "LR", "d"];
            if (Vlmr is not null) columns = [.. columns, "VLMR mean", "VLMR sd", "VLMR p", "aLMR LR", "aLMR p"];
            if (BlrtP is not null) columns = [.. columns, "BLRT p"];
            var tests = new Table("Likelihood-ratio tests of K - 1 against K classes", columns);
            string P(double? v) => v is double x ? PValueFormat.Format(x) : "-";
            for (int j = 1; j < Fits.Count; j++)
            {
                var v = Vlmr?[j];
                Cell[] row = [Fits[j].K, F(2 * (Fits[j].LogLikelihood - Fits[j - 1].LogLikelihood), "F2"), Fits[j].NParameters - Fits[j - 1].NParameters];
                if (Vlmr is not null)
                    row = [.. row, v is null ? "-" : F(v.Mean, "F2"), v is null ? "-" : F(v.StandardDeviation, "F2"), P(v?.PValue),
                        v is null ? "-" : F(v.AdjustedStatistic, "F2"), P(v?.AdjustedPValue)];
                if (BlrtP is not null) row = [.. row, P(BlrtP[j])];
                tests.AddRow(row);
            }
            s.AddTable(tests);
        }
        if (BlrtP is not null)
            s.AddNote($"BLRT p: parametric bootstrap likelihood-ratio test of K - 1 against K classes (Mplus TECH14), {BootstrapReplicates} replicates.");
        else if (Blrt is { IsComplete: false } shard)
        {
            int owned = ReplicateDraws.Owned(shard.Replicates, new Shard(shard.ShardIndex, shard.ShardCount)).Length;
            s.AddNote($"BLRT shard {shard.ShardIndex}/{shard.ShardCount}: {owned} of {shard.Replicates} replicates; p-values after merging every " +
                "shard (--merge).");
        }
        if (Vlmr is not null)
            s.AddNote("VLMR p: Vuong-Lo-Mendell-Rubin test of K - 1 against K classes (Mplus TECH11), LR = 2 (logLik_K - logLik_K-1) " +
                "against its weighted chi-square limit (Vuong 1989); aLMR p: the same for LR / (1 + 1 / (d ln N)), d the difference in " +
                "parameters (Lo, Mendell and Rubin 2001, eq. 15); mean and sd of that limit, as Mplus prints them.");
        s.AddNote("BIC = -2 logLik + k ln N (smaller is better); aBIC uses (N + 2)/24 in place of N.");
        s.AddNote("starts: random starts (short EM runs); final: best short runs carried to convergence; conv.: final runs that "
            + "converged; best LL: final runs that reached the best log-likelihood within 1e-3 (Mplus's replication check).");
        foreach (var d in Diagnostics.Concat(Fits.SelectMany(f => f.Diagnostics).Distinct())) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>The class-enumeration curve: AIC, BIC and adjusted BIC against K.</summary>
    public Plot PlotCriteria()
    {
        var plot = Figures.Create("Class enumeration", "number of classes K", "information criterion");
        double[] ks = Fits.Select(f => (double)f.K).ToArray();
        void Add(string name, Func<GrowthMixtureResult, double> v)
        {
            var sc = plot.Add.Scatter(ks, Fits.Select(v).ToArray());
            sc.LegendText = name; sc.MarkerSize = 8; sc.LineWidth = 2;
        }
        Add("AIC", f => f.Aic);
        Add("BIC", f => f.Bic);
        Add("adjusted BIC", f => f.AdjustedBic);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ks, ks.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.ShowLegendOutside();
        return plot;
    }
}
