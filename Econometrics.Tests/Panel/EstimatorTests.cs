using Econometrics.Tests.Support;
using Econometrics.LinearAlgebra;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using Econometrics.Panel.Simulation;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>Interactive effects and CCE recover the slope where fixed effects are biased; the CD engine's fast paths match textbook loops.</summary>
[VerifiesFixtures("Panel/ife_bai2009")]
public sealed class EstimatorTests
{
    [Fact]
    public void Interactive_effects_and_cce_recover_beta_when_x_loads_on_the_factors()
    {
        var dgp = new FactorPanelDgp { N = 60, T = 60, Factors = 2, IncludeRegressor = true, Beta = 1.0, LoadingLow = 0.5, LoadingHigh = 2.5 };
        var panel = dgp.Simulate(11).ToPanel();
        var fe = new PanelRegression("y ~ x", PanelModel.FixedEffects).Fit(panel)["x"];
        var ife = new PanelRegression("y ~ x", PanelModel.InteractiveEffects) { Factors = FactorCount.Fixed(2) }.Fit(panel);
        var ccemg = new PanelRegression("y ~ x", PanelModel.CceMeanGroup).Fit(panel)["x"];
        var ccep = new PanelRegression("y ~ x", PanelModel.CcePooled).Fit(panel)["x"];
        Assert.True(Math.Abs(fe.Estimate - 1) > 5 * fe.StdError, $"FE should be biased: {fe}");
        foreach (var c in new[] { ife["x"], ccemg, ccep })
        {
            Assert.True(Math.Abs(c.Estimate - 1) < 4 * c.StdError, $"{c}");
            Assert.True(c.StdError is > 0 and < 0.1, $"{c}");
        }
        Assert.Equal(2, ife.Factors);
        Assert.Contains(ife.Diagnostics, d => d.Code == "iterations");
        var auto = new PanelRegression("y ~ x", PanelModel.InteractiveEffects).Fit(panel);
        Assert.Equal(2, auto.Factors);
        Assert.Equal(FactorCriterion.IC2, auto.FactorSelection!.Criterion);
        Assert.Null(ife.FactorSelection);
    }

    [Fact]
    public void Cd_star_on_cce_uses_partial_residuals()
    {
        var panel = new FactorPanelDgp { N = 40, T = 40, IncludeRegressor = true }.Simulate(3).ToPanel();
        var fit = new PanelRegression("y ~ x", PanelModel.CceMeanGroup).Fit(panel);
        var viaFit = new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Fixed(1) }.Test(fit)["CDStar"];
        var viaPartial = new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Fixed(1) }.Test(fit.PartialResiduals())["CDStar"];
        Assert.Equal(viaPartial.Statistic, viaFit.Statistic, 12);
        var viaFull = new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Fixed(1) }.Test(fit.Residuals())["CDStar"];
        Assert.NotEqual(viaFull.Statistic, viaFit.Statistic);
    }

    private static (double[] Rho, double[] Tij) Naive(Matrix<double> e)
    {
        int t = e.RowCount, n = e.ColumnCount;
        var rho = new double[n * n]; var tij = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var rows = Enumerable.Range(0, t).Where(s => !double.IsNaN(e[s, i]) && !double.IsNaN(e[s, j])).ToArray();
                tij[i + j * n] = rows.Length;
                if (rows.Length < 2) { rho[i + j * n] = double.NaN; continue; }
                var a = rows.Select(s => e[s, i]).ToArray(); var b = rows.Select(s => e[s, j]).ToArray();
                rho[i + j * n] = MathNet.Numerics.Statistics.Correlation.Pearson(a, b);
            }
        return (rho, tij);
    }

    public static IEnumerable<object[]> Backends()
    {
        yield return new object[] { "managed" };
        if (LinearAlgebraBackends.OpenBlas is not null) yield return new object[] { "openblas" };
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Masked_gemm_and_syrk_paths_match_a_loop_over_pairs(string backend)
    {
        var la = backend == "managed" ? LinearAlgebraBackends.Managed : LinearAlgebraBackends.OpenBlas!;
        var rng = new System.Random(9);
        var e = Matrix<double>.Build.Dense(25, 15, (_, _) => rng.NextDouble() * 10 + 100);
        var balanced = PairwiseCorrelations.Compute(e.ToColumnMajorArray(), 25, 15, la);
        var (rho0, _) = Naive(e);
        for (int k = 0; k < rho0.Length; k++) Assert.Equal(rho0[k], balanced.Rho[k], 12);
        for (int k = 0; k < 60; k++) e[rng.Next(25), rng.Next(15)] = double.NaN;
        for (int s = 0; s < 24; s++) e[s, 3] = double.NaN; // unit 3 overlaps others in at most one period: pairs dropped
        var unbalanced = PairwiseCorrelations.Compute(e.ToColumnMajorArray(), 25, 15, la);
        var (rho1, tij1) = Naive(e);
        for (int k = 0; k < rho1.Length; k++)
        {
            Assert.Equal(tij1[k], unbalanced.Overlap![k]);
            if (double.IsNaN(rho1[k])) Assert.True(double.IsNaN(unbalanced.Rho[k]));
            else Assert.Equal(rho1[k], unbalanced.Rho[k], 10);
        }
    }

    [Fact]
    public void Json_has_the_contracted_shape_and_names()
    {
        var r = new CrossSectionalDependence().Test(SyntheticPanels.ParkMiller());
        using var doc = System.Text.Json.JsonDocument.Parse(r.ToJson());
        var root = doc.RootElement;
        foreach (var key in new[] { "n", "t", "pairs", "balanced", "factors", "tests", "diagnostics" }) Assert.True(root.TryGetProperty(key, out _), key);
        var names = root.GetProperty("tests").EnumerateArray().Select(x => x.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["CD", "LM", "ScaledLM", "BiasCorrectedScaledLM", "LMAdj", "CDw", "CDwPlus", "CDStar"], names);
        var star = root.GetProperty("tests").EnumerateArray().Last();
        Assert.True(star.TryGetProperty("theta", out _));
        foreach (var t in root.GetProperty("tests").EnumerateArray())
            foreach (var key in new[] { "statistic", "pValue", "distribution" }) Assert.True(t.TryGetProperty(key, out _), key);
        Assert.Equal(r.ToString(), new CrossSectionalDependence().Test(SyntheticPanels.ParkMiller()).ToString());
    }

    [Fact]
    public void Plots_render()
    {
        var r = new CrossSectionalDependence().Test(SyntheticPanels.ParkMiller(unbalanced: true));
        Assert.Contains("<svg", r.PlotCorrelationHeatmap().GetSvgXml(400, 300));
        Assert.Contains("<svg", r.PlotCorrelationHistogram().GetSvgXml(400, 300));
    }
}

/// <summary>Bai (2009) interactive effects against the independent R transcription in Reference/Panel/ife_bai2009.</summary>
public sealed class InteractiveEffectsFixtureTests
{
    [Fact]
    public void Coefficients_standard_errors_and_ssr_match_the_R_transcription()
    {
        var f = ReferenceFixture.Load("Panel/" + "ife_bai2009");
        var panel = PanelData.Load(f.File("input.csv"), "unit", "time");
        var fit = new PanelRegression("y ~ x1 + x2", PanelModel.InteractiveEffects) { Factors = FactorCount.Fixed(2), Tolerance = 1e-14 }.Fit(panel);
        foreach (var c in f.Expected.GetProperty("coefficients").EnumerateObject())
        {
            ReferenceFixture.Close(c.Value.GetProperty("estimate").GetDouble(), fit[c.Name].Estimate, f.Tolerance("coefficients"), c.Name);
            ReferenceFixture.Close(c.Value.GetProperty("stdError").GetDouble(), fit[c.Name].StdError!.Value, f.Tolerance("coefficients"), c.Name + " s.e.");
        }
        var e = fit.Residuals().Enumerate().Sum(v => v * v);
        ReferenceFixture.Close(f.Expected.GetProperty("ssr").GetDouble(), e, f.Tolerance("coefficients"), "SSR");
    }
}
