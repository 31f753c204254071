using Econometrics.Mixtures;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>Seeded random starts give the same fit on any thread count.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void SameFitOnOneAndManyThreads()
    {
        var model = new GrowthMixture { Starts = 4, FinalStarts = 2, ShortIterations = 5, MaxIterations = 40, StandardErrors = false, Seed = 99 };
        var one = (model with { MaxDegreeOfParallelism = 1 }).Fit(MixtureFixtures.Sim);
        var many = (model with { MaxDegreeOfParallelism = 4 }).Fit(MixtureFixtures.Sim);
        Assert.Equal(one.LogLikelihood, many.LogLikelihood);
        Assert.Equal(one.Estimates.Select(e => e.Estimate), many.Estimates.Select(e => e.Estimate));
        Assert.Equal(one.ToJson(), many.ToJson());
    }
}
