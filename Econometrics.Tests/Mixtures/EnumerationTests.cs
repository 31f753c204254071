using Econometrics.Tests.Support;
using Econometrics.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>Class enumeration on nlpsem's ECLS-K demo data (research note §5 C: −2LL targets for 1, 2, 3 classes).</summary>
[VerifiesFixtures("Mixtures/rms_enumeration")]
public sealed class EnumerationTests(ITestOutputHelper output)
{
    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarlo")]   // long-running reference check (about a minute); CI runs it in the separate step
    public void EnumerationReachesNlpsemFitsOnEclsK()
    {
        var data = GrowthData.Load(MixtureFixtures.DataPath("RMS_dat.csv"), "ID", "M", "T").FromFirstOccasion();
        var result = new ClassEnumeration { MaxClasses = 3, Model = new GrowthMixture { Starts = 8, StandardErrors = false } }.Fit(data);
        output.WriteLine(result.ToString());
        var f = MixtureFixtures.Fixture("rms_enumeration");
        var e = f.Expected;
        double slack = f.Tolerance("minus2LogLikSlack");
        var m2ll = e.GetProperty("minus2LogLik").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var k = e.GetProperty("nParameters").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        Assert.Equal(3, result.Fits.Count);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(k[j], result.Fits[j].NParameters);
            Assert.True(-2 * result.Fits[j].LogLikelihood <= m2ll[j] + slack, $"K = {j + 1}: -2LL {-2 * result.Fits[j].LogLikelihood} vs nlpsem {m2ll[j]}");
        }
        Assert.Null(result.Fits[0].Entropy);
        Assert.Equal(3, result.BestByBic);
        Assert.Contains("\"bestByBic\": 3", result.ToJson());
        Assert.Contains("<svg", result.PlotCriteria().GetSvgXml(400, 300));
    }

    [Fact]
    public void EnumerationTabulatesCriteriaAndPicksTwoClassesOnTheSyntheticSet()
    {
        var data = GrowthData.Load(MixtureFixtures.DataPath("moe_ref_sim.csv"), "id", "Y", "T");
        var result = new ClassEnumeration { MaxClasses = 2, Model = new GrowthMixture { Starts = 3, FinalStarts = 2, StandardErrors = false } }.Fit(data);
        output.WriteLine(result.ToString());
        Assert.Equal([1, 2], result.Fits.Select(f => f.K));
        Assert.Equal([11, 23], result.Fits.Select(f => f.NParameters));
        Assert.Equal(2, result.BestByBic);
        var f1 = result.Fits[0];
        Assert.Equal(-2 * f1.LogLikelihood + 11 * Math.Log(400), f1.Bic, 9);
        Assert.Equal(-2 * f1.LogLikelihood + 22, f1.Aic, 9);
        Assert.Equal(-2 * f1.LogLikelihood + 11 * Math.Log(402 / 24.0), f1.AdjustedBic, 9);
        Assert.True(result.Fits[1].LogLikelihood > f1.LogLikelihood);
        Assert.Contains("Best K by BIC", result.ToString());
    }

    [Fact]
    public void UnsupportedClassCountEndsTheEnumerationWithADiagnostic()
    {
        // 40 persons support one 11-parameter class (needs 12) and three (needs 36) but not four (needs 48).
        var full = GrowthData.Load(MixtureFixtures.DataPath("moe_ref_sim.csv"), "id", "Y", "T");
        int n = 40, p = full.P;
        var y = Enumerable.Range(0, n * p).Select(t => full.Outcome(t / p, t % p)).ToArray();
        var tt = Enumerable.Range(0, n * p).Select(t => full.Time(t / p, t % p)).ToArray();
        var small = GrowthData.FromArrays(full.Ids.Take(n).ToArray(), y, tt, p, [], [], [], []);
        var result = new ClassEnumeration { MaxClasses = 5, Model = new GrowthMixture { Starts = 2, FinalStarts = 1, StandardErrors = false, MaxIterations = 30 } }.Fit(small);
        Assert.True(result.Fits.Count < 5);
        Assert.Contains(result.Diagnostics, d => d.Code == "classes-unsupported");
    }
}
