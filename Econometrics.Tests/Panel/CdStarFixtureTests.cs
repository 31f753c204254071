using Econometrics.Tests.Support;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Factors;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>CD* (both variants, m = 0..3) and CD_W against the independent R transcription in Reference/Panel/cdstar_factor_panel.</summary>
[VerifiesFixtures("Panel/cdstar_factor_panel")]
public sealed class CdStarFixtureTests
{
    private static readonly ReferenceFixture F = ReferenceFixture.Load("Panel/cdstar_factor_panel");
    private static readonly PanelData Panel = PanelData.Load(F.File("input.csv"), "unit", "time");

    [Theory]
    [InlineData("paper", 0)]
    [InlineData("paper", 1)]
    [InlineData("paper", 2)]
    [InlineData("paper", 3)]
    [InlineData("standardized", 0)]
    [InlineData("standardized", 1)]
    [InlineData("standardized", 2)]
    [InlineData("standardized", 3)]
    public void Cd_star_matches_the_R_transcription(string variant, int m)
    {
        var e = F.Expected.GetProperty($"{variant}_m{m}");
        var r = new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Fixed(m), Standardize = variant == "standardized" }
            .Test(Panel, "x");
        var s = r["CDStar"];
        double tol = F.Tolerance("statistic");
        ReferenceFixture.Close(e.GetProperty("cdstar").GetDouble(), s.Statistic, tol, "CD*");
        ReferenceFixture.Close(e.GetProperty("pValue").GetDouble(), s.PValue!.Value, tol, "CD* p-value");
        if (m > 0) ReferenceFixture.Close(e.GetProperty("theta").GetDouble(), s.Theta!.Value, tol, "theta");
        else Assert.Equal(0.0, s.Theta!.Value, 12);
        Assert.Equal(m, r.Factors);
    }

    [Fact]
    public void Cd_w_and_power_enhancement_match_the_R_transcription()
    {
        var w = SyntheticPanels.Alternating(40);
        double tol = F.Tolerance("statistic");
        var pooled = new CrossSectionalDependence { Tests = CdTests.CDw | CdTests.CDwPlus, Weights = w }.Test(Panel, "x");
        ReferenceFixture.Close(F.Expected.GetProperty("cdw_pooled").GetDouble(), pooled["CDw"].Statistic, tol, "CD_W eq. 30");
        ReferenceFixture.Close(F.Expected.GetProperty("cdw_pooled").GetDouble() + F.Expected.GetProperty("pe").GetDouble(), pooled["CDwPlus"].Statistic, tol, "CD_W+");
        var corr = new CrossSectionalDependence { Tests = CdTests.CDw, Weights = w, CdwNormalization = CdwNormalization.Correlation }.Test(Panel, "x");
        ReferenceFixture.Close(F.Expected.GetProperty("cdw_correlation").GetDouble(), corr["CDw"].Statistic, tol, "CD_W correlation form");
    }
}
