using Econometrics.Reporting;
using ScottPlot;

namespace Econometrics.Causal.Invariance;

/// <summary>The result of <see cref="InvarianceCheck.Test"/> for one representation.</summary>
public sealed record InvarianceReport : Result
{
    internal InvarianceReport(string representation, string[] features, string target, int n, IReadOnlyList<EnvironmentEstimate> environments,
        InvarianceGaps gaps, double standardizedSlopeGap, IReadOnlyList<TestResult> tests, IReadOnlyList<GapInterval> intervals, double ucb,
        double tolerance, double alpha, bool standardized, bool certified, string evidence, IReadOnlyList<Diagnostic> diagnostics)
    {
        Representation = representation; Features = features; Target = target; NObs = n; Environments = environments; Gaps = gaps;
        StandardizedSlopeGap = standardizedSlopeGap; Tests = tests; GapIntervals = intervals; UpperConfidenceBound = ucb;
        Tolerance = tolerance; Alpha = alpha; Standardized = standardized; Certified = certified; Evidence = evidence; Diagnostics = diagnostics;
    }

    /// <summary>The representation's name.</summary>
    public string Representation { get; }

    /// <summary>The feature names (columns of Phi X).</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The target's name.</summary>
    public string Target { get; }

    /// <summary>Total observations.</summary>
    public int NObs { get; }

    /// <summary>Per-environment estimates of the optimal linear predictor on Phi X.</summary>
    public IReadOnlyList<EnvironmentEstimate> Environments { get; }

    /// <summary>The invariance gaps (raw feature units).</summary>
    public InvarianceGaps Gaps { get; }

    /// <summary>The slope gap with features scaled to unit pooled SD (invariant to rescaling Phi's rows).</summary>
    public double StandardizedSlopeGap { get; }

    /// <summary>Chow, Wald, ICP normal and exact, Levene and Brown-Forsythe tests.</summary>
    public IReadOnlyList<TestResult> Tests { get; }

    /// <summary>Basic (reverse-percentile) bootstrap intervals at level 1 - Alpha for every gap (empty without a bootstrap).</summary>
    public IReadOnlyList<GapInterval> GapIntervals { get; }

    /// <summary>The number of bootstrap resamples behind <see cref="GapIntervals"/> (0 without a bootstrap).</summary>
    public int BootstrapReplications { get; init; }

    /// <summary>The name of the environment column ("env"), for axis titles.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EnvironmentName { get; init; } = "environment";

    /// <summary>The seed of the bootstrap.</summary>
    public int BootstrapSeed { get; init; }

    /// <summary>The upper confidence bound on the slope gap used for certification.</summary>
    public double UpperConfidenceBound { get; }

    /// <summary>The tolerance epsilon.</summary>
    public double Tolerance { get; }

    /// <summary>The level.</summary>
    public double Alpha { get; }

    /// <summary>Whether certification used standardised features.</summary>
    public bool Standardized { get; }

    /// <summary>Whether the representation is certified epsilon-invariant at level Alpha (UCB &lt;= tolerance).</summary>
    public bool Certified { get; }

    /// <summary>The decision in words with its evidence.</summary>
    public string Evidence { get; }


    /// <summary>The test with the given method-name prefix ("Chow", "Wald", "Levene", "Brown-Forsythe", "ICP normal", "ICP exact").</summary>
    /// <param name="prefix">The start of the method name.</param>
    public TestResult TestNamed(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Tests.FirstOrDefault(t => t.Method.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new ArgumentException($"No test starts with '{prefix}'.", nameof(prefix));
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.InvarianceReport;

    /// <summary>The report as a summary table.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable($"Invariance of {Target} on {Representation} across {Environments.Count} environments")
            .AddHeader("Observations", NObs)
            .AddHeader("Features", string.Join(", ", Features))
            .AddHeader($"Epsilon-invariant (alpha = {Alpha})", Certified ? "yes" : "no")
            .AddHeader("Evidence", Evidence);
        // Estimates on one row and their standard errors in parentheses beneath, as journals print regressions, so
        // the table stays narrow however many features there are.
        var cols = new List<string> { "Environment", "N", "Intercept" };
        cols.AddRange(Features);
        cols.Add("Sigma2");
        var t = new Table("Per-environment optimal predictor (standard errors in parentheses)", cols.ToArray());
        foreach (var e in Environments)
        {
            var row = new List<Cell> { e.Environment, e.NObs };
            for (int j = 0; j < e.Estimate.Count; j++) row.Add(e.Estimate[j]);
            row.Add(e.Sigma2);
            t.AddRow(row.ToArray());
            var se = new List<Cell> { "", "" };
            for (int j = 0; j < e.StdError.Count; j++) se.Add($"({Fmt(e.StdError[j])})");
            se.Add("");
            t.AddRow(se.ToArray());
        }
        s.AddTable(t);
        bool bootstrap = GapIntervals.Count > 0;
        // A basic interval reflects the resampled quantiles around the estimate; it can exclude the estimate, and such
        // rows point to the note that says why.
        var missed = GapIntervals.Where(i => i.Estimate < i.Lower || i.Estimate > i.Upper).Select(i => i.Name).ToHashSet();
        var g = new Table(bootstrap
                ? $"Invariance gaps ({(1 - Alpha) * 100:0.##}% basic bootstrap intervals, B = {BootstrapReplications})"
                : "Invariance gaps",
            "Gap", "Estimate", "Lower", "Upper");
        foreach (var (name, value) in Gaps.Named())
        {
            var iv = GapIntervals.FirstOrDefault(i => i.Name == name);
            g.AddRow(missed.Contains(name) ? name + " [1]" : name, value, iv?.Lower ?? double.NaN, iv?.Upper ?? double.NaN);
        }
        g.AddRow("standardizedSlopeGap", StandardizedSlopeGap, double.NaN, double.NaN);
        g.AddRow("slopeGapUpperBound", UpperConfidenceBound, double.NaN, double.NaN);
        s.AddTable(g);
        var tt = new Table("Tests", "Test", "Statistic", "Distribution", "P-value");
        foreach (var x in Tests)
            tt.AddRow(x.Method, x.Statistic, x.Distribution.Kind == "None" ? "" : x.Distribution.ToString(),
                x.PValue is { } p ? Cell.PValue(p) : Cell.Text("n/a"));
        s.AddTable(tt);
        if (bootstrap)
            s.AddNote(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Gap intervals are basic (reverse-percentile) bootstrap intervals, 2 x estimate minus the upper and lower ") +
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"quantiles of B = {BootstrapReplications} resamples stratified by environment (seed {BootstrapSeed}), clipped at the gap's floor ") +
                "(0; 1 for varianceRatio). A gap is a maximum and biased upwards, so the resampled gaps can all exceed the " +
                "estimate and the reflected interval then lies below it" + (missed.Count > 0 ? " (rows marked [1])" : "") +
                "; near a true gap of 0 the intervals are unreliable, so judge exact invariance by the Chow and Wald tests.");
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    private static string Fmt(double x) => Cell.Num(x).ToString();

    /// <summary>Per-environment coefficients with 95% Wald intervals, one series per coefficient.</summary>
    public Plot PlotCoefficients()
    {
        var plot = Figures.Create($"Per-environment coefficients: {Target} on {Representation}", EnvironmentName, "estimate (95% interval)");
        var names = new[] { "Intercept" }.Concat(Features).ToArray();
        int K = Environments.Count, q = names.Length;
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);
        var palette = new ScottPlot.Palettes.Category10();
        for (int j = 0; j < q; j++)
        {
            double offset = (j - (q - 1) / 2.0) * 0.12;
            var xs = Enumerable.Range(0, K).Select(k => k + offset).ToArray();
            var ys = Environments.Select(e => e.Estimate[j]).ToArray();
            var err = Environments.Select(e => z * e.StdError[j]).ToArray();
            var color = palette.GetColor(j);
            var eb = plot.Add.ErrorBar(xs, ys, err);
            eb.LineColor = color;
            var sc = plot.Add.ScatterPoints(xs, ys, color);
            sc.LegendText = names[j];
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, K).Select(k => (double)k).ToArray(), Environments.Select(e => e.Environment).ToArray());
        plot.Axes.SetLimitsX(-0.6, K - 0.4);
        // Beside the plot, never over an interval.
        plot.ShowLegendOutside();
        return plot;
    }
}
