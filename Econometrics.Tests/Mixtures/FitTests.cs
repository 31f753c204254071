using System.Diagnostics;
using Econometrics.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>EM + knot search + polish against the note's section 5 optima.</summary>
public sealed class FitTests(ITestOutputHelper output)
{
    [Fact]
    public void FixedKnotFitOnSyntheticSetReachesNoteOptimum()
    {
        var sw = Stopwatch.StartNew();
        var fit = new GrowthMixture { FixedKnots = [3.0, 4.5], Starts = 4, FinalStarts = 2 }.Fit(MixtureFixtures.Sim);
        output.WriteLine($"fixed: {fit.LogLikelihood:F6} in {sw.ElapsedMilliseconds} ms, iterations {fit.Iterations}");
        Assert.Equal(-7064.960397, fit.LogLikelihood, 1e-4);
        Assert.Equal(32, fit.NParameters);
        var c1 = fit.Parameters.Classes[0];
        Assert.Equal(100.306882, c1.Alpha[0], 100.306882 * 1e-3);
        Assert.Equal(1.036752, c1.Theta, 1.036752 * 1e-3);
        Assert.Equal(0.339718, fit.Parameters.Gating[1, 0], 1e-3);
        Assert.Equal(0.889607, fit.Parameters.Gating[1, 1], 1e-3);
    }

    [Fact]
    public void FreeKnotFitOnSyntheticSetBeatsOpenMx()
    {
        var sw = Stopwatch.StartNew();
        var fit = new GrowthMixture { Starts = 4, FinalStarts = 2 }.Fit(MixtureFixtures.Sim);
        output.WriteLine($"free: {fit.LogLikelihood:F6} in {sw.ElapsedMilliseconds} ms; knots {fit.Parameters.Classes[0].Knot} {fit.Parameters.Classes[1].Knot}; iterations {fit.Iterations}");
        output.WriteLine(fit.ToString());
        Assert.True(fit.LogLikelihood >= -7062.8060, $"LL {fit.LogLikelihood}");
        Assert.Equal(34, fit.NParameters);
        Assert.Equal(2.929607, fit.Parameters.Classes[0].Knot, 0.01);
        Assert.Equal(4.554950, fit.Parameters.Classes[1].Knot, 0.01);
        var file = MixtureFixtures.Posteriors();
        double max = 0;
        for (int i = 0; i < file.Length; i++) max = Math.Max(max, Math.Abs(fit.Posteriors[i, 0] - file[i][5]));
        output.WriteLine($"max |Δτ| vs EM column {max}");
        Assert.True(max < 2e-3, $"max |Δτ| = {max}");
        Assert.Equal(0.982205, fit.Entropy!.Value, 1e-4);
    }

    [Fact]
    public void AuthorsExampleReachesPublishedOptimum()
    {
        var sw = Stopwatch.StartNew();
        var fit = new GrowthMixture { Starts = 10, StandardErrors = false }.Fit(MixtureFixtures.Example);
        output.WriteLine($"example: {fit.LogLikelihood:F6} in {sw.ElapsedMilliseconds} ms, iterations {fit.Iterations}");
        Assert.Equal(-11458.3474, fit.LogLikelihood, 1e-3);
        Assert.Equal(47, fit.NParameters);
    }
}
