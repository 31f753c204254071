using Econometrics.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>The likelihood-ratio covariate screen selects the generating roles and rejects noise in simulation.</summary>
public sealed class CovariateScreenTests(ITestOutputHelper output)
{
    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarlo")]   // a simulated data set and 9 mixture fits (about 15 s in Debug)
    public void ScreenFindsTheGeneratingGatingAndExpertCovariates()
    {
        // Truth: z1 drives class membership (log-odds 0.9 per SD), x1 shifts the growth factors within classes; n1 and
        // n2 are independent noise. All four enter as candidates.
        var design = new GrowthMixtureDesign { Truth = MixtureFixtures.SimTruth, N = 500, Occasions = 8 };
        var (d, _) = design.Simulate(2026);
        var rng = new Random(5);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        int n = d.N;
        var z = new double[n * 2]; var x = new double[n * 2];
        for (int i = 0; i < n; i++) { z[2 * i] = d.Z[i]; z[2 * i + 1] = Noise(); x[2 * i] = d.X[i]; x[2 * i + 1] = Noise(); }
        var y = Enumerable.Range(0, n * d.P).Select(t => d.Outcome(t / d.P, t % d.P)).ToArray();
        var tt = Enumerable.Range(0, n * d.P).Select(t => d.Time(t / d.P, t % d.P)).ToArray();
        var data = GrowthData.FromArrays(d.Ids, y, tt, d.P, x, ["x1", "n2"], z, ["z1", "n1"]);
        var screen = new CovariateScreen { Model = new GrowthMixture { Starts = 4, FinalStarts = 2, StandardErrors = false } }.Test(data);
        output.WriteLine(screen.ToString());
        Assert.Equal(["z1"], screen.GatingCovariates);
        Assert.Equal(["x1"], screen.ExpertCovariates);
        Assert.All(screen.Rows, r => Assert.True(r.GatingStatistic >= 0 && r.ExpertStatistic >= 0));
        Assert.Contains("<svg", screen.PlotEvidence().GetSvgXml(400, 300));
    }

    [Fact]
    public void ScreenNeedsCandidates()
    {
        var data = GrowthData.Load(MixtureFixtures.DataPath("moe_ref_sim.csv"), "id", "Y", "T");
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new CovariateScreen().Test(data)).ParamName);
        Assert.Equal("Level", Assert.Throws<ArgumentOutOfRangeException>(() => new CovariateScreen { Level = 1.5 }.Test(MixtureFixtures.Sim)).ParamName);
    }
}
