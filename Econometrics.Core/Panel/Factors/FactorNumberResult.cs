using Econometrics.Reporting;

namespace Econometrics.Panel.Factors;

/// <summary>The number of factors chosen by each criterion, with the scree values behind them.</summary>
public sealed record FactorNumberResult : Result
{
    internal FactorNumberResult(int n, int t, int maxFactors, FactorCriterion criterion, int selected,
        IReadOnlyDictionary<FactorCriterion, int> byCriterion, double[] eigenvalues, IReadOnlyList<FactorNumberRow> rows,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        N = n; T = t; MaxFactors = maxFactors; Criterion = criterion; Selected = selected; ByCriterion = byCriterion;
        Eigenvalues = eigenvalues; Rows = rows; Diagnostics = diagnostics;
    }

    /// <summary>Number of units.</summary>
    public int N { get; }

    /// <summary>Number of periods.</summary>
    public int T { get; }

    /// <summary>The kmax actually used.</summary>
    public int MaxFactors { get; }

    /// <summary>The criterion whose choice is <see cref="Selected"/>.</summary>
    public FactorCriterion Criterion { get; }

    /// <summary>The chosen number of factors.</summary>
    public int Selected { get; }

    /// <summary>The choice of every criterion.</summary>
    public IReadOnlyDictionary<FactorCriterion, int> ByCriterion { get; }

    /// <summary>The leading eigenvalues of X X'/(NT), descending (the scree).</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>Criteria for k = 0..kmax.</summary>
    public IReadOnlyList<FactorNumberRow> Rows { get; }


    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.FactorNumberResult;

    /// <summary>The summary table.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Number of factors")
            .AddHeader("N", N).AddHeader("T", T).AddHeader("kmax", MaxFactors)
            .AddHeader("Criterion", Criterion.ToString()).AddHeader("Selected", Selected);
        var choice = new Table("Choice by criterion", "Criterion", "k");
        foreach (var (c, k) in ByCriterion) choice.AddRow(c.ToString(), k);
        s.AddTable(choice);
        var table = new Table("Criteria", "k", "Eigenvalue", "V(k)", "PC1", "PC2", "PC3", "IC1", "IC2", "IC3", "ER", "GR");
        foreach (var r in Rows) table.AddRow(r.K, r.Eigenvalue, r.V, r.PC1, r.PC2, r.PC3, r.IC1, r.IC2, r.IC3, r.ER, r.GR);
        s.AddTable(table);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>Scree plot: the leading eigenvalues with the chosen k marked.</summary>
    public ScottPlot.Plot PlotScree()
    {
        var plot = Figures.Create("Scree plot", "k", "Eigenvalue of XX'/(NT) (log scale)");
        // A log scale: the leading eigenvalue is often orders of magnitude above the rest, which a linear axis flattens to
        // zero. Eigenvalues at rounding level (or below) are left out rather than drawn at -infinity.
        double floor = Eigenvalues.Count == 0 ? 0 : Eigenvalues.Max() * 1e-12;
        var kept = Enumerable.Range(1, Eigenvalues.Count).Where(k => Eigenvalues[k - 1] > floor).ToArray();
        var xs = kept.Select(k => (double)k).ToArray();
        var line = plot.Add.Scatter(xs, kept.Select(k => Math.Log10(Eigenvalues[k - 1])).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true, MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = y => "1e" + Math.Round(y).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true, LabelFormatter = x => Math.Round(x).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        line.LegendText = "eigenvalues";
        if (Selected > 0)
        {
            var v = plot.Add.VerticalLine(Selected + 0.5);
            v.LinePattern = ScottPlot.LinePattern.Dashed;
            v.LegendText = $"{Criterion}: k = {Selected}";
        }
        plot.ShowLegendOutside();
        return plot;
    }
}
