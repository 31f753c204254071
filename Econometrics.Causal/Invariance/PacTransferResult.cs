using Econometrics.Reporting;
using ScottPlot;

namespace Econometrics.Causal.Invariance;

/// <summary>The result of <see cref="PacTransferExperiment.Simulate"/>.</summary>
public sealed record PacTransferResult : Result
{
    internal PacTransferResult(IReadOnlyList<PacTransferRow> rows, int hypotheses, double tolerance, double failureProbability, double delta,
        int replications, int testDraws, double? q, double finiteClassBound, int seed)
    {
        Rows = rows; Hypotheses = hypotheses; Tolerance = tolerance; FailureProbability = failureProbability; Delta = delta;
        Replications = replications; TestDraws = testDraws; RareChangeProbability = q; FiniteClassBound = finiteClassBound; Seed = seed;
    }

    /// <summary>One row per number of training environments.</summary>
    public IReadOnlyList<PacTransferRow> Rows { get; }

    /// <summary>Size of the hypothesis class |H|.</summary>
    public int Hypotheses { get; }

    /// <summary>The tolerance tau.</summary>
    public double Tolerance { get; }

    /// <summary>epsilon_pac.</summary>
    public double FailureProbability { get; }

    /// <summary>delta.</summary>
    public double Delta { get; }

    /// <summary>Replications per m.</summary>
    public int Replications { get; }

    /// <summary>Fresh environments per replication.</summary>
    public int TestDraws { get; }

    /// <summary>The rare-change probability q of the analytic curve, if given.</summary>
    public double? RareChangeProbability { get; }

    /// <summary>The finite-class realizable PAC bound m &gt;= (ln|H| + ln(1/delta)) / epsilon_pac.</summary>
    public double FiniteClassBound { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.PacTransferResult;

    /// <summary>The result as a summary table.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("PAC transfer of approximate invariance to unseen environments")
            .AddHeader("Hypotheses |H|", Hypotheses).AddHeader("Tolerance tau", Tolerance)
            .AddHeader("epsilon_pac", FailureProbability).AddHeader("delta", Delta)
            .AddHeader("Replications x test draws", $"{Replications} x {TestDraws}")
            .AddHeader("Finite-class bound on m", FiniteClassBound)
            .AddHeader("Seed", Seed);
        var t = new Table("Failure probability P(failure rate > epsilon_pac) by number of training environments m",
            "m", "P(selected non-invariant)", "Mean failure rate", "P(failure > eps)", "CP lower", "CP upper",
            RareChangeProbability is { } q ? $"(1 - {q})^m" : "Analytic");
        foreach (var r in Rows) t.AddRow(r.TrainingEnvironments, r.SelectedNonInvariant, r.MeanFailureRate, r.FailureProbability, r.Lower, r.Upper, r.Analytic);
        s.AddTable(t);
        s.AddNote("Population moments (infinite samples per environment); failure means ||(b, w) - reference|| > tau on a fresh environment.");
        return s;
    }

    /// <summary>The PAC curve: estimated failure probability (with Clopper-Pearson intervals) against m, the analytic curve and delta.</summary>
    public Plot PlotCurve()
    {
        var plot = Figures.Create("PAC transfer: failure probability against training environments", "Training environments m",
            "P(failure rate > epsilon_pac)");
        var xs = Rows.Select(r => (double)r.TrainingEnvironments).ToArray();
        var ys = Rows.Select(r => r.FailureProbability).ToArray();
        foreach (var r in Rows)
        {
            var bar = plot.Add.Line(r.TrainingEnvironments, r.Lower, r.TrainingEnvironments, r.Upper);
            bar.LineColor = Colors.SteelBlue;
        }
        var sc = plot.Add.Scatter(xs, ys, Colors.SteelBlue);
        sc.LegendText = "Monte Carlo";
        if (RareChangeProbability is { } q)
        {
            double max = xs.Max();
            var grid = Enumerable.Range(0, 101).Select(i => 1 + (max - 1) * i / 100.0).ToArray();
            var line = plot.Add.ScatterLine(grid, grid.Select(m => Math.Pow(1 - q, m)).ToArray(), Colors.OrangeRed);
            line.LegendText = $"analytic (1 - {q})^m";
        }
        var h = plot.Add.HorizontalLine(Delta, 1, Colors.Gray, LinePattern.Dashed);
        h.LegendText = $"delta = {Delta}";
        plot.Axes.SetLimitsY(0, 1);
        plot.ShowLegendOutside();
        return plot;
    }
}
