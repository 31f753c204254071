using System.Text.Json;
using Econometrics.Reporting;

namespace Econometrics.Causal.Invariance;

/// <summary>The result of <see cref="HiddenInvariantCausalPrediction.Fit"/>, one row per predictor.</summary>
public sealed class HiddenIcpResult : SummarizedResult
{
    internal HiddenIcpResult(string[] predictors, double alpha, bool intercept, double[] estimate, double[] lower, double[] upper,
        double[] maximin, double[] pValues, int k, int n, IReadOnlyList<Diagnostic> diagnostics)
    {
        Predictors = predictors; Alpha = alpha; Intercept = intercept; Estimate = estimate; Lower = lower; Upper = upper;
        Maximin = maximin; PValues = pValues; K = k; N = n; Diagnostics = diagnostics;
    }

    /// <summary>The predictor names.</summary>
    public IReadOnlyList<string> Predictors { get; }

    /// <summary>The significance level.</summary>
    public double Alpha { get; }

    /// <summary>Whether an intercept column was added.</summary>
    public bool Intercept { get; }

    /// <summary>The causal coefficients, averaged over the environment contrasts (R's <c>betahat</c>).</summary>
    public IReadOnlyList<double> Estimate { get; }

    /// <summary>Lower confidence bounds (intersection over contrasts).</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Upper confidence bounds.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>The maximin effects; non-zero means a significant causal effect at <see cref="Alpha"/>.</summary>
    public IReadOnlyList<double> Maximin { get; }

    /// <summary>P-values of "no causal effect".</summary>
    public IReadOnlyList<double> PValues { get; }

    /// <summary>Number of environments.</summary>
    public int K { get; }

    /// <summary>Number of observations.</summary>
    public int N { get; }

    /// <summary>Conditions met during the fit.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The predictors with a significant causal effect (non-zero maximin effect).</summary>
    public IReadOnlyList<string> CausalPredictors => Predictors.Where((_, j) => Maximin[j] != 0).ToArray();

    /// <summary>The result as a summary table.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Invariant causal prediction with hidden variables (shift interventions)")
            .AddHeader("Observations", N).AddHeader("Environments", K)
            .AddHeader("Alpha", Alpha)
            .AddHeader("Intercept", Intercept ? "yes" : "no")
            .AddHeader("Significant causal effects", CausalPredictors.Count == 0 ? "none" : string.Join(", ", CausalPredictors));
        var t = new Table($"Effects ({(1 - Alpha) * 100:0.#}% intervals, intersected over environments)", "Predictor", "Estimate", "Lower", "Upper", "Maximin", "P-value");
        for (int j = 0; j < Predictors.Count; j++)
            t.AddRow(Predictors[j], Estimate[j], Lower[j], Upper[j], Maximin[j], Cell.PValue(PValues[j]));
        s.AddTable(t);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        s.AddNote("Valid when the environments shift the predictors additively (hidden confounders allowed), not when they act on the target.");
        return s;
    }

    /// <summary>JSON: <c>method</c>, <c>alpha</c>, <c>intercept</c>, <c>causalPredictors</c>, <c>effects</c> (one object per predictor) and <c>diagnostics</c>.</summary>
    public override string ToJson() => Json.Serialize(WriteJson);

    /// <summary>Writes the JSON object.</summary>
    /// <param name="w">The writer.</param>
    public void WriteJson(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("method", "hiddenICP");
        w.WriteNumber("alpha", Alpha);
        w.WriteBoolean("intercept", Intercept);
        w.WriteNumber("nObs", N);
        w.WriteNumber("environments", K);
        w.WriteStartArray("causalPredictors");
        foreach (var c in CausalPredictors) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteStartArray("effects");
        for (int j = 0; j < Predictors.Count; j++)
        {
            w.WriteStartObject();
            w.WriteString("predictor", Predictors[j]);
            Json.WriteNumber(w, "estimate", Estimate[j]);
            Json.WriteNumber(w, "lower", Lower[j]);
            Json.WriteNumber(w, "upper", Upper[j]);
            Json.WriteNumber(w, "maximin", Maximin[j]);
            Json.WriteNumber(w, "pValue", PValues[j]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Json.WriteDiagnostics(w, Diagnostics);
        w.WriteEndObject();
    }
}
