using Deedle;
using Econometrics.Compositional;
using Econometrics.Data;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using Econometrics.Panel.Simulation;
using Econometrics.Sem.Fitting;
using Econometrics.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Properties;

/// <summary>
/// Invariances the mathematics promises, as FsCheck properties with the suite's fixed seed:
/// <list type="bullet">
/// <item>The CD family built on correlations (CD, LM, scaled LM, bias-corrected scaled LM, LM_adj, CD_W in the
/// correlation form, CD* on standardized units, mean rho) depends on a panel only through the units' correlations,
/// so per-unit affine maps y_it -> a_i + b_i y_it (b_i &gt; 0) leave it unchanged, at any magnitude from 1e-18 to 1e18.
/// Juodis and Reese's CD_W of their eq. (30) divides the weighted cross-products of the demeaned residuals by the
/// pooled variance (1/NT) sum u_it^2, and Pesaran and Xie's CD* takes principal components of the unstandardized
/// residuals: both weight units by their variances, so they are invariant to per-unit shifts a_i and one common scale
/// b, not to per-unit scales (<see cref="Cd_w_of_eq_30_depends_on_per_unit_scales_as_its_pooled_variance_does"/>).</item>
/// <item>Log-ratio results (clr, proportionality rho, partial correlations from the sample or the basis-shrinkage
/// covariance) depend on a composition only through log-ratios, so closing the rows to any total or multiplying each
/// row by its own positive factor leaves them unchanged.</item>
/// <item>The ML discrepancy of a covariance-structure model without fixed non-marker values is invariant to shifting
/// and rescaling each observed variable, so the chi-square and the standardized estimates are too.</item>
/// </list>
/// </summary>
public sealed class InvarianceProperties
{
    private const int CdCases = 30, CompositionCases = 40, SemCases = 12;

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    // A T x N panel with one strong factor (so the statistics are far from zero) and, when asked, one to three gaps
    // (so that CD_W and CD* usually still find complete periods).
    private static Matrix<double> FactorPanel(Random rng, int t, int n, bool gaps)
    {
        var f = Enumerable.Range(0, t).Select(_ => Normal(rng)).ToArray();
        var x = Matrix<double>.Build.Dense(t, n);
        for (int i = 0; i < n; i++)
        {
            double loading = 0.5 + Normal(rng);
            for (int s = 0; s < t; s++) x[s, i] = loading * f[s] + Normal(rng);
        }
        if (gaps)
            for (int k = rng.Next(3); k >= 0; k--) x[rng.Next(t), rng.Next(n)] = double.NaN;
        return x;
    }

    private static void AssertSameStatistics(CrossSectionalDependenceResult a, CrossSectionalDependenceResult b, double tol, string what)
    {
        Assert.Equal(a.Tests.Select(s => s.Name), b.Tests.Select(s => s.Name));
        // CD, LM, scaled LM and its bias correction exist whenever two units share two periods.
        Assert.True(a.Tests.Count(s => double.IsFinite(s.Statistic)) >= 4, $"{what}: too few statistics computed");
        foreach (var (x, y) in a.Tests.Zip(b.Tests))
        {
            if (!double.IsFinite(x.Statistic)) { Assert.False(double.IsFinite(y.Statistic), $"{what}: {x.Name}"); continue; }
            Assert.True(Math.Abs(x.Statistic - y.Statistic) <= tol * Math.Max(1, Math.Abs(x.Statistic)),
                $"{what}: {x.Name} {y.Statistic:R} vs {x.Statistic:R}");
        }
        Assert.True(Math.Abs(a.MeanRho - b.MeanRho) <= tol, $"{what}: mean rho {b.MeanRho:R} vs {a.MeanRho:R}");
    }

    // The panel under y -> a_i + b_i y: magnitudes 10^-18 .. 10^18, shifts up to 10 times the scale.
    private static (Matrix<double> Y, double Scale) AffinePerUnit(Random rng, Matrix<double> x, bool commonScale)
    {
        double scale = Math.Pow(10, rng.Next(-18, 19));
        int n = x.ColumnCount;
        var a = Enumerable.Range(0, n).Select(_ => scale * 10 * Normal(rng)).ToArray();
        double common = scale * Math.Pow(10, 4 * rng.NextDouble() - 2);
        var b = Enumerable.Range(0, n).Select(_ => commonScale ? common : scale * Math.Pow(10, 4 * rng.NextDouble() - 2)).ToArray();
        return (Matrix<double>.Build.Dense(x.RowCount, n, (s, i) => a[i] + b[i] * x[s, i]), scale);
    }

    [SeededProperty(CdCases)]
    public void Correlation_based_cd_statistics_are_invariant_to_per_unit_affine_maps(int seed)
    {
        var rng = new Random(seed);
        int t = 8 + rng.Next(20), n = 5 + rng.Next(20);
        var x = FactorPanel(rng, t, n, gaps: rng.Next(3) == 0);
        var (y, scale) = AffinePerUnit(rng, x, commonScale: false);
        var cd = new CrossSectionalDependence
        {
            Factors = FactorCount.Fixed(1), Standardize = true, CdwNormalization = CdwNormalization.Correlation, DropIncompletePeriods = true,
        };
        AssertSameStatistics(cd.Test(x), cd.Test(y), 1e-7, $"seed {seed}, T {t}, N {n}, scale {scale:G}");
    }

    [SeededProperty(CdCases)]
    public void Every_cd_statistic_is_invariant_to_per_unit_shifts_and_a_common_scale(int seed)
    {
        var rng = new Random(seed);
        int t = 8 + rng.Next(20), n = 5 + rng.Next(20);
        var x = FactorPanel(rng, t, n, gaps: false);
        var (y, scale) = AffinePerUnit(rng, x, commonScale: true);
        var cd = new CrossSectionalDependence { Factors = FactorCount.Fixed(1) };
        AssertSameStatistics(cd.Test(x), cd.Test(y), 1e-7, $"seed {seed}, T {t}, N {n}, scale {scale:G}");
    }

    [Fact]
    public void Cd_w_of_eq_30_depends_on_per_unit_scales_as_its_pooled_variance_does()
    {
        // Eq. (30): CD_W = (NT)^-1 sum u^2)^-1 sqrt(2/(TN(N-1))) sum_t sum_{i<j} w_i u_it w_j u_jt. Scaling unit 0 by
        // 1000 makes its products dominate both sums; the correlation form sum w_i w_j rho_ij does not see it.
        var x = FactorPanel(new Random(5), 20, 10, gaps: false);
        var y = x.Clone();
        y.SetColumn(0, x.Column(0) * 1000);
        var pooled = new CrossSectionalDependence { Tests = CdTests.CDw };
        var correlation = pooled with { CdwNormalization = CdwNormalization.Correlation };
        Assert.True(Math.Abs(pooled.Test(x)["CDw"].Statistic - pooled.Test(y)["CDw"].Statistic) > 0.1);
        Assert.Equal(correlation.Test(x)["CDw"].Statistic, correlation.Test(y)["CDw"].Statistic, 1e-10);
    }

    [Theory]
    [InlineData(1e-18)]
    [InlineData(1e18)]
    public void Cd_and_within_slopes_at_extreme_magnitudes_equal_the_unit_scale_ones(double scale)
    {
        // Scale-free numerics: neither a variance threshold nor an absolute tolerance may see the magnitude.
        var rng = new Random(11);
        var y = FactorPanel(rng, 12, 8, gaps: false);
        var x = FactorPanel(rng, 12, 8, gaps: false);
        var unit = new FactorPanelSample(y, x).ToPanel();
        var scaled = new FactorPanelSample(y * scale, x * scale).ToPanel();
        var cd = new CrossSectionalDependence { Factors = FactorCount.Fixed(1) };
        AssertSameStatistics(cd.Test(unit, "y"), cd.Test(scaled, "y"), 1e-9, $"x{scale:G}");
        var fe = new PanelRegression("y ~ x", PanelModel.FixedEffects);
        Assert.Equal(fe.Fit(unit)["x"].Estimate, fe.Fit(scaled)["x"].Estimate, 1e-12);
        Assert.Equal(fe.Fit(unit)["x"].Statistic!.Value, fe.Fit(scaled)["x"].Statistic!.Value, 1e-9);
    }

    [SeededProperty(CompositionCases)]
    public void Log_ratio_results_are_invariant_to_closure_and_row_scaling(int seed)
    {
        var rng = new Random(seed);
        int d = 3 + rng.Next(6);
        bool shrink = rng.Next(2) == 0;
        // The sample covariance needs n >= D; basis shrinkage works for any n >= 3.
        int n = shrink ? 3 + rng.Next(30) : d + 2 + rng.Next(30);
        var c = Compositional.InvariantTests.Random(seed, n, d);
        var v = c.Values;
        var rowFactor = Enumerable.Range(0, n).Select(_ => Math.Pow(10, 24 * rng.NextDouble() - 12)).ToArray();
        var scaled = Composition.From(Matrix<double>.Build.Dense(n, d, (i, j) => v[i, j] * rowFactor[i]), c.Parts);
        var closed = c.Closure(rng.Next(2) == 0 ? 1 : 100);
        var pcorEstimator = new PartialCorrelations { Covariance = shrink ? CompositionalCovariance.BasisShrinkage : CompositionalCovariance.Sample };
        var pcor = pcorEstimator.Estimate(c);
        var rho = new Proportionality().Estimate(c).Rho;
        foreach (var (other, what) in new[] { (scaled, "row scaling"), (closed, "closure") })
        {
            string where = $"seed {seed}, n {n}, D {d}, {(shrink ? "basis shrinkage" : "sample")}, {what}";
            AssertClose(c.Clr(), other.Clr(), 1e-9, $"{where}: clr");
            AssertClose(rho, new Proportionality().Estimate(other).Rho, 1e-9, $"{where}: rho");
            var p = pcorEstimator.Estimate(other);
            AssertClose(pcor.PartialCorrelation, p.PartialCorrelation, 1e-9, $"{where}: partial correlation");
            if (shrink) Assert.Equal(pcor.Shrinkage!.Lambda, p.Shrinkage!.Lambda, 1e-9);
        }
    }

    private static void AssertClose(Matrix<double> expected, Matrix<double> actual, double tol, string what)
    {
        double err = (expected - actual).Enumerate().Max(Math.Abs);
        Assert.True(err <= tol, $"{what}: largest difference {err:E2} > {tol:E0}");
    }

    [SeededProperty(SemCases)]
    public void Sem_chi_square_and_standardized_estimates_are_invariant_to_per_variable_affine_maps(int seed)
    {
        var rng = new Random(seed);
        var data = SemReference.Value.Data;
        var shift = data.ColumnKeys.ToDictionary(k => k, _ => 1e3 * Normal(rng));
        var factor = data.ColumnKeys.ToDictionary(k => k, _ => Math.Pow(10, 12 * rng.NextDouble() - 6));
        var mapped = Frame.FromColumns(data.ColumnKeys.Select(c =>
            KeyValue.Create(c, data.GetColumn<double>(c).Select(kv => shift[c] * factor[c] + factor[c] * kv.Value))));
        var reference = SemReference.Value.Fit;
        var fit = SemReference.Value.Estimator.Fit(mapped);
        string what = $"seed {seed}";
        Assert.True(fit.Converged, $"{what}: not converged");
        Assert.True(Math.Abs(fit.FitMeasures.Chisq - reference.FitMeasures.Chisq) <= 1e-6 * reference.FitMeasures.Chisq,
            $"{what}: chisq {fit.FitMeasures.Chisq:R} vs {reference.FitMeasures.Chisq:R}");
        foreach (var (a, b) in reference.Estimates.Zip(fit.Estimates))
        {
            double sa = a.StdAll!.Value, sb = b.StdAll!.Value;
            Assert.True(Math.Abs(sa - sb) <= 1e-6 * Math.Max(Math.Abs(sa), 1e-3), $"{what}: std.all of {a.Lhs} {a.Op} {a.Rhs}: {sb:R} vs {sa:R}");
        }
    }

    // The Holzinger-Swineford three-factor CFA (lavaan's chi-square 85.306 on 24 df), fitted once.
    private static readonly Lazy<(Frame<int, string> Data, SemEstimator Estimator, SemFit Fit)> SemReference = new(() =>
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", "lavaan_hs_cfa");
        var data = CsvFrame.Load(Path.Combine(dir, "input.csv"));
        var estimator = new SemEstimator(File.ReadAllText(Path.Combine(dir, "model.lav")));
        return (data, estimator, estimator.Fit(data));
    });
}
