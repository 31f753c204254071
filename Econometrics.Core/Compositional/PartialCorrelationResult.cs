using System.Globalization;
using System.Text.Json.Serialization;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Econometrics.Compositional;

/// <summary>Log-ratio partial correlations of every pair of parts, with partial variances, tests and the pairwise log-ratio measures.</summary>
/// <remarks>
/// <see cref="ClrCovariance"/>, <see cref="Variation"/>, <see cref="Proportionality"/> and the <see cref="Tests"/> are
/// D x D matrices that many callers never read (a permutation FDR reads only the partial correlations), so they are
/// formed on first use, once, thread-safely, like statsmodels' cached result attributes. With basis shrinkage and
/// n &lt; D the estimate keeps only the n x D standardised data for them, so with D in the tens of thousands only the
/// partial correlations and the precision are held as D x D matrices until the others are read.
/// </remarks>
public sealed record PartialCorrelationResult : PairwiseFdrResult
{
    private readonly Lazy<LogRatioMeasureSet> _measures;
    private readonly Lazy<PartialCorrelationTests> _tests;

    internal PartialCorrelationResult(IReadOnlyList<string> parts, int nObs, CompositionalCovariance covariance, PartialCorrelationRoute route,
        string? alrReference, Matrix<double> partialCorrelation, Vector<double> partialVariance, Matrix<double> precision,
        Func<LogRatioMeasureSet> measures, Func<PartialCorrelationTests> tests, ShrinkageIntensity? shrinkage, IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics)
    {
        Parts = parts; NObs = nObs; Covariance = covariance; Route = route; AlrReference = alrReference;
        PartialCorrelation = partialCorrelation; PartialVariance = partialVariance; Precision = precision;
        _measures = new Lazy<LogRatioMeasureSet>(measures);
        _tests = new Lazy<PartialCorrelationTests>(tests);
        Shrinkage = shrinkage;
    }

    /// <summary>Part names, in matrix order.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>Number of samples.</summary>
    public int NObs { get; }

    /// <summary>Sample or basis-shrinkage covariance.</summary>
    public CompositionalCovariance Covariance { get; }

    /// <summary>How Omega was computed.</summary>
    public PartialCorrelationRoute Route { get; }

    /// <summary>The alr reference part (alr route only).</summary>
    public string? AlrReference { get; }

    /// <summary>Partial correlations rho_ij (unit diagonal).</summary>
    public Matrix<double> PartialCorrelation { get; }

    /// <summary>Partial variances 1 / Omega_ii (residual variance of part i given all other log-ratios, denominator n - 1).</summary>
    public Vector<double> PartialVariance { get; }

    /// <summary>Omega, the Moore-Penrose inverse of the clr covariance used.</summary>
    public Matrix<double> Precision { get; }

    /// <summary>The clr covariance used (sample, or the shrunk one mapped to clr); formed on first use.</summary>
    public Matrix<double> ClrCovariance => _measures.Value.ClrCovariance;

    /// <summary>Sample variation matrix T_ij = var(log(x_i/x_j)); formed on first use.</summary>
    public Matrix<double> Variation => _measures.Value.Variation;

    /// <summary>Sample proportionality coefficient rho_p; formed on first use.</summary>
    public Matrix<double> Proportionality => _measures.Value.Proportionality;

    /// <summary>t and Fisher-z tests, intervals and adjusted p-values (empty with shrinkage); formed on first use.</summary>
    [JsonIgnore]
    public PartialCorrelationTests Tests => _tests.Value;

    /// <summary>The shrinkage intensities, for basis shrinkage.</summary>
    public ShrinkageIntensity? Shrinkage { get; }

    /// <summary>Degrees of freedom of the t tests, n - D + 1; null without tests.</summary>
    public int? Df => Tests.Df;

    /// <summary>Adjusted p-values (NaN diagonal); null without tests (basis shrinkage, or n &lt;= D).</summary>
    public Matrix<double>? AdjustedPValues => Tests.AdjustedPValues;

    /// <summary>Fisher-z p-values (NaN diagonal); null without tests.</summary>
    public Matrix<double>? FisherPValues => Tests.FisherPValues;

    /// <summary>Lower ends of the Fisher-z confidence intervals; null without tests.</summary>
    public Matrix<double>? Lower => Tests.Lower;

    /// <summary>Upper ends of the Fisher-z confidence intervals; null without tests.</summary>
    public Matrix<double>? Upper => Tests.Upper;

    /// <summary>The intervals' confidence level.</summary>
    public double ConfidenceLevel => Tests.Level;

    /// <summary>The multiple-testing adjustment of <see cref="AdjustedPValues"/>.</summary>
    public PValueAdjustment Adjustment => Tests.Adjustment;

    /// <summary>Number of parts D.</summary>
    public int NParts => Parts.Count;

    /// <summary>Two-sided t p-values (NaN diagonal); null without tests.</summary>
    public Matrix<double>? PValues => Tests.PValues;

    private int Index(string part, string paramName)
    {
        for (int k = 0; k < Parts.Count; k++) if (Parts[k] == part) return k;
        throw new ArgumentException($"'{part}' is not a part; the parts are {string.Join(", ", Parts)}.", paramName);
    }

    /// <summary>The partial correlation of two parts.</summary>
    /// <param name="a">First part.</param>
    /// <param name="b">Second part.</param>
    public double this[string a, string b] => PartialCorrelation[Index(a, nameof(a)), Index(b, nameof(b))];

    /// <summary>The t test of zero partial correlation between two parts, <c>t(n - D + 1)</c>.</summary>
    /// <param name="a">First part.</param>
    /// <param name="b">Second part (different from <paramref name="a"/>).</param>
    public TestResult Test(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a); ArgumentNullException.ThrowIfNull(b);
        int i = Index(a, nameof(a)), j = Index(b, nameof(b));
        if (i == j) throw new ArgumentException("The two parts must differ.", nameof(b));
        const string h0 = "The log-ratio partial correlation is zero";
        string method = $"Log-ratio partial correlation {a}-{b} (rho = {PartialCorrelation[i, j].ToString("F4", CultureInfo.InvariantCulture)})";
        if (!Tests.Available || Tests.Df is not int df)
            return new TestResult(method, h0, double.NaN, ReferenceDistribution.None, null, TestValidity.NotApplicable,
                Shrinkage is null ? $"The test needs n > D ({NObs} samples, {NParts} parts)." : "No null distribution after shrinkage.");
        return TestResult.Create(method, h0, Tests.Statistic[i, j], ReferenceDistribution.StudentT(df), Tail.TwoSided);
    }

    /// <summary>The Fisher-z confidence interval of a pair's partial correlation, at <see cref="PartialCorrelationTests.Level"/>.</summary>
    /// <param name="a">First part.</param>
    /// <param name="b">Second part.</param>
    /// <exception cref="InvalidOperationException">There are no intervals (basis shrinkage, or n &lt;= D).</exception>
    public (double Lower, double Upper) ConfidenceInterval(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a); ArgumentNullException.ThrowIfNull(b);
        int i = Index(a, nameof(a)), j = Index(b, nameof(b));
        if (!Tests.Available)
            throw new InvalidOperationException(Shrinkage is null
                ? $"No confidence intervals: the Fisher-z interval needs n > D ({NObs} samples, {NParts} parts)."
                : "No confidence intervals: after shrinkage the sampling distribution of the partial correlations is unknown.");
        return (Tests.Lower[i, j], Tests.Upper[i, j]);
    }

    /// <summary>The summary: settings, partial variances, and the pairs ordered by |rho| (the strongest 25 when there are many).</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Log-ratio partial correlations (Erb 2020)")
            .AddHeader("Samples", NObs)
            .AddHeader("Parts", NParts)
            .AddHeader("Covariance", Covariance == CompositionalCovariance.Sample ? "sample clr covariance (n - 1)" : "basis shrinkage (Jin, " +
                "Notredame & Erb 2023)")
            .AddHeader("Omega", Route == PartialCorrelationRoute.ClrPseudoInverse ? "clr pseudo-inverse, (Gamma + J)^-1 - J" : $"alr inverse, " +
                $"reference {AlrReference}");
        if (Shrinkage is { } sh)
            s.AddHeader("Shrinkage lambda", Cell.Num(sh.Lambda, "F6")).AddHeader("Shrinkage lambda.var", Cell.Num(sh.LambdaVar, "F6"));
        if (Tests.Df is int df)
            s.AddHeader("Test", $"t({df}) with df = n - D + 1; Fisher z with SE 1/sqrt(n - D)")
             .AddHeader("Adjustment", Tests.Adjustment switch
             {
                 PValueAdjustment.Holm => "Holm",
                 PValueAdjustment.BenjaminiHochberg => "Benjamini-Hochberg",
                 _ => "none"
             });

        var pv = new Table("Partial variances", "Part", "Partial variance", "clr variance");
        for (int i = 0; i < NParts; i++) pv.AddRow(Parts[i], Cell.Num(PartialVariance[i], "G6"), Cell.Num(ClrCovariance[i, i], "G6"));
        s.AddTable(pv);

        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < NParts; i++) for (int j = i + 1; j < NParts; j++) pairs.Add((i, j));
        var shown = pairs.OrderByDescending(p => Math.Abs(PartialCorrelation[p.I, p.J])).Take(25).ToList();
        string ciName = $"{Tests.Level * 100:0.#}% CI";
        var t = Tests.Available
            ? new Table(shown.Count < pairs.Count ? $"Strongest {shown.Count} of {pairs.Count} pairs" : "Pairs by |partial correlation|",
                "Pair", "Partial corr", "t", "P-value", "Adj. p", ciName, "rho_p", "Variation")
            : new Table(shown.Count < pairs.Count ? $"Strongest {shown.Count} of {pairs.Count} pairs" : "Pairs by |partial correlation|",
                "Pair", "Partial corr", "rho_p", "Variation");
        foreach (var (i, j) in shown)
        {
            Cell pair = $"{Parts[i]}-{Parts[j]}";
            if (Tests.Available)
                t.AddRow(pair, PartialCorrelation[i, j], Tests.Statistic[i, j], Cell.PValue(Tests.PValues[i, j]), Cell.PValue(Tests.AdjustedPValues[i, j]),
                    $"({Tests.Lower[i, j].ToString("F4", CultureInfo.InvariantCulture)}, {Tests.Upper[i, j].ToString("F4", CultureInfo.InvariantCulture)})",
                    Proportionality[i, j], Variation[i, j]);
            else
                t.AddRow(pair, PartialCorrelation[i, j], Proportionality[i, j], Variation[i, j]);
        }
        s.AddTable(t);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        Fdr?.AddTo(s, notes: false);
        s.AddNote($"Closure alone makes independent basis parts look positively related: with equal basis variances the expected partial " +
            $"correlation is 1/(D-1) = {1.0 / (NParts - 1):F4}, so rho = 0 is not basis independence.");
        return s;
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.PartialCorrelationResult;

    /// <summary>Heatmap of the partial correlations, parts in complete-linkage order on 1 - rho.</summary>
    public Plot PlotHeatmap() => CompositionalPlots.Heatmap(PartialCorrelation, Parts, "Log-ratio partial correlations");

    /// <summary>
    /// Network of the significant partial correlations: an edge where the adjusted p-value is below
    /// <paramref name="alpha"/>; without tests (shrinkage, n &lt;= D), where |rho| is at least <paramref name="minAbsCorrelation"/>.
    /// </summary>
    /// <param name="alpha">Level for the adjusted p-values.</param>
    /// <param name="minAbsCorrelation">Threshold on |rho| when there are no p-values.</param>
    public Plot PlotNetwork(double alpha = 0.05, double minAbsCorrelation = 0.3)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in (0, 1).");
        return Tests.Available
            ? CompositionalPlots.Network(PartialCorrelation, Parts, (i, j) => Tests.AdjustedPValues[i, j] < alpha,
                $"Partial correlations, adjusted p < {alpha.ToString(CultureInfo.InvariantCulture)}")
            : CompositionalPlots.Network(PartialCorrelation, Parts, (i, j) => Math.Abs(PartialCorrelation[i, j]) >= minAbsCorrelation,
                $"Partial correlations, |rho| >= {minAbsCorrelation.ToString(CultureInfo.InvariantCulture)}");
    }
}
