using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Panel.Estimators;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>
/// plm parity for pooled, FE, TWFE, RE (Swamy-Arora) and FD on Grunfeld (balanced) and shuffled EmplUK (unbalanced):
/// coefficients, every covariance (classical, HC0-HC3, cluster by unit and time, two-way, Driscoll-Kraay), R-squared,
/// the F and robust Wald tests, and the Hausman tests.
/// </summary>
[VerifiesFixtures("Panel/plm_estimators_")]
public sealed class PlmEstimatorFixtureTests
{
    public static readonly string[] Cases = ["plm_estimators_grunfeld", "plm_estimators_empluk"];

    private static readonly Dictionary<string, PanelModel> Models = new()
    {
        ["pooled"] = PanelModel.Pooled, ["fe"] = PanelModel.FixedEffects, ["twfe"] = PanelModel.TwoWayFixedEffects,
        ["re"] = PanelModel.RandomEffects, ["fd"] = PanelModel.FirstDifferences,
    };

    private static readonly Dictionary<string, PanelCovariance> Covariances = new()
    {
        ["classical"] = PanelCovariance.Classical, ["hc0"] = PanelCovariance.HC0, ["hc1"] = PanelCovariance.HC1,
        ["hc2"] = PanelCovariance.HC2, ["hc3"] = PanelCovariance.HC3, ["cluster"] = PanelCovariance.Cluster,
        ["clusterHC0"] = new(CovarianceKind.ClusterUnit, ResidualAdjustment.HC0), ["clusterTime"] = PanelCovariance.ClusterTime,
        ["twoway"] = PanelCovariance.TwoWay, ["twowaySss"] = new(CovarianceKind.ClusterTwoWay, ResidualAdjustment.Sss),
        ["driscollKraay"] = PanelCovariance.DriscollKraay(), ["driscollKraayLag3"] = PanelCovariance.DriscollKraay(3),
    };

    public static IEnumerable<object[]> ModelCases =>
        from c in Cases from m in Models.Keys from v in Covariances.Keys select new object[] { c, m, v };

    private static readonly Dictionary<string, PanelData> Panels = [];

    internal static PanelData Load(ReferenceFixture f)
    {
        lock (Panels)
        {
            if (!Panels.TryGetValue(f.Directory, out var p))
                Panels[f.Directory] = p = PanelData.Load(f.File("input.csv"), f.Spec.GetProperty("entity").GetString()!, f.Spec.GetProperty("time").GetString()!);
            return p;
        }
    }

    internal static PanelRegressionResult Fit(ReferenceFixture f, PanelModel model, PanelCovariance vcov) =>
        new PanelRegression(f.Spec.GetProperty("formula").GetString()!, model) { Covariance = vcov }.Fit(Load(f));

    [Theory]
    [MemberData(nameof(ModelCases))]
    public void Coefficients_and_standard_errors_match_plm(string name, string model, string vcov)
    {
        var f = ReferenceFixture.Load("Panel/" + name);
        var e = f.Expected.GetProperty(model);
        var fit = Fit(f, Models[model], Covariances[vcov]);
        var coefs = e.GetProperty("coefficients");
        Assert.Equal(coefs.EnumerateObject().Count(), fit.Coefficients.Count);
        foreach (var c in coefs.EnumerateObject())
            ReferenceFixture.Close(c.Value.GetDouble(), fit[c.Name].Estimate, f.Tolerance("coefficients"), $"{name} {model} {c.Name} estimate");
        foreach (var c in e.GetProperty("stdError").GetProperty(vcov).EnumerateObject())
            ReferenceFixture.Close(c.Value.GetDouble(), fit[c.Name].StdError!.Value, f.Tolerance("stdError"), $"{name} {model} {vcov} {c.Name} SE");
    }

    [Theory]
    [MemberData(nameof(FitCases))]
    public void R_squared_F_and_dimensions_match_plm(string name, string model)
    {
        var f = ReferenceFixture.Load("Panel/" + name);
        var e = f.Expected.GetProperty(model);
        var fit = Fit(f, Models[model], PanelCovariance.Classical);
        ReferenceFixture.Close(e.GetProperty("rSquared").GetDouble(), fit.RSquared, f.Tolerance("rSquared"), $"{name} {model} R2");
        ReferenceFixture.Close(e.GetProperty("adjRSquared").GetDouble(), fit.AdjustedRSquared, f.Tolerance("rSquared"), $"{name} {model} adj R2");
        ReferenceFixture.Close(e.GetProperty("fStatistic").GetDouble(), fit.JointTest!.Statistic, f.Tolerance("statistic"), $"{name} {model} F");
        Assert.Equal(e.GetProperty("dfResidual").GetInt32(), fit.DegreesOfFreedom);
        Assert.Equal(e.GetProperty("nObs").GetInt32(), fit.NObs);
        Assert.Equal(e.GetProperty("nUnits").GetInt32(), fit.Units);
        Assert.Equal(e.GetProperty("nPeriods").GetInt32(), fit.Periods);
        if (model is "fe" or "twfe") Assert.Equal(fit.RSquared, fit.RSquaredWithin);

        var robust = Fit(f, Models[model], PanelCovariance.Cluster).JointTest!;
        var w = e.GetProperty("robustWald");
        ReferenceFixture.Close(w.GetProperty("statistic").GetDouble(), robust.Statistic, f.Tolerance("statistic"), $"{name} {model} robust Wald");
        Assert.Equal(w.GetProperty("df")[1].GetDouble(), robust.Distribution.Df2);
        ReferenceFixture.Close(w.GetProperty("pValue").GetDouble(), robust.PValue!.Value, f.Tolerance("statistic"), $"{name} {model} robust Wald p");
    }

    public static IEnumerable<object[]> FitCases => from c in Cases from m in Models.Keys select new object[] { c, m };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Random_effects_variance_components_match_plm(string name)
    {
        var f = ReferenceFixture.Load("Panel/" + name);
        var s = f.Expected.GetProperty("re").GetProperty("sigma2");
        var re = Fit(f, PanelModel.RandomEffects, PanelCovariance.Classical).RandomEffects!;
        ReferenceFixture.Close(s.GetProperty("idios").GetDouble(), re.SigmaIdiosyncratic, 1e-8, $"{name} sigma2 idios");
        ReferenceFixture.Close(s.GetProperty("id").GetDouble(), re.SigmaIndividual, 1e-8, $"{name} sigma2 id");
        var all = f.Expected.GetProperty("re").GetProperty("thetaAll");
        var theta = all.ValueKind == JsonValueKind.Array ? all.EnumerateArray().Select(t => t.GetDouble()).ToArray() : [all.GetDouble()];
        ReferenceFixture.Close(theta.Min(), re.ThetaMin, 1e-8, $"{name} theta min");
        ReferenceFixture.Close(theta.Max(), re.ThetaMax, 1e-8, $"{name} theta max");
    }

    public static IEnumerable<object[]> CaseNames => Cases.Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Hausman_tests_match_phtest(string name)
    {
        var f = ReferenceFixture.Load("Panel/" + name);
        var formula = f.Spec.GetProperty("formula").GetString()!;
        var panel = Load(f);
        foreach (var (key, vcov) in new (string, PanelCovariance?)[] { ("hausman", null), ("hausmanAux", PanelCovariance.Classical), ("hausmanAuxCluster", PanelCovariance.Cluster) })
        {
            var e = f.Expected.GetProperty(key);
            var h = new HausmanTest(formula) { Covariance = vcov }.Test(panel);
            ReferenceFixture.Close(e.GetProperty("statistic").GetDouble(), h.Statistic, f.Tolerance("statistic"), $"{name} {key}");
            ReferenceFixture.Close(e.GetProperty("pValue").GetDouble(), h.PValue!.Value, f.Tolerance("statistic"), $"{name} {key} p");
            Assert.Equal(e.GetProperty("df").GetDouble(), h.Distribution.Df1);
        }
    }
}
