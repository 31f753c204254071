using System.Text.Json.Serialization;
using Econometrics.Reporting;

namespace Econometrics.Causal.Invariance;

/// <summary>The result of <see cref="HiddenInvariantCausalPrediction.Fit"/>, one row per predictor.</summary>
public sealed record HiddenIcpResult : Result
{
    internal HiddenIcpResult(string[] predictors, double alpha, bool intercept, double[] estimate, double[] lower, double[] upper,
        double[] maximin, double[] pValues, int k, int n, IReadOnlyList<Diagnostic> diagnostics) : base(diagnostics)
    {
        Predictors = predictors; Alpha = alpha; Intercept = intercept; Estimate = estimate; Lower = lower; Upper = upper;
        Maximin = maximin; PValues = pValues; K = k; N = n;
    }

    /// <summary>The method, for readers of the JSON: always "hiddenICP".</summary>
    [JsonPropertyOrder(-1)]
    public string Method => "hiddenICP";

    /// <summary>The predictor names.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Predictors { get; }

    /// <summary>The significance level.</summary>
    public double Alpha { get; }

    /// <summary>Whether an intercept column was added.</summary>
    public bool Intercept { get; }

    /// <summary>The causal coefficients, averaged over the environment contrasts (R's <c>betahat</c>).</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Estimate { get; }

    /// <summary>Lower confidence bounds (intersection over contrasts).</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Upper confidence bounds.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Upper { get; }

    /// <summary>The maximin effects; non-zero means a significant causal effect at <see cref="Alpha"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Maximin { get; }

    /// <summary>P-values of "no causal effect".</summary>
    [JsonIgnore]
    public IReadOnlyList<double> PValues { get; }

    /// <summary>Number of environments.</summary>
    [JsonPropertyName("environments")]
    public int K { get; }

    /// <summary>Number of observations.</summary>
    [JsonPropertyName("nObs")]
    public int N { get; }

    /// <summary>The predictors with a significant causal effect (non-zero maximin effect).</summary>
    public IReadOnlyList<string> CausalPredictors => Predictors.Where((_, j) => Maximin[j] != 0).ToArray();

    /// <summary>One row per predictor: estimate, interval, maximin effect and p-value.</summary>
    public IReadOnlyList<HiddenIcpEffect> Effects =>
        Predictors.Select((v, j) => new HiddenIcpEffect(v, Estimate[j], Lower[j], Upper[j], Maximin[j], PValues[j])).ToArray();

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.HiddenIcpResult;

    /// <summary>The result as a summary table.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Invariant causal prediction with hidden variables (shift interventions)")
            .AddHeader("Observations", N).AddHeader("Environments", K)
            .AddHeader("Alpha", Alpha)
            .AddHeader("Intercept", Intercept ? "yes" : "no")
            .AddHeader("Significant causal effects", CausalPredictors.Count == 0 ? "none" : string.Join(", ", CausalPredictors));
        var t = new Table($"Effects ({(1 - Alpha) * 100:0.#}% intervals, intersected over environments)", "Predictor", "Estimate", "Lower", "Upper", "Maximin",
            "P-value");
        for (int j = 0; j < Predictors.Count; j++)
            t.AddRow(Predictors[j], Estimate[j], Lower[j], Upper[j], Maximin[j], Cell.PValue(PValues[j]));
        s.AddTable(t);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        s.AddNote("Estimate: the average of the per-contrast estimates; the interval is the intersection of the per-contrast " +
                  "intervals (as R's hiddenICP), so it need not contain the average.");
        s.AddNote("Valid when the environments shift the predictors additively (hidden confounders allowed), not when they act on the target.");
        return s;
    }

    /// <summary>The per-predictor confidence intervals (intersected over environments) as vertical bars.</summary>
    public ScottPlot.Plot PlotIntervals() =>
        IcpResult.DrawIntervals($"hiddenICP confidence intervals (alpha = {Alpha})", Predictors, Lower, Upper, CausalPredictors);
}
