using Econometrics.LinearAlgebra;
using Econometrics.Panel.Estimators;
using MathNet.Numerics.Distributions;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// The exponent of cross-sectional dependence alpha (Bailey, Kapetanios and Pesaran 2016, "Exponent of cross-sectional
/// dependence: estimation and inference", J. Applied Econometrics 31): the number of units with non-zero factor loadings
/// grows like N^alpha; alpha &lt; 1/2 is weak dependence, under which Pesaran's CD stays valid on residuals of models with
/// estimated factors (Pesaran and Xie), while 1/2 &lt;= alpha &lt;= 1 is strong dependence. For a variable the estimate is
/// BKP's bias-adjusted alpha-circle with its standard error (eq. B47) and normal interval, as Stata's xtcse2 reports it;
/// for regression residuals it is the 2019 thresholded-correlation estimator (Bailey, Kapetanios and Pesaran,
/// "Exponent of cross-sectional dependence for residuals", Sankhya B 81) with a bootstrap over units for the standard
/// error and interval. Both are justified for 1/2 &lt; alpha &lt;= 1 only: for alpha &lt;= 1/2 the variance of the
/// cross-section average is of order 1/N whatever alpha is, and the residual estimator is at least 1/2 by
/// construction, so an interval reaching 1/2 gets the diagnostic "alpha-not-identified" and
/// <see cref="CrossSectionalExponentResult.Identified"/> = false. (Their 2021 factor-strength estimator, J. Applied
/// Econometrics 36, covers 0 &lt; alpha &lt;= 1 but needs the factors observed.)
/// </summary>
/// <remarks>
/// Variable version on the balanced T x N data x (BKP 2016, as xtcse2 computes it):
/// sigma^2 = sum_t (xbar_t - xbar)^2 / (T - 1) of the cross-section average and alpha-hat = 1 + ln(sigma^2) / (2 ln N) (eq. 11);
/// alpha-tilde = alpha-hat - c_N / (2 N ln(N) sigma^2) with c_N = N sum_t (ebar_t - ebar)^2 / (T - 1) from the residuals of
/// each unit on the first <see cref="Components"/> principal components of x (eq. 34); alpha-circle = alpha-tilde -
/// ln(mu^2) / (2 ln N) with mu^2 the variance of the average of the units whose t-statistics on xbar_t pass a Holm-type
/// multiple test of size <see cref="Size"/>. Its standard error is
/// sqrt(V_f / T + 4 N^(-alpha) sum_{sel}(c_i - cbar)^2 / (n_sel - 1)) / (2 ln N), V_f the AR(p) long-run variance of the
/// squared standardized average (p = ceil(T^(1/3))), c_i the loadings on the standardized average, sel the N^alpha units
/// with the largest |c_i|. Residual version: z_it = e_it / sqrt(mean_t e_it^2), pairwise correlations rho_ij, the threshold
/// c_p = Phi^-1(1 - (p/2) / n^delta) / sqrt(T) with n = N(N - 1)/2, and alpha = ln(N + sum_{i != j} |rho_ij| 1{|rho_ij| &gt; c_p}) / (2 ln N).
/// </remarks>
public sealed record CrossSectionalExponent
{
    /// <summary>Principal components removed for c_N (xtcse2's pca(), default 4).</summary>
    public int Components { get; init; } = 4;

    /// <summary>Size p of the multiple tests (xtcse2's size(), default 0.1).</summary>
    public double Size { get; init; } = 0.1;

    /// <summary>Residual version: the exponent delta of the critical value's n^delta (xtcse2's tuning(), default 0.5).</summary>
    public double Tuning { get; init; } = 0.5;

    /// <summary>Residual version: bootstrap replications for the standard error and interval (default 200; 0 for none).</summary>
    public int Replications { get; init; } = 200;

    /// <summary>Residual version: the bootstrap seed (default 20260101).</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Standardize each unit before the estimation (xtcse2's standardize; default false).</summary>
    public bool Standardize { get; init; }

    /// <summary>Confidence level of the interval (default 0.95).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Estimates alpha for a variable of a panel (BKP 2016; needs a balanced block).</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="variable">The variable.</param>
    public CrossSectionalExponentResult Estimate(PanelData panel, string variable)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var x = (double[])panel.Values(variable).Clone();
        return EstimateVariable(x, panel.T, panel.N, $"variable '{variable}'", Backend ?? LinearAlgebraBackends.Default);
    }

    /// <summary>Estimates alpha for the residuals of a fitted regression (BKP 2019's residual version).</summary>
    /// <param name="fit">The fitted regression.</param>
    public CrossSectionalExponentResult Estimate(PanelRegressionResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return EstimateResiduals(fit.ResidualCells, fit.T, fit.N, $"residuals of {PanelRegression.Describe(fit.Model)}: {fit.Formula}");
    }

    private void Validate()
    {
        if (Components < 1) throw new ArgumentException($"Components must be at least 1; got {Components}.", nameof(Components));
        if (!(Size > 0 && Size < 1)) throw new ArgumentException($"Size must be in (0, 1); got {Size}.", nameof(Size));
        if (!(Level > 0 && Level < 1)) throw new ArgumentException($"Level must be in (0, 1); got {Level}.", nameof(Level));
        if (!(Tuning > 0)) throw new ArgumentException($"Tuning must be positive; got {Tuning}.", nameof(Tuning));
        if (Replications < 0) throw new ArgumentException($"Replications must be 0 or more; got {Replications}.", nameof(Replications));
    }

    internal CrossSectionalExponentResult EstimateVariable(double[] x0, int t0, int n0, string source, ILinearAlgebra la)
    {
        Validate();
        var diagnostics = new List<Diagnostic>();
        // A balanced block: the units observed in every period they share, dropping incomplete units first.
        var units = Enumerable.Range(0, n0).Where(i => Enumerable.Range(0, t0).All(s => !double.IsNaN(x0[s + i * t0]))).ToArray();
        if (units.Length < n0)
            diagnostics.Add(Diagnostic.Warning($"{n0 - units.Length} unit(s) with gaps were excluded: the estimator needs a balanced panel.", "units-excluded"));
        int n = units.Length, t = t0;
        if (n < 3 || t < 4) throw new ArgumentException($"The exponent needs at least 3 complete units and 4 periods; got N = {n}, T = {t}.", "panel");
        var x = new double[t * n];
        for (int k = 0; k < n; k++) Array.Copy(x0, units[k] * t, x, k * t, t);
        if (Standardize) StandardizeUnits(x, t, n, sampleSd: true);
        int pc = Math.Min(Components, Math.Min(n, t) - 1);
        if (pc < Components) diagnostics.Add(Diagnostic.Info($"{pc} principal component(s) used for c_N (at most min(N, T) - 1).", "components"));
        var a = BkpVariable.Compute(x, t, n, pc, Size, la);
        if (a.Selected == 0)
            diagnostics.Add(Diagnostic.Warning("No unit's loading on the cross-section average is significant; mu^2 = 1 was used.", "none-selected"));
        double z = Normal.InvCDF(0, 1, 0.5 + Level / 2);
        double lo = a.AlphaCircle - z * a.StdError;
        FlagRange(diagnostics, lo, n, "BKP (2016) derive the estimator's distribution: below 1/2 the variance of the cross-section " +
            "average is of order 1/N whatever alpha is, so the estimate is pulled towards 1/2 and its interval does not cover alpha");
        return new CrossSectionalExponentResult(source, "BKP (2016) alpha-circle, variable", n, t, a.AlphaCircle, a.StdError,
            lo, a.AlphaCircle + z * a.StdError, Level, a.AlphaHat, a.AlphaTilde, diagnostics);
    }

    internal CrossSectionalExponentResult EstimateResiduals(double[] e0, int t, int n0, string source)
    {
        Validate();
        var diagnostics = new List<Diagnostic>();
        var units = Enumerable.Range(0, n0).Where(i => Enumerable.Range(0, t).Count(s => !double.IsNaN(e0[s + i * t])) >= 2).ToArray();
        int n = units.Length;
        if (n < 3 || t < 3) throw new ArgumentException($"The exponent needs at least 3 units and 3 periods; got N = {n}, T = {t}.", "panel");
        var z = new double[t * n];
        for (int k = 0; k < n; k++) Array.Copy(e0, units[k] * t, z, k * t, t);
        // Each unit scaled by its root mean square over its observed periods (BKP 2019; no demeaning).
        for (int k = 0; k < n; k++)
        {
            double ss = 0; int c = 0;
            for (int s = 0; s < t; s++) { double v = z[s + k * t]; if (!double.IsNaN(v)) { ss += v * v; c++; } }
            double sd = Math.Sqrt(ss / c);
            for (int s = 0; s < t; s++) z[s + k * t] /= sd;
        }
        var la = Backend ?? LinearAlgebraBackends.Default;
        double alpha = BkpResidual(z, t, n, la);
        double se = double.NaN, lo = double.NaN, hi = double.NaN;
        if (Replications > 0)
        {
            var rng = new Random(Seed);
            var draws = new double[Replications];
            var zb = new double[t * n];
            for (int b = 0; b < Replications; b++)
            {
                for (int k = 0; k < n; k++) Array.Copy(z, rng.Next(n) * t, zb, k * t, t);
                draws[b] = BkpResidual(zb, t, n, la);
            }
            double mean = draws.Average();
            se = Math.Sqrt(draws.Sum(v => (v - mean) * (v - mean)) / (Replications - 1.0));
            Array.Sort(draws);
            lo = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(draws, (1 - Level) / 2);
            hi = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(draws, (1 + Level) / 2);
            diagnostics.Add(Diagnostic.Info($"Standard error and percentile interval from {Replications} bootstrap resamples of units (seed {Seed}).", "bootstrap"));
        }
        else diagnostics.Add(Diagnostic.Info("No bootstrap replications: no standard error or interval.", "no-bootstrap"));
        FlagRange(diagnostics, Replications > 0 ? lo : alpha, n, "BKP (2019) derive the estimator's properties: " +
            "ln(N + sum of significant |rho_ij|) / (2 ln N) is at least 1/2 by construction, so it cannot place alpha below 1/2");
        return new CrossSectionalExponentResult(source, "BKP (2019) residual exponent", n, t, alpha, se, lo, hi, Level, null, null, diagnostics);
    }

    private double BkpResidual(double[] z, int t, int n, ILinearAlgebra la)
    {
        var pc = PairwiseCorrelations.Compute(z, t, n, la);
        double pairs = 0.5 * n * (n - 1.0);
        double cp = Normal.InvCDF(0, 1, 1 - Size / 2 / Math.Pow(pairs, Tuning)) / Math.Sqrt(t);
        double sum = n;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                if (i == j) continue;
                double r = Math.Abs(pc.Rho[i + j * n]);
                if (r > cp) sum += r;
            }
        return Math.Log(sum) / (2 * Math.Log(n));
    }

    /// <summary>
    /// The smallest lower interval end (the estimate when there is no interval) taken as evidence of alpha &gt; 1/2:
    /// 1/2 + 1/(4 ln N). The margin covers the estimators' bias at the boundary, which is of order 1/ln N because the
    /// idiosyncratic part of the cross-section average is of the factor part's order at alpha = 1/2; its constant 1/4
    /// is calibrated by Monte Carlo (N = T = 200: the estimate's 95% quantile at alpha = 1/2 is about 0.547 = 1/2 + 1/(4 ln 200))
    /// and was checked at N = T = 100 and N = 400, T = 100: alpha in {0.25, 0.5} flagged in 99-100% of replications,
    /// alpha in {0.75, 1} in none, alpha = 0.6 in 15% (N = 100) and 0% (N = 400).
    /// </summary>
    /// <param name="n">Units used.</param>
    internal static double IdentifiedAbove(int n) => 0.5 + 1 / (4 * Math.Log(n));

    private static void FlagRange(List<Diagnostic> diagnostics, double lower, int n, string why)
    {
        double bound = IdentifiedAbove(n);
        if (lower > bound) return;
        diagnostics.Add(Diagnostic.Warning(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The interval does not clear 1/2 + 1/(4 ln N) = {bound:F3}, so alpha <= 1/2 is not excluded; that lies outside 1/2 < alpha <= 1, where {why}. Read the estimate as 'alpha at most about 1/2'."),
            "alpha-not-identified"));
    }

    internal static void StandardizeUnits(double[] x, int t, int n, bool sampleSd)
    {
        for (int i = 0; i < n; i++)
        {
            double mean = 0;
            for (int s = 0; s < t; s++) mean += x[s + i * t];
            mean /= t;
            double ss = 0;
            for (int s = 0; s < t; s++) ss += (x[s + i * t] - mean) * (x[s + i * t] - mean);
            double sd = Math.Sqrt(ss / (sampleSd ? t - 1 : t));
            for (int s = 0; s < t; s++) x[s + i * t] = sd > 0 ? (x[s + i * t] - mean) / sd : 0;
        }
    }
}
