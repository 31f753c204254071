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
}
