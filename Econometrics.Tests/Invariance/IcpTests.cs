using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Causal.Invariance;

namespace Econometrics.Tests.Invariance;

[VerifiesFixtures("Invariance/icp_sets_sim", "Invariance/icp_sim")]
public class IcpTests
{
    public static TheoryData<double, string> Runs() => new() { { 0.01, "normal" }, { 0.01, "exact" }, { 0.05, "normal" }, { 0.05, "exact" } };

    private static JsonElement Run(double alpha, string test) =>
        Fixtures.Expected("icp_sim").GetProperty("runs").EnumerateArray()
            .Single(r => r.GetProperty("alpha").GetDouble() == alpha && r.GetProperty("test").GetString() == test);

    [Theory, MemberData(nameof(Runs))]
    public void MatchesRPackageOnTheNotesData(double alpha, string test)
    {
        var expected = Run(alpha, test);
        var fit = new InvariantCausalPrediction { Alpha = alpha, Test = test == "exact" ? IcpTest.Exact : IcpTest.Normal }.Fit(Fixtures.Sim());

        var acc = expected.GetProperty("acceptedSets").EnumerateArray().Select(a => string.Join(",", a.EnumerateArray().Select(v => v.GetString()))).ToArray();
        Assert.Equal(acc, fit.AcceptedSets.Select(a => string.Join(",", a)).ToArray());
        Assert.Equal(["X1", "X2"], fit.CausalPredictors);
        Assert.False(fit.ModelRejected);
        Assert.Equal(expected.GetProperty("modelReject").GetBoolean(), fit.ModelRejected);
        Fixtures.Close(expected.GetProperty("bestModel").GetDouble(), fit.BestModel, 1e-6, "bestModel");

        for (int j = 0; j < 4; j++)
        {
            string v = Fixtures.Predictors[j];
            double rp = expected.GetProperty("pValues").GetProperty(v).GetDouble();
            // R's 1 - pf() underflows below ~1e-16; those values are checked against survival functions elsewhere.
            if (rp > 1e-12) Fixtures.Close(rp, fit.PValues[j], 1e-6, $"p-value {v}");
            else Assert.True(fit.PValues[j] < 1e-12 && fit.PValues[j] > 0, $"{v}: {fit.PValues[j]}");
            Fixtures.Close(expected.GetProperty("upper").GetProperty(v).GetDouble(), fit.Upper![j], 1e-8, $"upper {v}", 1e-8);
            Fixtures.Close(expected.GetProperty("lower").GetProperty(v).GetDouble(), fit.Lower![j], 1e-8, $"lower {v}", 1e-8);
            Fixtures.Close(expected.GetProperty("maximin").GetProperty(v).GetDouble(), fit.Maximin![j], 1e-8, $"maximin {v}", 1e-8);
        }

        // Every set p-value R can represent (above 1e-12) agrees to 1e-6 relative.
        // R tests the empty set twice (before the loop and as the first set of getblanketall); we test it once.
        var sets = expected.GetProperty("setPValues").EnumerateArray().Skip(1).ToArray();
        Assert.Equal(sets.Length, fit.Sets.Count);
        for (int i = 0; i < sets.Length; i++)
        {
            var names = sets[i].GetProperty("set").EnumerateArray().Select(x => x.GetString()!).ToArray();
            Assert.Equal(names, fit.Sets[i].Predictors);
            double rp = sets[i].GetProperty("p").GetDouble();
            if (rp > 1e-12) Fixtures.Close(rp, fit.Sets[i].PValue, 1e-6, $"set {{{string.Join(",", names)}}}");
        }
    }

    [Theory, InlineData("normal"), InlineData("exact")]
    public void TinyPValuesMatchSurvivalFunctionsWithoutUnderflow(string test)
    {
        var fit = new InvariantCausalPrediction { Test = test == "exact" ? IcpTest.Exact : IcpTest.Normal }.Fit(Fixtures.Sim());
        var expected = Fixtures.Expected("icp_sets_sim").GetProperty("sets").EnumerateArray().ToArray();
        foreach (var e in expected)
        {
            var names = e.GetProperty("set").EnumerateArray().Select(x => x.GetString()!).ToArray();
            var got = fit.Sets.Single(s => s.Predictors.SequenceEqual(names));
            double p = e.GetProperty(test).GetDouble();
            Assert.True(got.PValue > 0, $"{got}: underflow to 0");
            // scipy's survival functions: relative agreement down to 1e-74.
            Fixtures.Close(p, got.PValue, 1e-6, $"{test} {got}");
        }
        // X1's per-variable p-value is the p-value of {X3} (2.53e-58), which R reports as 1.77e-65 (normal) or 0 (exact).
        double x1 = expected.Where(e => e.GetProperty("set").GetArrayLength() > 0 && !e.GetProperty("set").EnumerateArray().Any(v => v.GetString() == "X1"))
            .Append(expected[0]).Max(e => e.GetProperty(test).GetDouble());
        Fixtures.Close(x1, fit.PValues[0], 1e-6, "X1 p-value");
    }
}

public class IcpRenderingTests
{
    [Fact]
    public void SummaryJsonAndPlotRender()
    {
        var fit = new InvariantCausalPrediction { Alpha = 0.05 }.Fit(Fixtures.Sim());
        var text = fit.ToString();
        Assert.Contains("Causal predictors:  {X1,X2}", text);
        Assert.Contains("Accepted sets:      {X1,X2} {X1,X2,X4}", text);
        Assert.Contains("<table", fit.ToHtml());
        Assert.Contains("| X2 |", fit.ToMarkdown());
        var j = System.Text.Json.JsonDocument.Parse(fit.ToJson()).RootElement;
        Assert.Equal(16, j.GetProperty("sets").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, j.GetProperty("confidenceIntervals").GetProperty("X4").ValueKind);
        PlotAssert.RendersContent(fit.PlotIntervals());
    }

    [Fact]
    public void RejectedModelHasNoIntervalsAndUnitPValues()
    {
        // Y's own equation changes across environments: no set can be invariant.
        var r = new Random(2);
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(400, 2, (_, _) => r.NextDouble());
        var env = Enumerable.Range(0, 400).Select(i => i / 100).ToArray();
        var y = Enumerable.Range(0, 400).Select(i => (1 + 3 * env[i]) * x[i, 0] + 5 * env[i] + 0.1 * (r.NextDouble() - 0.5) * (1 + env[i])).ToArray();
        var fit = new InvariantCausalPrediction { Alpha = 0.05 }.Fit(Environments.FromArrays(x, y, env));
        Assert.True(fit.ModelRejected);
        Assert.Empty(fit.CausalPredictors);
        Assert.Null(fit.Lower);
        Assert.All(fit.PValues, p => Assert.Equal(1.0, p));
        Assert.Contains(fit.Diagnostics, d => d.Code == "model-rejected");
    }
}
