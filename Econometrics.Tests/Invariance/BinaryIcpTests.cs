using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Causal.Invariance;
using Econometrics.Data;
using Xunit;

namespace Econometrics.Tests.Invariance;

/// <summary>ICP for a two-class target against R's InvariantCausalPrediction 0.8 (fixture <c>icp_binary_hidden_sim</c>).</summary>
[VerifiesFixtures("Invariance/icp_binary_hidden_sim")]
public sealed class BinaryIcpTests
{
    private static readonly string[] Predictors = ["X1", "X2", "X3", "X4"];

    private static string Input(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "Invariance", "icp_binary_hidden_sim", file);

    internal static Environments Binary() => Environments.Load(Input("binary.csv"), "Y", "env", Predictors);

    private static JsonElement Run(double alpha) =>
        Fixtures.Expected("icp_binary_hidden_sim").GetProperty("binary").EnumerateArray().Single(r => r.GetProperty("alpha").GetDouble() == alpha);

    private static string Key(JsonElement set) => string.Join(",", set.EnumerateArray().Select(v => v.GetString()));

    // jsonlite's auto_unbox writes a one-element vector as a bare number.
    private static double[] Numbers(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(v => v.GetDouble()).ToArray() : [e.GetDouble()];

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    public void Accepted_sets_p_values_and_intervals_match_the_R_package(double alpha)
    {
        var e = Run(alpha);
        var fit = new InvariantCausalPrediction { Alpha = alpha }.Fit(Binary());
        Assert.Equal(IcpFamily.Binomial, fit.Family);
        Assert.True(e.GetProperty("factor").GetBoolean());
        Assert.Contains(fit.Diagnostics, d => d.Code == "binary-target" && d.Message.Contains("logistic-regression ICP"));
        Assert.Equal(e.GetProperty("acceptedSets").EnumerateArray().Select(Key).ToArray(), fit.AcceptedSets.Select(a => string.Join(",", a)).ToArray());
        Assert.Equal(["X1", "X2"], fit.CausalPredictors);     // the simulation's parents
        Assert.Equal(e.GetProperty("modelReject").GetBoolean(), fit.ModelRejected);
        Fixtures.Close(e.GetProperty("bestModel").GetDouble(), fit.BestModel, 1e-6, "bestModel");
        for (int j = 0; j < Predictors.Length; j++)
        {
            string v = Predictors[j];
            Fixtures.Close(e.GetProperty("pValues").GetProperty(v).GetDouble(), fit.PValues[j], 1e-6, $"p-value {v}");
            Fixtures.Close(e.GetProperty("upper").GetProperty(v).GetDouble(), fit.Upper![j], 1e-6, $"upper {v}", 1e-6);
            Fixtures.Close(e.GetProperty("lower").GetProperty(v).GetDouble(), fit.Lower![j], 1e-6, $"lower {v}", 1e-6);
        }
        // Every set: R evaluates the empty set first, then by size and binary code, as we do.
        var sets = e.GetProperty("setPValues").EnumerateArray().ToArray();
        Assert.Equal(sets.Length, fit.Sets.Count);
        for (int i = 0; i < sets.Length; i++)
        {
            Assert.Equal(Key(sets[i].GetProperty("set")), string.Join(",", fit.Sets[i].Predictors));
            Fixtures.Close(sets[i].GetProperty("p").GetDouble(), fit.Sets[i].PValue, 1e-6, $"set {Key(sets[i].GetProperty("set"))}", 1e-12);
        }
    }

    [Fact]
    public void Logistic_coefficients_and_standard_errors_equal_glm_with_the_package_control()
    {
        var e = Run(0.05);
        var data = Binary();
        var y = data.Y.Select(v => v == 1 ? 1.0 : 0.0).ToArray();
        var engine = new LogisticIcpEngine(data.X, y, data);
        foreach (var set in e.GetProperty("setPValues").EnumerateArray())
        {
            var cols = set.GetProperty("set").EnumerateArray().Select(v => Array.IndexOf(Predictors, v.GetString())).ToArray();
            if (cols.Length == 0) continue;
            var (coef, se) = engine.Coefficients(cols);
            var rc = Numbers(set.GetProperty("coefficients"));
            var rs = Numbers(set.GetProperty("stdErrors"));
            for (int i = 0; i < cols.Length; i++)
            {
                Fixtures.Close(rc[i], coef[i], 1e-8, $"coef {Key(set.GetProperty("set"))}[{i}]", 1e-8);
                Fixtures.Close(rs[i], se[i], 1e-8, $"se {Key(set.GetProperty("set"))}[{i}]");
            }
        }
    }

    [Fact]
    public void Gaussian_family_overrides_and_warns()
    {
        var fit = new InvariantCausalPrediction { Alpha = 0.05, Family = IcpFamily.Gaussian }.Fit(Binary());
        Assert.Equal(IcpFamily.Gaussian, fit.Family);
        Assert.Contains(fit.Diagnostics, d => d.Code == "binary-target" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("\"family\": \"gaussian\"", fit.ToJson());
    }

    [Fact]
    public void One_class_more_than_two_classes_and_the_exact_test_are_errors()
    {
        var data = Binary();
        // One class is a constant target, refused when the environments are built.
        var e = Assert.Throws<DataFormatException>(() =>
            Environments.FromArrays(data.X, Enumerable.Repeat(1.0, data.N).ToArray(), data.EnvironmentIndex().Select(k => data.Names[k]).ToArray(), Predictors));
        Assert.Contains("The target 'Y' is constant (1)", e.Message);
        var sim = Fixtures.Sim();
        Assert.Contains("two values", Assert.Throws<ArgumentException>(() => new InvariantCausalPrediction { Family = IcpFamily.Binomial }.Fit(sim)).Message);
        Assert.Contains("exact test", Assert.Throws<ArgumentException>(() => new InvariantCausalPrediction { Test = IcpTest.Exact }.Fit(data)).Message);
    }
}
