using Econometrics.Tests.Support;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Factors;
using Econometrics.Panel.Simulation;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>Bai-Ng and Ahn-Horenstein criteria against the R transcription in Reference/Panel/factor_number.</summary>
[VerifiesFixtures("Panel/factor_number")]
public sealed class FactorNumberTests
{
    private static readonly ReferenceFixture F = ReferenceFixture.Load("Panel/factor_number");

    [Fact]
    public void Criteria_eigenvalues_and_choices_match_the_R_transcription()
    {
        var panel = PanelData.Load(F.File("input.csv"), "unit", "time");
        var r = new FactorNumber { MaxFactors = 8 }.Estimate(panel.Matrix("x"));
        double tol = F.Tolerance("statistic");
        var eig = F.Expected.GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int k = 0; k < eig.Length; k++) ReferenceFixture.Close(eig[k], r.Eigenvalues[k], tol, $"eigenvalue {k + 1}");
        var rows = F.Expected.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(rows.Length, r.Rows.Count);
        foreach (var row in rows)
        {
            var mine = r.Rows[row.GetProperty("k").GetInt32()];
            foreach (var (name, value) in new (string, double)[] { ("V", mine.V), ("PC1", mine.PC1), ("PC2", mine.PC2), ("PC3", mine.PC3),
                ("IC1", mine.IC1), ("IC2", mine.IC2), ("IC3", mine.IC3), ("ER", mine.ER), ("GR", mine.GR) })
                ReferenceFixture.Close(row.GetProperty(name).GetDouble(), value, tol, $"{name}({mine.K})");
        }
        foreach (var sel in F.Expected.GetProperty("selected").EnumerateObject())
            Assert.Equal(sel.Value.GetInt32(), r.ByCriterion[Enum.Parse<FactorCriterion>(sel.Name)]);
        Assert.Equal(3, r.Selected);
    }

    [Fact]
    public void Cd_star_with_auto_factors_reports_the_choice_and_scree()
    {
        var panel = PanelData.Load(F.File("input.csv"), "unit", "time");
        var r = new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Auto(FactorCriterion.IC2) }.Test(panel, "x");
        Assert.Equal(3, r.Factors);
        Assert.NotNull(r.FactorSelection);
        Assert.Equal(FactorCriterion.IC2, r.FactorSelection!.Criterion);
        PlotAssert.RendersContent(r.PlotScree());
        Assert.Contains("Number of factors", r.FactorSelection.ToString());
    }

    [Fact]
    public void Kmax_is_capped_by_the_rank_with_a_diagnostic()
    {
        var x = new FactorPanelDgp { N = 6, T = 40 }.Simulate(1).Y;
        var r = new FactorNumber { MaxFactors = 8 }.Estimate(x);
        Assert.Equal(4, r.MaxFactors);
        Assert.Contains(r.Diagnostics, d => d.Code == "kmax-reduced");
    }
}
