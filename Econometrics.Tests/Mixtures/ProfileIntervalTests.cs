using Econometrics.Mixtures;
using Econometrics.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>
/// Profile-likelihood 95% intervals of the nonlinear growth parameter (knot, rate, acceleration) against OpenMx's mxCI
/// on one-class curves of RMS_dat (Reference/Mixtures/profile/generate.R), and their defining property: the deviance
/// 2 (ℓ_max − ℓ_p) equals χ²₁(0.95) at both limits.
/// </summary>
[VerifiesFixtures("Mixtures/profile")]
public sealed class ProfileIntervalTests(ITestOutputHelper output)
{
    private static readonly ReferenceFixture Fixture = ReferenceFixture.Load("Mixtures/profile");

    private GrowthMixtureResult Fit(string curve)
    {
        var c = curve switch { "exp" => GrowthCurve.NegativeExponential, "jb" => GrowthCurve.JenssBayley, _ => GrowthCurve.BilinearSpline };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = new GrowthMixture { Classes = 1, Curve = c, Starts = 2, FinalStarts = 1, ProfileIntervals = true }.Fit(NonlinearCurveTests.Rms());
        var p = Assert.Single(r.ProfileIntervals!);
        output.WriteLine($"{curve}: logLik {r.LogLikelihood:F6}, {p.Term} {p.Estimate:F6} [{p.Lower:F6}, {p.Upper:F6}], {p.Evaluations} profile fits, " +
            $"{watch.Elapsed.TotalSeconds:F1} s");
        return r;
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("bls")]
    public void IntervalsMatchOpenMxMxCi(string curve)
    {
        var r = Fit(curve);
        var e = Fixture.Expected.GetProperty(curve);
        var p = r.ProfileIntervals![0];
        Assert.True(r.LogLikelihood >= e.GetProperty("logLik").GetDouble() - 1e-6);
        Assert.Equal(e.GetProperty("gamma").GetDouble(), p.Estimate, 1e-3);
        Assert.Equal(e.GetProperty("lower").GetDouble(), p.Lower!.Value, 1e-3);
        Assert.Equal(e.GetProperty("upper").GetDouble(), p.Upper!.Value, 1e-3);
        Assert.True(p.Lower < p.Estimate && p.Estimate < p.Upper);
        Assert.Contains("Profile-likelihood 95% intervals", r.ToString());
        Assert.Contains("\"profileIntervals\"", r.ToJson());
    }

    /// <summary>
    /// A knot's limits, refitted with the knot held there by an independent multi-start fit (FixedKnots), lie exactly
    /// χ²₁(0.95)/2 below the maximum: the profile re-maximised every other parameter.
    /// </summary>
    [Fact]
    public void KnotLimitsAreWhereTheFixedKnotFitLosesHalfTheChiSquareQuantile()
    {
        var r = Fit("bls");
        var p = r.ProfileIntervals![0];
        foreach (var limit in new[] { p.Lower!.Value, p.Upper!.Value })
        {
            var at = new GrowthMixture { Classes = 1, Starts = 4, FinalStarts = 2, StandardErrors = false, FixedKnots = [limit] }
                .Fit(NonlinearCurveTests.Rms());
            Assert.Equal(r.LogLikelihood - 3.841458820694124 / 2, at.LogLikelihood, 1e-5);
        }
    }
}
