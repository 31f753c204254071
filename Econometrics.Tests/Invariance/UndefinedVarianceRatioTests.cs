using Econometrics.Causal.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Invariance;

/// <summary>A target constant in one environment (not in all) leaves the variance ratio undefined, never infinite.</summary>
public class UndefinedVarianceRatioTests
{
    [Fact]
    public void Zero_residual_variance_in_one_environment_gives_an_undefined_ratio_with_a_diagnostic()
    {
        var rng = new Random(3);
        int per = 12;
        var x = Matrix<double>.Build.Dense(2 * per, 1, (i, _) => rng.NextDouble() + i / per);
        var y = Enumerable.Range(0, 2 * per).Select(i => i < per ? 0.0 : x[i, 0] + rng.NextDouble()).ToArray();
        var env = Enumerable.Range(0, 2 * per).Select(i => i / per).ToArray();
        var data = Environments.FromArrays(x, y, env, ["X1"]);
        var report = new InvarianceCheck { BootstrapReplications = 20, Seed = 1 }.Test(data, Representation.Subset(data, ["X1"]));
        Assert.True(double.IsNaN(report.Gaps.VarianceRatio));
        Assert.True(double.IsFinite(report.Gaps.SlopeGap));
        var interval = report.GapIntervals.Single(g => g.Name == "varianceRatio");
        Assert.True(double.IsNaN(interval.Lower) && double.IsNaN(interval.Upper));
        Assert.Contains(report.Diagnostics, d => d.Code == "variance-ratio-undefined");
        Assert.DoesNotContain("Inf", report.ToString(), StringComparison.Ordinal);
    }
}
