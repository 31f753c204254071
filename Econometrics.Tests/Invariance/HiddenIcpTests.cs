using Econometrics.Tests.Support;
using Econometrics.Causal.Invariance;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Invariance;

/// <summary>hiddenICP against R's InvariantCausalPrediction 0.8 (fixture <c>icp_binary_hidden_sim</c>).</summary>
[VerifiesFixtures("Invariance/icp_binary_hidden_sim")]
public sealed class HiddenIcpTests
{
    private static readonly string[] Predictors = ["X1", "X2", "X3"];

    internal static Environments Hidden() => Environments.Load(
        Path.Combine(AppContext.BaseDirectory, "Reference", "Invariance", "icp_binary_hidden_sim", "hidden.csv"), "Y", "env", Predictors);

    [Theory]
    [InlineData(0.1, false)]
    [InlineData(0.05, true)]
    public void Estimates_intervals_and_p_values_match_the_R_package(double alpha, bool intercept)
    {
        var e = Fixtures.Expected("icp_binary_hidden_sim").GetProperty("hidden").EnumerateArray()
            .Single(r => r.GetProperty("alpha").GetDouble() == alpha && r.GetProperty("intercept").GetBoolean() == intercept);
        var fit = new HiddenInvariantCausalPrediction { Alpha = alpha, Intercept = intercept }.Fit(Hidden());
        double[] R(string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (beta, maximin, upper, lower, p) = (R("betahat"), R("maximin"), R("upper"), R("lower"), R("pValues"));
        for (int j = 0; j < Predictors.Length; j++)
        {
            Fixtures.Close(beta[j], fit.Estimate[j], 1e-9, $"betahat {Predictors[j]}");
            Fixtures.Close(upper[j], fit.Upper[j], 1e-9, $"upper {Predictors[j]}");
            Fixtures.Close(lower[j], fit.Lower[j], 1e-9, $"lower {Predictors[j]}");
            Fixtures.Close(maximin[j], fit.Maximin[j], 1e-9, $"maximin {Predictors[j]}", 1e-9);
            // R computes 1 - pt(), which carries an absolute error near 1e-16 times 2K; below 1e-9 compare absolutely.
            if (p[j] > 1e-9) Fixtures.Close(p[j], fit.PValues[j], 1e-6, $"p {Predictors[j]}");
            else Assert.True(Math.Abs(p[j] - fit.PValues[j]) < 1e-14 && fit.PValues[j] > 0, $"p {Predictors[j]}: R {p[j]}, here {fit.PValues[j]}");
        }
        Assert.Equal(["X1"], fit.CausalPredictors);        // the simulation's only parent of Y
    }

    [Fact]
    public void Json_and_summary_name_the_effects()
    {
        var fit = new HiddenInvariantCausalPrediction().Fit(Hidden());
        Assert.Contains("\"method\": \"hiddenICP\"", fit.ToJson());
        Assert.Contains("Significant causal effects: X1", fit.ToString().Replace("  ", " ").Replace("  ", " ").Replace("  ", " "));
    }

    [Fact]
    public void A_singular_contrast_is_an_error()
    {
        // Identical environments: the second-moment contrast is zero.
        var rows = Matrix<double>.Build.Dense(12, 2, (i, j) => ((i % 6) + 1.0) * (j + 1) + (j == 1 ? (i % 6) * (i % 6) : 0));
        var y = Enumerable.Range(0, 12).Select(i => (double)(i % 6)).ToArray();
        var same = Environments.FromArrays(rows, y, Enumerable.Range(0, 12).Select(i => i < 6 ? "a" : "b").ToArray(), ["X1", "X2"]);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => new HiddenInvariantCausalPrediction().Fit(same)).Message);
    }
}
