using System.Globalization;
using Econometrics.Reporting;
using ScottPlot;

namespace Econometrics.Mixtures;

/// <summary>The covariate screen: likelihood-ratio evidence for each candidate in each role, and the suggested roles.</summary>
public sealed record CovariateScreenResult : Result
{
    internal CovariateScreenResult(IReadOnlyList<CovariateScreenRow> rows, double baseLogLik, int classes, double level)
    {
        Rows = rows; BaseLogLikelihood = baseLogLik; Classes = classes; Level = level;
    }

    /// <summary>One row per candidate, in input order.</summary>
    public IReadOnlyList<CovariateScreenRow> Rows { get; }

    /// <summary>The log-likelihood of the mixture without covariates.</summary>
    public double BaseLogLikelihood { get; }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>The family-wise level of Holm's procedure.</summary>
    public double Level { get; }

    /// <summary>Candidates suggested for the gating role.</summary>
    public IReadOnlyList<string> GatingCovariates => Rows.Where(r => r.Gating).Select(r => r.Covariate).ToArray();

    /// <summary>Candidates suggested for the expert role.</summary>
    public IReadOnlyList<string> ExpertCovariates => Rows.Where(r => r.Expert).Select(r => r.Covariate).ToArray();

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.CovariateScreenResult;

    /// <summary>The summary as data.</summary>
    public override SummaryTable Summary()
    {
        static string F(double v, string f = "F3") => v.ToString(f, CultureInfo.InvariantCulture);
        var s = new SummaryTable("Covariate screen for gating and expert roles");
        s.AddHeader("Classes", Classes).AddHeader("Log-likelihood without covariates", F(BaseLogLikelihood, "F4"))
         .AddHeader("Suggested gating", GatingCovariates.Count > 0 ? string.Join(", ", GatingCovariates) : "none")
         .AddHeader("Suggested experts", ExpertCovariates.Count > 0 ? string.Join(", ", ExpertCovariates) : "none");
        var t = new Table("Likelihood-ratio statistics (each covariate alone in each role)", "covariate", "gating LR", "gating df", "gating p", "expert LR",
            "expert df", "expert p", "role");
        foreach (var r in Rows)
            t.AddRow(r.Covariate, F(r.GatingStatistic), r.GatingDf, Cell.PValue(r.GatingPValue), F(r.ExpertStatistic), r.ExpertDf, Cell.PValue(r.ExpertPValue),
                r.Gating && r.Expert ? "both" : r.Gating ? "gating" : r.Expert ? "expert" : "-");
        s.AddTable(t);
        s.AddNote(string.Create(CultureInfo.InvariantCulture, $"Roles pass Holm's procedure at family-wise level {Level} over all {2 * Rows.Count} " +
            $"tests; the screen uses the conditional covariate treatment."));
        return s;
    }

    /// <summary>Evidence per covariate and role as −log10 p bars.</summary>
    public Plot PlotEvidence()
    {
        var plot = Figures.Create("Covariate screen", "covariate", "-log10 p");
        var palette = new ScottPlot.Palettes.Category10();
        // -log10 p from the log survival function, so evidence far beyond double precision still has its height.
        static double L(double lr, int df) => df > 0 ? -ReferenceDistribution.ChiSquared(df).LogSurvival(lr) / Math.Log(10) : 0;
        var gate = Rows.Select((r, i) => new Bar
        {
            Position = i - 0.2, Value = L(r.GatingStatistic, r.GatingDf), Size = 0.38,
            FillColor = palette.GetColor(0)
        }).ToArray();
        var exp = Rows.Select((r, i) => new Bar
        {
            Position = i + 0.2, Value = L(r.ExpertStatistic, r.ExpertDf), Size = 0.38,
            FillColor = palette.GetColor(1)
        }).ToArray();
        plot.Add.Bars(gate).LegendText = "gating";
        plot.Add.Bars(exp).LegendText = "expert";
        // Each bar states its p-value: -log10 p alone hides that p = 2e-34 is a number, not a floor.
        foreach (var (bars, ps) in new[] { (gate, Rows.Select(r => r.GatingPValue)), (exp, Rows.Select(r => r.ExpertPValue)) })
            foreach (var (bar, p) in bars.Zip(ps))
            {
                var label = plot.Add.Text("p = " + p.ToString(p >= 1e-3 ? "0.###" : "0.0e+00", CultureInfo.InvariantCulture), bar.Position, bar.Value);
                label.LabelAlignment = Alignment.LowerCenter; label.LabelFontSize = 11; label.LabelFontName = Figures.FontName;
                label.OffsetY = -3;
            }
        // Bars start at 0 (no margin below), and the top margin leaves room for the p-value labels.
        plot.Axes.Margins(bottom: 0, top: 0.12);
        double[] pos = Enumerable.Range(0, Rows.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(pos, Rows.Select(r => r.Covariate).ToArray());
        plot.ShowLegendOutside();
        return plot;
    }
}
