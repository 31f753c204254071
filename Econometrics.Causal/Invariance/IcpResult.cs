using Econometrics.Reporting;
using ScottPlot;

using System.Text.Json.Serialization;

namespace Econometrics.Causal.Invariance;

/// <summary>The result of <see cref="InvariantCausalPrediction.Fit"/>.</summary>
public sealed record IcpResult : Result
{
    internal IcpResult(string[] predictors, double alpha, IcpTest test, double goodnessOfFit, IReadOnlyList<IReadOnlyList<string>> acceptedSets,
        string[] causalPredictors, double[] pValues, double[]? lower, double[]? upper, bool modelRejected, double bestModel,
        IReadOnlyList<IcpSet> sets, long setsInSearch, bool pruned, int k, int n, IReadOnlyList<Diagnostic> diagnostics)
    {
        Predictors = predictors; Alpha = alpha; Test = test; GoodnessOfFit = goodnessOfFit; AcceptedSets = acceptedSets;
        CausalPredictors = causalPredictors; PValues = pValues; Lower = lower; Upper = upper; ModelRejected = modelRejected;
        BestModel = bestModel; Sets = sets; SetsInSearch = setsInSearch; Pruned = pruned; K = k; N = n; Diagnostics = diagnostics;
    }

    /// <summary>The predictor names.</summary>
    public IReadOnlyList<string> Predictors { get; }

    /// <summary>The significance level.</summary>
    public double Alpha { get; }

    /// <summary>The per-set test used.</summary>
    public IcpTest Test { get; }

    /// <summary>The model of the target: linear, or logistic for a two-class target.</summary>
    public IcpFamily Family { get; init; } = IcpFamily.Gaussian;

    /// <summary>The goodness-of-fit level for model rejection.</summary>
    public double GoodnessOfFit { get; }

    /// <summary>The sets whose p-value exceeds Alpha, in test order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> AcceptedSets { get; }

    /// <summary>The estimated causal predictors: the intersection of the accepted sets (empty when the model is rejected).</summary>
    public IReadOnlyList<string> CausalPredictors { get; }

    /// <summary>Per-predictor p-values for "this predictor is not a causal parent": the largest p-value of a set without it.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> PValues { get; }

    /// <summary><see cref="PValues"/> keyed by predictor.</summary>
    [JsonPropertyName("pValues")]
    public IReadOnlyDictionary<string, double> PValuesByPredictor => Predictors.Select((v, j) => (v, j)).ToDictionary(x => x.v, x => PValues[x.j]);

    /// <summary>The confidence interval [lower, upper] of each predictor; null when the model is rejected or the search was pruned.</summary>
    public IReadOnlyDictionary<string, double[]>? ConfidenceIntervals => Lower is null || Upper is null ? null
        : Predictors.Select((v, j) => (v, j)).ToDictionary(x => x.v, x => new[] { Lower[x.j], Upper[x.j] });

    /// <summary>Lower confidence bounds per predictor (union over accepted sets); null when the model is rejected or the search was pruned.</summary>
    public IReadOnlyList<double>? Lower { get; }

    /// <summary>Upper confidence bounds per predictor; null when the model is rejected or the search was pruned.</summary>
    public IReadOnlyList<double>? Upper { get; }

    /// <summary>The value of each confidence interval closest to 0 (0 when the interval contains 0); null like the intervals.</summary>
    public IReadOnlyList<double>? Maximin => Lower is null || Upper is null ? null
        : Lower.Zip(Upper, (lo, hi) => double.IsNaN(lo) || double.IsNaN(hi) ? double.NaN
            : Math.Sign(lo) * Math.Sign(hi) >= 0 ? Math.Sign(hi) * Math.Min(Math.Abs(lo), Math.Abs(hi)) : 0.0).ToArray();

    /// <summary>Whether no set fits (every p-value at or below the goodness-of-fit level).</summary>
    public bool ModelRejected { get; }

    /// <summary>The largest set p-value.</summary>
    public double BestModel { get; }

    /// <summary>Every tested set with its p-value, in test order (the empty set first).</summary>
    public IReadOnlyList<IcpSet> Sets { get; }

    /// <summary>How many sets the full search has (2^p, or fewer with a maximum set size).</summary>
    public long SetsInSearch { get; }

    /// <summary>Whether pruning skipped sets.</summary>
    public bool Pruned { get; }

    /// <summary>Number of environments.</summary>
    public int K { get; }

    /// <summary>Number of observations.</summary>
    public int N { get; }


    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.IcpResult;

    /// <summary>The result as a summary table.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable(Family == IcpFamily.Binomial
                ? "Invariant causal prediction (binary target: logistic regression, Welch t tests of residuals)"
                : $"Invariant causal prediction ({Test.ToString().ToLowerInvariant()} test)")
            .AddHeader("Observations", N).AddHeader("Environments", K)
            .AddHeader("Alpha", Alpha)
            .AddHeader("Sets tested", $"{Sets.Count} of {SetsInSearch}")
            .AddHeader("Accepted sets", AcceptedSets.Count == 0 ? "none" : string.Join(" ", AcceptedSets.Select(a => "{" + string.Join(",", a) + "}")))
            .AddHeader("Causal predictors", ModelRejected ? "none (model rejected)" : "{" + string.Join(",", CausalPredictors) + "}")
            .AddHeader("Best model p-value", Cell.PValue(BestModel));
        var t = new Table($"Per-predictor evidence ({(1 - Alpha) * 100:0.##}% intervals, union over accepted sets)",
            "Predictor", "P-value", "Lower", "Upper", "Maximin", "Causal");
        var maximin = Maximin;
        for (int j = 0; j < Predictors.Count; j++)
            t.AddRow(Predictors[j], Cell.PValue(PValues[j]), Lower?[j] ?? double.NaN, Upper?[j] ?? double.NaN, maximin?[j] ?? double.NaN,
                CausalPredictors.Contains(Predictors[j]) ? "yes" : "");
        s.AddTable(t);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>The per-predictor confidence intervals (union over accepted sets) as vertical bars.</summary>
    public Plot PlotIntervals() => Lower is null || Upper is null
        ? Figures.Create("ICP: no intervals (model rejected or pruned search)", "predictor", "coefficient")
        : DrawIntervals($"ICP confidence intervals (alpha = {Alpha})", Predictors, Lower, Upper, CausalPredictors);

    /// <summary>Intervals as vertical bars, blue for the predictors called causal, grey for the others, with a midpoint
    /// marker so that zero-width intervals stay visible.</summary>
    internal static Plot DrawIntervals(string title, IReadOnlyList<string> predictors, IReadOnlyList<double> lower, IReadOnlyList<double> upper,
        IReadOnlyCollection<string> causal)
    {
        var plot = Figures.Create(title, "predictor", "coefficient");
        bool anyCausal = false, anyOther = false;
        for (int j = 0; j < predictors.Count; j++)
        {
            if (double.IsNaN(lower[j])) continue;
            bool isCausal = causal.Contains(predictors[j]);
            var color = isCausal ? Colors.SteelBlue : Colors.Gray;
            var line = plot.Add.Line(j, lower[j], j, upper[j]);
            line.LineWidth = 6;
            line.LineColor = color;
            var mid = plot.Add.Marker(j, (lower[j] + upper[j]) / 2, MarkerShape.FilledDiamond, 10, color);
            // One legend entry per colour.
            if (isCausal && !anyCausal) mid.LegendText = "identified as causal";
            if (!isCausal && !anyOther) mid.LegendText = "not identified as causal";
            anyCausal |= isCausal; anyOther |= !isCausal;
        }
        plot.Add.HorizontalLine(0, 1, Colors.Black, LinePattern.Dashed);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, predictors.Count).Select(i => (double)i).ToArray(), [.. predictors]);
        plot.Axes.SetLimitsX(-0.5, predictors.Count - 0.5);
        plot.ShowLegendOutside();
        return plot;
    }
}
