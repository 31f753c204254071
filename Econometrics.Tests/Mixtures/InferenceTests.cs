using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>One fit of the authors' example, shared by the inference tests (it takes a few seconds).</summary>
[VerifiesFixtures("Mixtures/example_fit")]
public sealed class ExampleFitFixture
{
    public GrowthMixtureResult Fit { get; } = new GrowthMixture { Starts = 10 }.Fit(MixtureFixtures.Example);
}

/// <summary>Estimates, observed-information SEs and fit statistics on the authors' example against OpenMx and Mplus.</summary>
public sealed class InferenceTests(ExampleFitFixture fixture, ITestOutputHelper output) : IClassFixture<ExampleFitFixture>
{
    private static readonly JsonElement E = MixtureFixtures.Expected("example_fit");
    private GrowthMixtureResult Fit => fixture.Fit;

    private static double[] Arr(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private double Est(string name) => Fit.Estimates.Single(e => e.Term == name).Estimate;
    private double Se(string name) => Fit.Estimates.Single(e => e.Term == name).StdError!.Value;

    private static void Rel(double expected, double actual, double tol, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tol * Math.Abs(expected) + 1e-4, $"{what}: expected {expected}, got {actual}");

    [Fact]
    public void LogLikelihoodAndEstimatesMatchOpenMx()
    {
        // Acceptance: the authors' example reaches -11458.3474 (OpenMx, Mplus) with the joint covariate likelihood.
        Assert.Equal(E.GetProperty("logLik").GetDouble(), Fit.LogLikelihood, 1e-3);
        Assert.Equal(-11458.3474, Fit.LogLikelihood, 1e-3);
        Assert.Equal(CovariateTreatment.Joint, Fit.Covariates);
        Assert.Equal(E.GetProperty("nParameters").GetInt32(), Fit.NParameters);
        var f = new[] { "level", "slope1", "slope2" };
        for (int k = 0; k < 2; k++)
        {
            var c = E.GetProperty("classes")[k];
            string p = $"class {k + 1}: ";
            for (int a = 0; a < 3; a++) Rel(Arr(c.GetProperty("alpha"))[a], Est(p + "alpha." + f[a]), 1e-2, p + "alpha");
            Rel(c.GetProperty("knot").GetDouble(), Est(p + "knot"), 1e-2, p + "knot");
            Rel(c.GetProperty("theta").GetDouble(), Est(p + "theta"), 1e-2, p + "theta");
            var psi = Arr(c.GetProperty("psi"));
            string[] pn = ["00", "01", "02", "11", "12", "22"];
            for (int j = 0; j < 6; j++) Rel(psi[j], Est(p + "psi." + pn[j]), 1e-2, p + "psi" + pn[j]);
            var B = c.GetProperty("B");
            for (int r = 0; r < 3; r++) for (int q = 0; q < 2; q++) Rel(B[r][q].GetDouble(), Est($"{p}beta.ex{q + 1}->{f[r]}"), 1e-2, p + "B");
        }
        var g = Arr(E.GetProperty("gating"));
        Rel(g[0], Est("gate 2: intercept"), 1e-2, "gate intercept");
        Rel(g[1], Est("gate 2: gx1"), 1e-2, "gate gx1");
        Rel(g[2], Est("gate 2: gx2"), 1e-2, "gate gx2");
    }

    [Fact]
    public void StandardErrorsMatchOpenMxHessian()
    {
        var f = new[] { "level", "slope1", "slope2" };
        double worst = 0;
        for (int k = 0; k < 2; k++)
        {
            var c = E.GetProperty("classes")[k];
            string p = $"class {k + 1}: ";
            void Check(double expected, string name, double tol)
            {
                double se = Se(name);
                worst = Math.Max(worst, Math.Abs(se - expected) / expected);
                Rel(expected, se, tol, "SE " + name);
            }
            for (int a = 0; a < 3; a++) Check(Arr(c.GetProperty("se_alpha"))[a], p + "alpha." + f[a], 2e-2);
            Check(c.GetProperty("se_knot").GetDouble(), p + "knot", 1e-1);
            Check(c.GetProperty("se_theta").GetDouble(), p + "theta", 2e-2);
            string[] pn = ["00", "01", "02", "11", "12", "22"];
            var sp = Arr(c.GetProperty("se_psi"));
            for (int j = 0; j < 6; j++) Check(sp[j], p + "psi." + pn[j], 2e-2);
            var sb = c.GetProperty("se_B");
            for (int r = 0; r < 3; r++) for (int q = 0; q < 2; q++) Check(sb[r][q].GetDouble(), $"{p}beta.ex{q + 1}->{f[r]}", 2e-2);
            var sm = Arr(c.GetProperty("se_mux"));
            for (int q = 0; q < 2; q++) Check(sm[q], $"{p}mux.ex{q + 1}", 2e-2);
        }
        var gs = Arr(E.GetProperty("gating_se"));
        Rel(gs[0], Se("gate 2: intercept"), 2e-2, "gate SE");
        Rel(gs[1], Se("gate 2: gx1"), 2e-2, "gate SE");
        Rel(gs[2], Se("gate 2: gx2"), 2e-2, "gate SE");
        output.WriteLine($"worst relative SE difference {worst:G3}; knot step {Fit.KnotStep}");
        var gx1 = Fit.Estimates.Single(e => e.Term == "gate 2: gx1");
        Assert.Equal(gx1.Estimate / gx1.StdError!.Value, gx1.Statistic!.Value, 12);
        Assert.Equal(2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(gx1.Statistic.Value)), gx1.PValue!.Value, 14);
        Assert.InRange(gx1.PValue.Value, 1e-4, 1e-3);   // z ≈ 3.54 (OpenMx: 0.4399 / 0.1241)
        var ci = Fit.Estimates.Single(e => e.Term == "class 1: knot");
        Assert.Equal(ci.Estimate - 1.959963984540054 * ci.StdError!.Value, ci.CiLower!.Value, 12);
    }

    [Fact]
    public void InformationCriteriaEntropyAndClassSizesMatchMplus()
    {
        Assert.Equal(E.GetProperty("aic_mplus").GetDouble(), Fit.Aic, 1e-2);
        Assert.Equal(E.GetProperty("bic_mplus").GetDouble(), Fit.Bic, 1e-2);
        Assert.Equal(E.GetProperty("abic_mplus").GetDouble(), Fit.AdjustedBic, 1e-2);
        Assert.Equal(E.GetProperty("entropy_openmx").GetDouble(), Fit.Entropy!.Value, 1e-3);
        var sizes = Arr(E.GetProperty("expected_sizes"));
        Assert.Equal(sizes[0], Fit.ExpectedSizes[0], 0.05);
        Assert.Equal(sizes[1], Fit.ExpectedSizes[1], 0.05);
        Assert.Equal(E.GetProperty("modal_counts")[0].GetInt32(), Fit.ModalCounts[0]);
        Assert.Equal(E.GetProperty("modal_counts")[1].GetInt32(), Fit.ModalCounts[1]);
        Assert.True(Fit.Converged);
        Assert.True(Fit.Replicated >= 2);
    }

    [Fact]
    public void RenderersCarryTheNumbers()
    {
        using var doc = JsonDocument.Parse(Fit.ToJson());
        var root = doc.RootElement;
        Assert.Equal(Fit.LogLikelihood, root.GetProperty("logLik").GetDouble());
        Assert.Equal(47, root.GetProperty("nParameters").GetInt32());
        Assert.True(root.GetProperty("converged").GetBoolean());
        var c1 = root.GetProperty("classes")[0];
        Assert.Equal(Fit.Parameters.Classes[0].Knot, c1.GetProperty("knot").GetDouble());
        Assert.Equal(3, c1.GetProperty("growthFactorMeans").GetArrayLength());
        Assert.Equal(2, c1.GetProperty("expertCoefficients")[0].GetArrayLength());
        Assert.Equal(3, c1.GetProperty("psi").GetArrayLength());
        Assert.True(c1.TryGetProperty("residualVariance", out _));
        Assert.True(c1.TryGetProperty("proportion", out _));
        var g = Assert.Single(root.GetProperty("gating").EnumerateArray());
        Assert.Equal(2, g.GetProperty("class").GetInt32());
        Assert.Equal(2, g.GetProperty("coefficients").GetArrayLength());
        Assert.Equal(500, root.GetProperty("assignments").GetArrayLength());
        var a0 = root.GetProperty("assignments")[0];
        Assert.Equal("1", a0.GetProperty("id").GetString());
        Assert.Equal(1.0, a0.GetProperty("probabilities").EnumerateArray().Sum(x => x.GetDouble()), 10);
        Assert.Contains("Entropy", Fit.ToString());
        Assert.Contains("<table", Fit.ToHtml());
        Assert.Contains("| class 1: knot", Fit.ToMarkdown());
        Assert.Contains("<svg", Fit.PlotTrajectories(MixtureFixtures.Example).GetSvgXml(400, 300));
        Assert.Contains("<svg", Fit.PlotPosteriors().GetSvgXml(400, 300));
    }
}
