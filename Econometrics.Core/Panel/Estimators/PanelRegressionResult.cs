using System.Globalization;
using Econometrics.Panel.Factors;
using Econometrics.Reporting;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>A fitted panel regression: the coefficient table, residuals and partial residuals (T x N, NaN for gaps).</summary>
public sealed record PanelRegressionResult : Result
{
    private readonly double[] _residuals, _partial;
    private readonly double[][]? _unitBases;
    private readonly bool _within, _commonEffects;

    private PanelRegressionResult(PanelModel model, string formula, IReadOnlyList<ParameterEstimate> coefficients, Matrix<double> covariance,
        int nobs, int t, int n, IReadOnlyList<string> entities, double[] residuals, double[] partial, double[][]? unitBases,
        bool within, bool commonEffects, int? factors, IReadOnlyList<Diagnostic> diagnostics, int? df, FactorNumberResult? factorSelection)
    {
        Model = model; Formula = formula; Coefficients = coefficients; Covariance = covariance; NObs = nobs; T = t; N = n;
        Entities = entities; _residuals = residuals; _partial = partial; _unitBases = unitBases; _within = within;
        _commonEffects = commonEffects; Factors = factors; Diagnostics = diagnostics; DegreesOfFreedom = df; FactorSelection = factorSelection;
    }

    internal static PanelRegressionResult Create(PanelRegression options, RegressionData d, string[] names, double[] b, Matrix<double> cov,
        int? df, double[] residuals, double[] partial, bool withinResiduals, bool commonEffects, IReadOnlyList<Diagnostic> diagnostics,
        double[][]? unitBases = null, int? factors = null, FactorNumberResult? factorSelection = null, LinearFitStatistics? stats = null,
        int? units = null, int? periods = null, RandomEffectsComponents? randomEffects = null, PanelCovariance? covariance = null)
    {
        var coefs = new ParameterEstimate[names.Length];
        double q = df is { } d0 ? StudentT.InvCDF(0, 1, d0, 0.5 + options.Level / 2) : Normal.InvCDF(0, 1, 0.5 + options.Level / 2);
        for (int p = 0; p < names.Length; p++)
        {
            double se = Math.Sqrt(cov[p, p]), z = b[p] / se;
            double pv = df is { } dof ? 2 * StudentT.CDF(0, 1, dof, -Math.Abs(z)) : 2 * Normal.CDF(0, 1, -Math.Abs(z));
            coefs[p] = new ParameterEstimate(names[p], b[p], se, z, pv, b[p] - q * se, b[p] + q * se);
        }
        units ??= Enumerable.Range(0, d.N).Count(i => Enumerable.Range(0, d.T).Any(s => d.Used[s + i * d.T]));
        periods ??= Enumerable.Range(0, d.T).Count(s => Enumerable.Range(0, d.N).Any(i => d.Used[s + i * d.T]));
        return new PanelRegressionResult(options.Model, d.Formula.Text, coefs, cov, d.NObs, d.T, d.N, d.Entities, residuals, partial,
            unitBases, withinResiduals, commonEffects, factors, diagnostics, df, factorSelection)
        {
            Fit = stats, Units = units.Value, Periods = periods.Value, RandomEffects = randomEffects, Level = options.Level,
            CovarianceUsed = covariance ?? options.Covariance ?? DefaultCovariance(options.Model),
        };
    }

    private static PanelCovariance DefaultCovariance(PanelModel model) => model switch
    {
        PanelModel.CceMeanGroup or PanelModel.UnitOls or PanelModel.CcePooled => PanelCovariance.MeanGroup,
        _ => PanelCovariance.Classical,
    };

    /// <summary>The covariance behind the standard errors.</summary>
    public PanelCovariance CovarianceUsed { get; private init; } = PanelCovariance.Classical;

    /// <summary>Confidence level of the intervals.</summary>
    public double Level { get; private init; } = 0.95;

    /// <summary>Units with at least one observation used (nUnits).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("nUnits")]
    public int Units { get; private init; }

    /// <summary>Periods with at least one observation used (nPeriods).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("nPeriods")]
    public int Periods { get; private init; }

    /// <summary>Random effects: the Swamy-Arora variance components; null for other models.</summary>
    public RandomEffectsComponents? RandomEffects { get; private init; }

    internal LinearFitStatistics? Fit { get; private init; }

    /// <summary>The statistic of <see cref="JointTest"/> (F, or chi-squared for classical random effects); NaN where not computed.</summary>
    public double FStatistic => Fit?.JointTest.Statistic ?? double.NaN;

    /// <summary>R-squared of the estimated regression as plm reports it (within R-squared for fixed effects); NaN for CCE, unit OLS and interactive effects.</summary>
    public double RSquared => Fit?.RSquared ?? double.NaN;

    /// <summary>Adjusted R-squared, 1 - (1 - R^2)(m - 1)/df; NaN where R-squared is.</summary>
    public double AdjustedRSquared => Fit?.AdjustedRSquared ?? double.NaN;

    /// <summary>Within R-squared (the fixed-effects R-squared; Stata's squared correlation of the demeaned fit otherwise).</summary>
    public double RSquaredWithin => Fit?.RSquaredWithin ?? double.NaN;

    /// <summary>Overall R-squared: squared correlation of the response and x'b in levels.</summary>
    public double RSquaredOverall => Fit?.RSquaredOverall ?? double.NaN;

    /// <summary>The F test (robust Wald F with a robust covariance; chi-squared Wald for classical random effects) of all slopes; null where not computed.</summary>
    public TestResult? JointTest => Fit?.JointTest;

    /// <summary>The coefficient plot: estimates with their confidence intervals (the intercept left out), a line at zero.</summary>
    public ScottPlot.Plot PlotCoefficients()
    {
        var rows = Coefficients.Where(c => c.Term != "(Intercept)").ToArray();
        string lv = (Level * 100).ToString("G4", CultureInfo.InvariantCulture);
        var plot = Figures.Create($"{PanelRegression.Describe(Model)}: estimates and {lv}% intervals ({CovarianceUsed.Describe()})", "Estimate", "");
        plot.Add.VerticalLine(0, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        for (int k = 0; k < rows.Length; k++)
        {
            double y = rows.Length - k;
            if (rows[k].CiLower is { } lo && rows[k].CiUpper is { } hi && double.IsFinite(lo) && double.IsFinite(hi))
            {
                var line = plot.Add.Line(lo, y, hi, y);
                line.LineWidth = 2;
                line.Color = ScottPlot.Colors.SteelBlue;
            }
            var marker = plot.Add.Marker(rows[k].Estimate, y);
            marker.MarkerSize = 9;
            marker.Color = ScottPlot.Colors.Navy;
        }
        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows.Length).Select(k => (double)(rows.Length - k)).ToArray(), rows.Select(r => r.Term).ToArray());
        plot.Axes.SetLimitsY(0.4, rows.Length + 0.6);
        return plot;
    }

    /// <summary>The estimator.</summary>
    public PanelModel Model { get; }

    /// <summary>The formula.</summary>
    public string Formula { get; }

    /// <summary>The coefficient table.</summary>
    public IReadOnlyList<ParameterEstimate> Coefficients { get; }

    /// <summary>The coefficients' covariance matrix.</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>Observations used.</summary>
    public int NObs { get; }

    /// <summary>Periods in the panel.</summary>
    public int T { get; }

    /// <summary>Units in the panel.</summary>
    public int N { get; }

    /// <summary>The name of the panel's entity column ("firm"), for axis titles.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EntityName { get; init; } = "entity";

    /// <summary>Unit labels (the residual matrices' columns).</summary>
    public IReadOnlyList<string> Entities { get; }

    /// <summary>Residual degrees of freedom for t-based p-values; null when p-values are from N(0,1).</summary>
    public int? DegreesOfFreedom { get; }

    /// <summary>Interactive effects: the number of factors; null for other models.</summary>
    public int? Factors { get; }

    /// <summary>Interactive effects: the factor-number choice (criteria and scree) when the number was estimated; otherwise null.</summary>
    public FactorNumberResult? FactorSelection { get; }


    /// <summary>The coefficient with the given name.</summary>
    /// <param name="name">The regressor as written in the formula.</param>
    public ParameterEstimate this[string name] => Coefficients.FirstOrDefault(c => c.Term == name.Replace(" ", "", StringComparison.Ordinal))
        ?? throw new ArgumentException($"No coefficient '{name}'; have: {string.Join(", ", Coefficients.Select(c => c.Term))}.", nameof(name));

    /// <summary>Residuals as T x N (NaN where a cell was not used).</summary>
    public Matrix<double> Residuals() => Matrix<double>.Build.Dense(T, N, (double[])_residuals.Clone());

    /// <summary>Partial residuals y - x'b (factor and individual parts kept; CD*'s input), T x N.</summary>
    public Matrix<double> PartialResiduals() => Matrix<double>.Build.Dense(T, N, (double[])_partial.Clone());

    internal double[] ResidualCells => _residuals;
    internal double[] PartialCells => _partial;
    internal double[][]? UnitBases => _unitBases;
    internal bool WithinResiduals => _within;
    internal bool CommonEffectsRemoved => _commonEffects;

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.PanelRegressionResult;

    /// <summary>The coefficient table as a summary.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable($"Panel regression: {PanelRegression.Describe(Model)}")
            .AddHeader("Formula", Formula).AddHeader("Observations", NObs).AddHeader("Units (N)", Units).AddHeader("Periods (T)", Periods);
        if (Factors is { } r) s.AddHeader("Factors", r);
        if (Fit is { } fit)
        {
            s.AddHeader("R-squared", fit.RSquared).AddHeader("Adj. R-squared", fit.AdjustedRSquared)
             .AddHeader("R-squared within", fit.RSquaredWithin).AddHeader("R-squared overall", fit.RSquaredOverall);
            var j = fit.JointTest;
            s.AddHeader(j.Method, $"{j.Statistic.ToString("G6", CultureInfo.InvariantCulture)} on {j.Distribution}, {PValueFormat.InText(j.PValue ?? double.NaN)}");
        }
        if (RandomEffects is { } re)
            s.AddHeader("sigma2 (idiosyncratic, individual)", $"{re.SigmaIdiosyncratic.ToString("G6", CultureInfo.InvariantCulture)}, {re.SigmaIndividual.ToString("G6", CultureInfo.InvariantCulture)}")
             .AddHeader("theta", re.ThetaMin == re.ThetaMax ? re.ThetaMin.ToString("G6", CultureInfo.InvariantCulture)
                 : $"{re.ThetaMin.ToString("G4", CultureInfo.InvariantCulture)} .. {re.ThetaMax.ToString("G4", CultureInfo.InvariantCulture)}");
        string lv = (Level * 100).ToString("G4", CultureInfo.InvariantCulture);
        var table = new Table("Coefficients", "Term", "Estimate", "Std. Error", DegreesOfFreedom is null ? "z" : "t", "P-value", $"[{lv}%", "CI]");
        foreach (var c in Coefficients)
            table.AddRow(c.Term, c.Estimate, c.StdError ?? double.NaN, c.Statistic ?? double.NaN, Cell.PValue(c.PValue ?? double.NaN),
                c.CiLower ?? double.NaN, c.CiUpper ?? double.NaN);
        s.AddTable(table);
        s.AddNote($"Standard errors: {CovarianceUsed.Describe()}" + (DegreesOfFreedom is { } df
            ? $"; t with {df.ToString(CultureInfo.InvariantCulture)} degrees of freedom." : "; N(0,1) reference."));
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }
}
