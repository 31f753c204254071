using Econometrics.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>Recovery of known parameters from simulated data (issue acceptance: N = 500, 2 classes).</summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    private static GrowthMixtureDesign Design => new() { Truth = MixtureFixtures.SimTruth, N = 500, Occasions = 8 };

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarlo")]
    public void KnotsAndClassesAreRecovered()
    {
        var study = new SimulationStudy { Design = Design, Replications = 6, Seed = 7, Model = new GrowthMixture { Starts = 6, FinalStarts = 2 } };
        var result = study.Simulate();
        output.WriteLine(result.ToString());
        Assert.Equal(6, result.Succeeded);
        int k1 = result.Names.ToList().IndexOf("class 1: knot"), k2 = result.Names.ToList().IndexOf("class 2: knot");
        foreach (var r in result.Replications)
        {
            Assert.True(Math.Abs(r.Estimates![k1] - 3.0) < 0.3, $"rep {r.Index}: knot 1 = {r.Estimates[k1]}");
            Assert.True(Math.Abs(r.Estimates[k2] - 4.5) < 0.3, $"rep {r.Index}: knot 2 = {r.Estimates[k2]}");
            Assert.True(r.Accuracy > 0.9, $"rep {r.Index}: accuracy {r.Accuracy}");
        }
    }

    [Fact]
    public void ShardsCombineToTheFullStudy()
    {
        var small = Design with { N = 200 };
        var model = new GrowthMixture { Starts = 2, FinalStarts = 1, StandardErrors = false, MaxIterations = 50 };
        var full = new SimulationStudy { Design = small, Replications = 3, Model = model }.Simulate();
        var a = new SimulationStudy { Design = small, Replications = 3, Model = model, Shard = 0, Shards = 2 }.Simulate();
        var b = new SimulationStudy { Design = small, Replications = 3, Model = model, Shard = 1, Shards = 2 }.Simulate();
        // Through the shards' JSON files, as `econ moe simulate merge` reads them.
        var combined = SimulationStudyResult.Combine(SimulationStudyResult.FromJson(b.ToJson()), SimulationStudyResult.FromJson(a.ToJson()));
        Assert.Equal(full.ToJson(), combined.ToJson());
        Assert.Equal(full.Replications.Select(r => r.Index), combined.Replications.Select(r => r.Index));
        for (int r = 0; r < 3; r++) Assert.Equal(full.Replications[r].Estimates, combined.Replications[r].Estimates);
        Assert.Throws<ArgumentException>(() => SimulationStudyResult.Combine(a, a));
        Assert.Contains("rel. bias", full.ToString());
    }

    [Fact]
    public void SimulatorIsSeeded()
    {
        var (d1, c1) = Design.Simulate(11);
        var (d2, c2) = Design.Simulate(11);
        Assert.Equal(c1, c2);
        Assert.Equal(d1.Outcome(17, 5), d2.Outcome(17, 5));
        Assert.Equal(0.0, d1.Time(3, 0));
        Assert.InRange(d1.Time(3, 4), 3.75, 4.25);
    }
}
