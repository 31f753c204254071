using System.Globalization;
using Econometrics.Panel.Factors;
using Econometrics.Reporting;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>A fitted panel regression: the coefficient table, residuals and partial residuals (T x N, NaN for gaps).</summary>
public sealed class PanelRegressionResult : SummarizedResult
{
    private readonly double[] _residuals, _partial;
    private readonly double[][]? _unitBases;
    private readonly bool _within, _commonEffects;

    private PanelRegressionResult(PanelModel model, string formula, IReadOnlyList<Coefficient> coefficients, Matrix<double> covariance,
        int nobs, int t, int n, IReadOnlyList<string> entities, double[] residuals, double[] partial, double[][]? unitBases,
        bool within, bool commonEffects, int? factors, IReadOnlyList<Diagnostic> diagnostics, int? df, FactorNumberResult? factorSelection)
    {
        Model = model; Formula = formula; Coefficients = coefficients; Covariance = covariance; NObs = nobs; T = t; N = n;
        Entities = entities; _residuals = residuals; _partial = partial; _unitBases = unitBases; _within = within;
        _commonEffects = commonEffects; Factors = factors; Diagnostics = diagnostics; DegreesOfFreedom = df; FactorSelection = factorSelection;
    }

    internal static PanelRegressionResult Create(PanelRegression options, RegressionData d, string[] names, double[] b, Matrix<double> cov,
        int? df, double[] residuals, double[] partial, bool withinResiduals, bool commonEffects, IReadOnlyList<Diagnostic> diagnostics,
        double[][]? unitBases = null, int? factors = null, FactorNumberResult? factorSelection = null)
    {
        var coefs = new Coefficient[names.Length];
        for (int p = 0; p < names.Length; p++)
        {
            double se = Math.Sqrt(cov[p, p]), z = b[p] / se;
            double pv = df is { } dof ? 2 * StudentT.CDF(0, 1, dof, -Math.Abs(z)) : 2 * Normal.CDF(0, 1, -Math.Abs(z));
            coefs[p] = new Coefficient(names[p], b[p], se, z, pv);
        }
        return new PanelRegressionResult(options.Model, d.Formula.Text, coefs, cov, d.NObs, d.T, d.N, d.Entities, residuals, partial,
            unitBases, withinResiduals, commonEffects, factors, diagnostics, df, factorSelection);
    }

    /// <summary>The estimator.</summary>
    public PanelModel Model { get; }

    /// <summary>The formula.</summary>
    public string Formula { get; }

    /// <summary>The coefficient table.</summary>
    public IReadOnlyList<Coefficient> Coefficients { get; }

    /// <summary>The coefficients' covariance matrix.</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>Observations used.</summary>
    public int NObs { get; }

    /// <summary>Periods in the panel.</summary>
    public int T { get; }

    /// <summary>Units in the panel.</summary>
    public int N { get; }

    /// <summary>Unit labels (the residual matrices' columns).</summary>
    public IReadOnlyList<string> Entities { get; }

    /// <summary>Residual degrees of freedom for t-based p-values; null when p-values are from N(0,1).</summary>
    public int? DegreesOfFreedom { get; }

    /// <summary>Interactive effects: the number of factors; null for other models.</summary>
    public int? Factors { get; }

    /// <summary>Interactive effects: the factor-number choice (criteria and scree) when the number was estimated; otherwise null.</summary>
    public FactorNumberResult? FactorSelection { get; }

    /// <summary>Notes from the fit.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The coefficient with the given name.</summary>
    /// <param name="name">The regressor as written in the formula.</param>
    public Coefficient this[string name] => Coefficients.FirstOrDefault(c => c.Name == name.Replace(" ", "", StringComparison.Ordinal))
        ?? throw new ArgumentException($"No coefficient '{name}'; have: {string.Join(", ", Coefficients.Select(c => c.Name))}.", nameof(name));

    /// <summary>Residuals as T x N (NaN where a cell was not used).</summary>
    public Matrix<double> Residuals() => Matrix<double>.Build.Dense(T, N, (double[])_residuals.Clone());

    /// <summary>Partial residuals y - x'b (factor and individual parts kept; CD*'s input), T x N.</summary>
    public Matrix<double> PartialResiduals() => Matrix<double>.Build.Dense(T, N, (double[])_partial.Clone());

    internal double[] ResidualCells => _residuals;
    internal double[] PartialCells => _partial;
    internal double[][]? UnitBases => _unitBases;
    internal bool WithinResiduals => _within;
    internal bool CommonEffectsRemoved => _commonEffects;

    /// <summary>The coefficient table as a summary.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable($"Panel regression: {PanelRegression.Describe(Model)}")
            .AddHeader("Formula", Formula).AddHeader("Observations", NObs).AddHeader("Units (N)", N).AddHeader("Periods (T)", T);
        if (Factors is { } r) s.AddHeader("Factors", r);
        var table = new Table("Coefficients", "Term", "Estimate", "Std. Error", DegreesOfFreedom is null ? "z" : "t", "P-value");
        foreach (var c in Coefficients) table.AddRow(c.Name, c.Estimate, c.StdError, c.Statistic, Cell.PValue(c.PValue));
        s.AddTable(table);
        if (DegreesOfFreedom is { } df) s.AddNote($"Classical standard errors; t with {df.ToString(CultureInfo.InvariantCulture)} degrees of freedom.");
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }
}
