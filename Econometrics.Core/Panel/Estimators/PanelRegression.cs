using Econometrics.LinearAlgebra;
using Econometrics.Panel.Factors;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>
/// A panel regression <c>y ~ x1 + x2</c> estimated by pooled OLS, one- or two-way fixed effects, random effects,
/// first differences, CCE mean group,
/// CCE pooled, Bai's interactive effects, or unit-by-unit OLS; the residuals feed <see cref="Dependence.CrossSectionalDependence"/>.
/// </summary>
/// <remarks>
/// Standard errors: classical OLS for pooled and fixed effects (residual degrees of freedom as plm); the
/// nonparametric mean-group variance for CCE MG and unit OLS; Pesaran's (2006) variance for CCE pooled (as
/// plm::pcce); Bai's (2009) homoskedastic variance for interactive effects. A cell enters when the response and every
/// regressor are observed.
/// </remarks>
public sealed record PanelRegression
{
    /// <summary>Creates the options for a formula such as "y ~ x1 + log(x2)".</summary>
    /// <param name="formula">Response ~ regressors; terms are variable names or log(name).</param>
    /// <param name="model">The estimator.</param>
    public PanelRegression(string formula, PanelModel model = PanelModel.FixedEffects)
    {
        ArgumentNullException.ThrowIfNull(formula);
        PanelFormula.Parse(formula);
        Formula = formula; Model = model;
    }

    /// <summary>The formula.</summary>
    public string Formula { get; init; }

    /// <summary>The estimator (default one-way fixed effects).</summary>
    public PanelModel Model { get; init; }

    /// <summary>
    /// The coefficients' covariance (default null: the estimator's own, i.e. classical for pooled, FE, TWFE, RE and FD,
    /// the mean-group variance for CCE MG and unit OLS, Pesaran's for CCE pooled, Bai's for interactive effects).
    /// </summary>
    public PanelCovariance? Covariance { get; init; }

    /// <summary>Confidence level of the coefficient intervals (default 0.95).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Interactive effects: the number of factors (default estimated by Bai-Ng IC2 on the within residuals, kmax 8).</summary>
    public FactorCount Factors { get; init; } = FactorCount.Auto(FactorCriterion.IC2);

    /// <summary>Interactive effects: the largest number of alternating iterations (default 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Interactive effects: convergence when no coefficient moves by more than this relative amount (default 1e-10).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Fits the model to a panel.</summary>
    /// <param name="panel">The panel holding the formula's variables.</param>
    public PanelRegressionResult Fit(PanelData panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (!(Level > 0 && Level < 1)) throw new ArgumentException($"Level must be in (0, 1); got {Level}.", nameof(Level));
        var data = Data(panel);
        var la = Backend ?? LinearAlgebraBackends.Default;
        RequireOwnCovariance();
        if (Model is PanelModel.CceMeanGroup or PanelModel.CcePooled or PanelModel.InteractiveEffects or PanelModel.UnitOls)
            RequirePooledFullRank(data, la);
        var fit = Model switch
        {
            PanelModel.Pooled or PanelModel.FixedEffects or PanelModel.TwoWayFixedEffects or PanelModel.RandomEffects
                or PanelModel.FirstDifferences => LinearPanel.Fit(this, data, la),
            PanelModel.CceMeanGroup or PanelModel.CcePooled => Cce.Fit(this, data, la),
            PanelModel.InteractiveEffects => InteractiveEffects.Fit(this, data, la),
            PanelModel.UnitOls => UnitOls.Fit(this, data, la),
            _ => throw new ArgumentOutOfRangeException(nameof(Model), Model, "Unknown panel model."),
        };
        return fit with { EntityName = panel.EntityName };
    }

    /// <summary>The formula's cells: a cell enters when the response and every regressor are observed.</summary>
    internal RegressionData Data(PanelData panel)
    {
        var f = PanelFormula.Parse(Formula);
        int t = panel.T, n = panel.N;
        var y = PanelFormula.Values(panel, f.Response);
        var xs = f.Regressors.Select(r => PanelFormula.Values(panel, r)).ToArray();
        var used = new bool[t * n];
        int nobs = 0;
        for (int k = 0; k < used.Length; k++)
        {
            bool ok = !double.IsNaN(y[k]);
            for (int p = 0; ok && p < xs.Length; p++) ok = !double.IsNaN(xs[p][k]);
            used[k] = ok;
            if (ok) nobs++;
        }
        // Every variable is NaN wherever a cell is not used; the panel's storage is copied only when that changes it.
        if (nobs < used.Length)
        {
            y = WithGaps(y, used);
            for (int p = 0; p < xs.Length; p++) xs[p] = WithGaps(xs[p], used);
        }
        if (nobs <= xs.Length + 1) throw new ArgumentException($"The formula '{Formula}' has {nobs} complete observations for {xs.Length} regressor(s).",
            nameof(panel));
        return new RegressionData(f, y, xs, used, t, n, nobs, panel.Entities, panel.Times);
    }

    // The pooled design over the used cells ([1, X] for the models with unit intercepts): an exact collinearity there
    // is one in every unit, which these estimators would otherwise meet as a singular unit regression.
    private void RequirePooledFullRank(RegressionData d, ILinearAlgebra la)
    {
        bool intercept = Model != PanelModel.InteractiveEffects;
        int lead = intercept ? 1 : 0, p = d.K + lead, m = d.NObs;
        var x = new double[m * p];
        int row = 0;
        for (int c = 0; c < d.Used.Length; c++)
        {
            if (!d.Used[c]) continue;
            if (intercept) x[row] = 1;
            for (int k = 0; k < d.K; k++) x[row + (k + lead) * m] = d.X[k][c];
            row++;
        }
        var names = (intercept ? ["(Intercept)"] : Array.Empty<string>()).Concat(d.Formula.Regressors).ToArray();
        Aliasing.RequireFullRank(x, m, p, names, "", Describe(Model), la);
    }

    private static double[] WithGaps(double[] v, bool[] used)
    {
        var w = (double[])v.Clone();
        for (int k = 0; k < w.Length; k++) if (!used[k]) w[k] = double.NaN;
        return w;
    }

    /// <summary>CCE, unit OLS and interactive effects report their own variances; other choices are a clear error.</summary>
    private void RequireOwnCovariance()
    {
        if (Covariance is null) return;
        var own = Model switch
        {
            PanelModel.CceMeanGroup or PanelModel.UnitOls => CovarianceKind.MeanGroup,
            PanelModel.CcePooled => CovarianceKind.MeanGroup,
            PanelModel.InteractiveEffects => CovarianceKind.Classical,
            _ => (CovarianceKind?)null,
        };
        if (own is { } k && Covariance.Kind != k)
            throw new ArgumentException($"The {Describe(Model)} model reports " +
                $"{(k == CovarianceKind.MeanGroup ? "Pesaran's nonparametric (mean-group) variance" : "Bai's homoskedastic variance")}; choose " +
                    $"--vcov {(k == CovarianceKind.MeanGroup ? "mean-group" : "classical")} or leave it unset.", "vcov");
    }

    internal static string Describe(PanelModel model) => model switch
    {
        PanelModel.RandomEffects => "random effects (Swamy-Arora)",
        PanelModel.FirstDifferences => "first differences",
        PanelModel.Pooled => "pooled OLS",
        PanelModel.FixedEffects => "one-way fixed effects (within)",
        PanelModel.TwoWayFixedEffects => "two-way fixed effects",
        PanelModel.CceMeanGroup => "CCE mean group",
        PanelModel.CcePooled => "CCE pooled",
        PanelModel.InteractiveEffects => "PC interactive effects (Bai 2009)",
        _ => "unit-by-unit OLS",
    };
}
