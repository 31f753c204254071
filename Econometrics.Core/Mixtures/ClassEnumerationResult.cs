using System.Globalization;
using Econometrics.Reporting;
using ScottPlot;

namespace Econometrics.Mixtures;

/// <summary>The class-enumeration table: one fitted model per K with its fit statistics.</summary>
public sealed class ClassEnumerationResult : SummarizedResult
{
    internal ClassEnumerationResult(IReadOnlyList<GrowthMixtureResult> fits, IReadOnlyList<Diagnostic> diagnostics)
    {
        Fits = fits; Diagnostics = diagnostics;
    }

    /// <summary>The fits, for K = 1, 2, ...</summary>
    public IReadOnlyList<GrowthMixtureResult> Fits { get; }

    /// <summary>Unsupported K values and other conditions.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The K with the smallest BIC (Liu's primary criterion).</summary>
    public int BestByBic => Fits.OrderBy(f => f.Bic).First().K;

    /// <summary>The summary as data.</summary>
    public override SummaryTable Summary()
    {
        static string F(double v, string f = "F3") => v.ToString(f, CultureInfo.InvariantCulture);
        var s = new SummaryTable("Class enumeration");
        var first = Fits[0];
        s.AddHeader("Persons", first.NObs).AddHeader("Curve", GrowthMixtureResult.CurveName(first.Curve))
         .AddHeader("Covariates", first.Covariates == CovariateTreatment.Joint ? "joint" : "conditional")
         .AddHeader("Best K by BIC", BestByBic);
        var t = new Table("Fit by number of classes", "K", "log-likelihood", "parameters", "AIC", "BIC", "adjusted BIC", "entropy", "smallest class", "best LL runs");
        foreach (var f in Fits)
            t.AddRow(f.K, F(f.LogLikelihood, "F4"), f.NParameters, F(f.Aic), F(f.Bic), F(f.AdjustedBic),
                f.Entropy is double e ? F(e, "F4") : "-", F(f.ExpectedSizes.Min() / f.NObs, "F3"), f.Replicated);
        s.AddTable(t);
        s.AddNote("BIC = -2 logLik + k ln N (smaller is better); adjusted BIC uses (N + 2)/24 in place of N.");
        foreach (var d in Diagnostics.Concat(Fits.SelectMany(f => f.Diagnostics).Distinct())) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>JSON: one entry per K with logLik, nParameters, aic, bic, adjustedBic, entropy.</summary>
    public override string ToJson() => Json.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("bestByBic", BestByBic);
        w.WriteStartArray("models");
        foreach (var f in Fits)
        {
            w.WriteStartObject();
            w.WriteNumber("classes", f.K);
            Json.WriteNumber(w, "logLik", f.LogLikelihood);
            w.WriteNumber("nParameters", f.NParameters);
            Json.WriteNumber(w, "aic", f.Aic);
            Json.WriteNumber(w, "bic", f.Bic);
            Json.WriteNumber(w, "adjustedBic", f.AdjustedBic);
            if (f.Entropy is double e) Json.WriteNumber(w, "entropy", e); else w.WriteNull("entropy");
            w.WriteBoolean("converged", f.Converged);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Json.WriteDiagnostics(w, Diagnostics);
        w.WriteEndObject();
    });

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
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
