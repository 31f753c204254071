using Econometrics.Mixtures;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>The analytic score (used by the polish and the observed information) against central differences of ℓ.</summary>
public sealed class ScoreTests
{
    [Theory]
    [InlineData(CovariateTreatment.Joint)]
    [InlineData(CovariateTreatment.Conditional)]
    public void ScoreMatchesFiniteDifferences(CovariateTreatment treatment)
    {
        var data = MixtureFixtures.Example;
        var model = new GrowthMixture { Covariates = treatment };
        var shape = model.Shape(data, freeKnots: true);
        var ps = ParameterSet.FromPublic(MixtureFixtures.ExampleOpenMx, shape);
        var lik = new MixtureLikelihood(data, shape);
        var x = ps.Pack(false);
        var g = new double[x.Length];
        lik.Gradient(ps, g);
        Assert.Equal(shape.Count - 2, x.Length);
        var work = ps.Clone();
        for (int j = 0; j < x.Length; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var xp = (double[])x.Clone(); xp[j] += h; work.Unpack(xp, false);
            double fp = lik.Evaluate(work);
            xp[j] -= 2 * h; work.Unpack(xp, false);
            double fm = lik.Evaluate(work);
            double fd = (fp - fm) / (2 * h);
            Assert.True(Math.Abs(fd - g[j]) < 1e-4 * Math.Max(1, Math.Abs(fd)), $"parameter {j}: analytic {g[j]}, numeric {fd}");
        }
    }

    /// <summary>The smooth curves' score including γ (rate, acceleration, relative rates), with covariates and missing outcomes.</summary>
    [Theory]
    [InlineData("exp")]
    [InlineData("jb")]
    [InlineData("nonp")]
    public void SmoothCurveScoreIncludingGammaMatchesFiniteDifferences(string curve)
    {
        var full = NonlinearCurveTests.Sim(curve);
        // Knock out a few later outcomes (times stay for the nonparametric curve's intervals).
        var y = full.Y.Select((v, t) => t % 11 == 5 ? double.NaN : v).ToArray();
        var data = new GrowthData(full.Ids.ToArray(), y, full.T, full.P, full.X, [.. full.ExpertNames], full.Z, [.. full.GatingNames], []);
        var model = new GrowthMixture { Curve = NonlinearCurveTests.CurveOf(curve), Classes = 2, Starts = 2, FinalStarts = 1, StandardErrors = false };
        var fit = model.Fit(NonlinearCurveTests.Sim(curve));
        var shape = model.Shape(data, freeKnots: true);
        var ps = ParameterSet.FromPublic(fit.Parameters, shape);
        ps.Gamma[0][0] *= 1.05;   // away from the maximum, where the score is not zero
        var lik = new MixtureLikelihood(data, shape);
        var x = ps.Pack(true);
        var g = new double[x.Length];
        lik.Gradient(ps, g, true);
        var work = ps.Clone();
        for (int j = 0; j < x.Length; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var xp = (double[])x.Clone(); xp[j] += h; work.Unpack(xp, true);
            double fp = lik.Evaluate(work);
            xp[j] -= 2 * h; work.Unpack(xp, true);
            double fm = lik.Evaluate(work);
            double fd = (fp - fm) / (2 * h);
            Assert.True(Math.Abs(fd - g[j]) < 1e-4 * Math.Max(1, Math.Abs(fd)), $"parameter {j}: analytic {g[j]}, numeric {fd}");
        }
    }
}
