using Econometrics.Mixtures;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>
/// Robust (Huber-White sandwich, Mplus MLR) standard errors of a growth mixture: against the independent numpy
/// transcription (analytic casewise scores; Reference/Mixtures/vlmr) tightly, and against OpenMx's Hessian with the
/// sandwich computed as imxRobustSE does (Reference/Mixtures/robust_se).
/// </summary>
[VerifiesFixtures("Mixtures/robust_se")]
public sealed class RobustSeTests
{
    private static GrowthData Sim() => GrowthData.Load(MixtureFixtures.ReferencePath("vlmr", "sim.csv"), "id", "Y", "T");

    private static readonly Lazy<(GrowthMixtureResult Ml, GrowthMixtureResult Mlr)> Fits = new(() =>
    {
        var model = new GrowthMixture { Curve = GrowthCurve.Linear, Starts = 10 };
        var d = Sim();
        return (model.Fit(d), (model with { RobustStandardErrors = true }).Fit(d));
    });

    private static void Compare(ReferenceFixture f, string estimates, string se, string robust, string tolEstimates, string tolSe)
    {
        var (ml, mlr) = Fits.Value;
        var e = ReferenceFixture.Vector(f.Expected.GetProperty(estimates));
        var s = ReferenceFixture.Vector(f.Expected.GetProperty(se));
        var r = ReferenceFixture.Vector(f.Expected.GetProperty(robust));
        Assert.Equal(e.Length, mlr.Estimates.Count);
        for (int j = 0; j < e.Length; j++)
        {
            string name = mlr.Estimates[j].Term;
            ReferenceFixture.Close(e[j], mlr.Estimates[j].Estimate, f.Tolerance(tolEstimates), name);
            ReferenceFixture.Close(s[j], ml.Estimates[j].StdError!.Value, f.Tolerance(tolSe), name + " SE");
            ReferenceFixture.Close(r[j], mlr.Estimates[j].StdError!.Value, f.Tolerance(tolSe), name + " robust SE");
        }
    }

    [Fact]
    public void SandwichMatchesTheAnalyticScoreTranscription() =>
        Compare(MixtureFixtures.Fixture("vlmr"), "estimates2", "standardErrors2", "robustStandardErrors2", "estimates", "standardErrors");

    [Fact]
    public void SandwichMatchesOpenMx()
    {
        var f = MixtureFixtures.Fixture("robust_se");
        ReferenceFixture.Close(f.Expected.GetProperty("logLik").GetDouble(), Fits.Value.Mlr.LogLikelihood, f.Tolerance("logLik"), "logLik");
        Compare(f, "estimates", "standardErrors", "robustStandardErrors", "estimates", "robustStandardErrors");
    }

    [Fact]
    public void RobustFitSaysSoAndKeepsTheEstimates()
    {
        var (ml, mlr) = Fits.Value;
        Assert.False(ml.RobustStandardErrors);
        Assert.True(mlr.RobustStandardErrors);
        Assert.Equal(ml.LogLikelihood, mlr.LogLikelihood);
        Assert.Contains("robust (Huber-White sandwich, MLR)", mlr.ToString());
        Assert.Contains("\"robustStandardErrors\": true", mlr.ToJson());
        Assert.NotEqual(ml.Estimates[0].StdError, mlr.Estimates[0].StdError);
    }
}
