using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>plm::pcdtest parity on Grunfeld (pooled, within, two-way, unit OLS, raw variable), Produc and EmplUK (unbalanced).</summary>
[VerifiesFixtures("Panel/pcdtest_", "Panel/pcce_")]
public sealed class PcdtestFixtureTests
{
    public static IEnumerable<object[]> Cases => ReferenceFixture.Cases("Panel", "pcdtest_").Where(c => (string)c[0] != "pcdtest_grunfeld_local");

    private static readonly Dictionary<string, string> Names = new()
    {
        ["cd"] = "CD", ["lm"] = "LM", ["sclm"] = "ScaledLM", ["bcsclm"] = "BiasCorrectedScaledLM", ["lmadj"] = "LMAdj",
    };

    internal static (CrossSectionalDependenceResult Cd, PanelRegressionResult? Fit) Run(ReferenceFixture f, CrossSectionalDependence options)
    {
        var spec = f.Spec;
        var panel = PanelData.Load(f.File("input.csv"), spec.GetProperty("entity").GetString()!, spec.GetProperty("time").GetString()!);
        var model = spec.GetProperty("model").GetString();
        if (model == "raw") return (options.Test(panel, spec.GetProperty("variable").GetString()!), null);
        var kind = (model, spec.GetProperty("effect").GetString()) switch
        {
            ("pooling", _) => PanelModel.Pooled,
            ("within", "twoways") => PanelModel.TwoWayFixedEffects,
            ("within", _) => PanelModel.FixedEffects,
            ("unitols", _) => PanelModel.UnitOls,
            _ => throw new InvalidOperationException(model),
        };
        var fit = new PanelRegression(spec.GetProperty("formula").GetString()!, kind).Fit(panel);
        return (options.Test(fit), fit);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Statistics_and_p_values_match_plm(string name)
    {
        var f = ReferenceFixture.Load("Panel/" + name);
        var (cd, _) = Run(f, new CrossSectionalDependence { Tests = CdTests.CD | CdTests.LM | CdTests.ScaledLM | CdTests.BiasCorrectedScaledLM | CdTests.LMAdj });
        int compared = 0;
        foreach (var (key, testName) in Names)
        {
            if (!f.Expected.TryGetProperty(key, out var e)) continue;
            var s = cd[testName];
            ReferenceFixture.Close(e.GetProperty("statistic").GetDouble(), s.Statistic, f.Tolerance("statistic"), $"{name} {key} statistic");
            ReferenceFixture.Close(e.GetProperty("pValue").GetDouble(), s.PValue!.Value, f.Tolerance("pValue"), $"{name} {key} p-value");
            compared++;
        }
        Assert.True(compared >= 3);
        Assert.Equal(f.Expected.GetProperty("pairs").GetInt32(), cd.Pairs);
        Assert.Equal(f.Expected.GetProperty("n").GetInt32(), cd.N);
        if (f.Expected.TryGetProperty("rho", out var rho))
        {
            ReferenceFixture.Close(rho.GetDouble(), cd.MeanRho, f.Tolerance("statistic"), $"{name} rho");
            ReferenceFixture.Close(f.Expected.GetProperty("absrho").GetDouble(), cd.MeanAbsRho!.Value, f.Tolerance("statistic"), $"{name} absrho");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Coefficients_and_standard_errors_match_plm(string name)
    {
        var f = ReferenceFixture.Load("Panel/" + name);
        if (!f.Expected.TryGetProperty("coefficients", out var coefs)) return;
        var (_, fit) = Run(f, new CrossSectionalDependence { Tests = CdTests.CD });
        foreach (var c in coefs.EnumerateObject())
        {
            var mine = fit![c.Name];
            ReferenceFixture.Close(c.Value.GetProperty("estimate").GetDouble(), mine.Estimate, f.Tolerance("coefficients"), $"{name} {c.Name} estimate");
            ReferenceFixture.Close(c.Value.GetProperty("stdError").GetDouble(), mine.StdError!.Value, f.Tolerance("coefficients"), $"{name} {c.Name} std. error");
        }
        Assert.Equal(coefs.EnumerateObject().Count(), fit!.Coefficients.Count);
        Assert.Equal(f.Expected.GetProperty("nobs").GetInt32(), fit.NObs);
    }

    [Fact]
    public void Local_cd_over_a_neighbour_matrix_matches_plm()
    {
        var f = ReferenceFixture.Load("Panel/" + "pcdtest_grunfeld_local");
        var lines = File.ReadAllLines(f.File("neighbours.csv")).Skip(1).ToArray();
        var w = Matrix<double>.Build.Dense(lines.Length, lines.Length,
            (i, j) => double.Parse(lines[i].Split(',')[j], System.Globalization.CultureInfo.InvariantCulture));
        var (cd, _) = Run(f, new CrossSectionalDependence { Tests = CdTests.CD, Neighbours = w });
        var e = f.Expected.GetProperty("localcd");
        ReferenceFixture.Close(e.GetProperty("statistic").GetDouble(), cd["LocalCD"].Statistic, f.Tolerance("statistic"), "local CD");
        ReferenceFixture.Close(e.GetProperty("pValue").GetDouble(), cd["LocalCD"].PValue!.Value, f.Tolerance("pValue"), "local CD p-value");
    }

    [Theory]
    [InlineData("mg", PanelModel.CceMeanGroup)]
    [InlineData("p", PanelModel.CcePooled)]
    public void Cce_on_the_unbalanced_empluk_panel_matches_plm_pcce(string key, PanelModel model)
    {
        var f = ReferenceFixture.Load("Panel/" + "pcce_empluk");
        var panel = PanelData.Load(f.File("input.csv"), "firm", "year");
        var fit = new PanelRegression(f.Spec.GetProperty("formula").GetString()!, model).Fit(panel);
        var e = f.Expected.GetProperty(key);
        foreach (var c in e.GetProperty("coefficients").EnumerateObject())
        {
            ReferenceFixture.Close(c.Value.GetProperty("estimate").GetDouble(), fit[c.Name].Estimate, f.Tolerance("coefficients"), $"{key} {c.Name}");
            ReferenceFixture.Close(c.Value.GetProperty("stdError").GetDouble(), fit[c.Name].StdError!.Value, f.Tolerance("coefficients"), $"{key} {c.Name} s.e.");
        }
        Assert.Equal(1031, fit.NObs);
        var cd = new CrossSectionalDependence { Tests = CdTests.CD }.Test(fit);
        ReferenceFixture.Close(e.GetProperty("cd").GetProperty("statistic").GetDouble(), cd["CD"].Statistic, f.Tolerance("statistic"), $"{key} CD");
    }

    [Theory]
    [InlineData("mg", PanelModel.CceMeanGroup)]
    [InlineData("p", PanelModel.CcePooled)]
    public void Cce_coefficients_standard_errors_and_cd_match_plm_pcce(string key, PanelModel model)
    {
        var f = ReferenceFixture.Load("Panel/" + "pcce_produc");
        var panel = PanelData.Load(f.File("input.csv"), "state", "year");
        var fit = new PanelRegression(f.Spec.GetProperty("formula").GetString()!, model).Fit(panel);
        var e = f.Expected.GetProperty(key);
        foreach (var c in e.GetProperty("coefficients").EnumerateObject())
        {
            ReferenceFixture.Close(c.Value.GetProperty("estimate").GetDouble(), fit[c.Name].Estimate, f.Tolerance("coefficients"), $"{key} {c.Name}");
            ReferenceFixture.Close(c.Value.GetProperty("stdError").GetDouble(), fit[c.Name].StdError!.Value, f.Tolerance("coefficients"), $"{key} {c.Name} s.e.");
        }
        foreach (var c in f.Expected.GetProperty("qr").GetProperty(key).EnumerateObject())
            ReferenceFixture.Close(c.Value.GetDouble(), fit[c.Name].Estimate, f.Tolerance("qr"), $"{key} {c.Name} vs QR transcription");
        var cd = new CrossSectionalDependence { Tests = CdTests.CD }.Test(fit);
        ReferenceFixture.Close(e.GetProperty("cd").GetProperty("statistic").GetDouble(), cd["CD"].Statistic, f.Tolerance("statistic"), $"{key} CD");
        ReferenceFixture.Close(e.GetProperty("cd").GetProperty("pValue").GetDouble(), cd["CD"].PValue!.Value, f.Tolerance("pValue"), $"{key} CD p");
        Assert.Contains(cd.Diagnostics, d => d.Code == "cd-biased");
    }
}
