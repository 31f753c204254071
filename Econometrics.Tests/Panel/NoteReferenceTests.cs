using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>The research note's reference values (cd.md R1, R2, R6, R7), given there to 10 decimals.</summary>
public sealed class NoteReferenceTests
{
    private const double Tol = 1e-9;

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tol * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Toy_balanced_panel_R1()
    {
        var all = CdTests.CD | CdTests.LM | CdTests.ScaledLM | CdTests.BiasCorrectedScaledLM | CdTests.CDw | CdTests.CDwPlus;
        var w = SyntheticPanels.Alternating(3);
        var r = new CrossSectionalDependence { Tests = all, Weights = w }.Test(SyntheticPanels.Toy());
        Near(0.5677734753, r["CD"].Statistic, "CD");
        Near(3.8621621622, r["LM"].Statistic, "LM");
        Assert.Equal("chi2(3)", r["LM"].Result.Distribution.ToString());
        Near(0.3519762288, r["ScaledLM"].Statistic, "scaled LM");
        Near(-0.0230237712, r["BiasCorrectedScaledLM"].Statistic, "BFK");
        Near(-1.3355114987, r["CDw"].Statistic, "CD_W eq. 30");
        Near(-1.3355114987, r["CDwPlus"].Statistic, "CD_W+ (PE term 0)");
        var corr = new CrossSectionalDependence
        {
            Tests = CdTests.CDw, Weights = w,
            CdwNormalization = CdwNormalization.Correlation
        }.Test(SyntheticPanels.Toy());
        Near(-1.3423701446, corr["CDw"].Statistic, "CD_W correlation form");
        var rho = r.Rho();
        Near(0.8219949365, rho[0, 1], "rho12"); Near(-0.3, rho[0, 2], "rho13"); Near(-0.0821994937, rho[1, 2], "rho23");
    }

    [Fact]
    public void Toy_unbalanced_panel_R1_uses_pairwise_overlaps()
    {
        var r = new CrossSectionalDependence { Tests = CdTests.CD }.Test(SyntheticPanels.Toy(unbalanced: true));
        Near(-0.2830235812, r["CD"].Statistic, "CD");
        var rho = r.Rho(); var o = r.Overlap();
        Near(0.8682431421, rho[0, 1], "rho12"); Near(-0.5, rho[0, 2], "rho13"); Near(-0.6803360514, rho[1, 2], "rho23");
        Assert.Equal([4.0, 3.0, 4.0], new[] { o[0, 1], o[0, 2], o[1, 2] });
        Assert.False(r.IsBalanced);
    }

    [Fact]
    public void Park_Miller_panel_reproduces_bit_for_bit_R6()
    {
        var y = SyntheticPanels.ParkMiller();
        Near(-0.248597927939458, y[0, 0], "Y[1,1]");
        Near(-0.902374533744978, y[29, 11], "Y[30,12]");
        Near(58.005491728946, y.Enumerate().Sum(), "sum(Y)");
    }

    [Fact]
    public void Park_Miller_panel_statistics_R6()
    {
        var y = SyntheticPanels.ParkMiller();
        var w = SyntheticPanels.Alternating(12);
        var r = new CrossSectionalDependence { Tests = CdTests.All & ~CdTests.CDStar, Weights = w }.Test(y);
        Near(6.7678380948, r["CD"].Statistic, "CD");
        Near(112.7204994630, r["LM"].Statistic, "LM");
        Assert.Equal(66, r.Pairs);
        Near(4.0664975158, r["ScaledLM"].Statistic, "scaled LM");
        Near(3.8596009641, r["BiasCorrectedScaledLM"].Statistic, "BFK");
        Near(0.1520958504, r.MeanRho, "mean rho"); Near(0.1966477477, r.MeanAbsRho!.Value, "mean |rho|");
        Near(-1.7223361980, r["CDw"].Statistic, "CD_W eq. 30");
        Near(-1.7223361980, r["CDwPlus"].Statistic, "CD_W+ (PE term 0)");
        Assert.Equal(TestValidity.NotApplicable, r["LMAdj"].Result.Validity);
        var corr = new CrossSectionalDependence { Tests = CdTests.CDw, Weights = w, CdwNormalization = CdwNormalization.Correlation }.Test(y);
        Near(-2.5433004759, corr["CDw"].Statistic, "CD_W correlation form");
    }

    [Theory]
    [InlineData(false, 1, 2.1990033047, -1.6454591194, 0.6331473775)]
    [InlineData(false, 2, 1.5014918619, -2.4044510403, 0.7267580091)]
    [InlineData(false, 3, 1.3571146289, -2.8676627787, 0.8077816950)]
    [InlineData(true, 1, 2.1349947756, -3.2076845400, 0.8892641097)]
    [InlineData(true, 2, -3.3281284151, -3.8470201538, 0.9523484308)]
    [InlineData(true, 3, -0.7047072167, -3.5087963665, 0.8850520078)]
    public void Park_Miller_panel_cd_star_R6(bool standardize, int m, double cdStar, double cd, double theta)
    {
        var r = new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Fixed(m), Standardize = standardize }
            .Test(SyntheticPanels.ParkMiller());
        var s = r["CDStar"];
        Near(cdStar, s.Statistic, "CD*");
        Near(theta, s.Theta!.Value, "theta");
        Assert.Equal(m, s.Factors);
        Assert.Contains(s.Result.Diagnostics!, d => d.Code == "cdstar-theta" && d.Message.Contains(cd.ToString("G6",
            System.Globalization.CultureInfo.InvariantCulture)[..5]));
    }

    [Fact]
    public void Park_Miller_unbalanced_R6()
    {
        var r = new CrossSectionalDependence().Test(SyntheticPanels.ParkMiller(unbalanced: true));
        Near(6.6230206180, r["CD"].Statistic, "CD");
        Near(108.9706326835, r["LM"].Statistic, "LM");
        Near(3.7401135062, r["ScaledLM"].Statistic, "scaled LM");
        Near(3.5332169545, r["BiasCorrectedScaledLM"].Statistic, "BFK with max T_ij");
        Assert.Equal(TestValidity.NotApplicable, r["CDw"].Result.Validity);
        Assert.Equal(TestValidity.NotApplicable, r["CDStar"].Result.Validity);
        Assert.False(r.IsBalanced);
    }

    [Fact]
    public void Drop_incomplete_periods_gives_balanced_only_tests_the_complete_block()
    {
        var y = SyntheticPanels.ParkMiller(unbalanced: true);
        var options = new CrossSectionalDependence
        {
            Tests = CdTests.CD | CdTests.CDw | CdTests.CDStar, Factors = FactorCount.Fixed(1),
            Weights = SyntheticPanels.Alternating(12), DropIncompletePeriods = true
        };
        var r = options.Test(y);
        // Every period t with t mod 7 != 0 misses some unit i <= 6, so the complete periods are 7, 14, 21, 28.
        var block = Matrix<double>.Build.DenseOfRows(new[] { 6, 13, 20, 27 }.Select(s => y.Row(s)));
        var b = (options with { DropIncompletePeriods = false }).Test(block);
        Assert.Equal(b["CDStar"].Statistic, r["CDStar"].Statistic, 12);
        Assert.Equal(b["CDw"].Statistic, r["CDw"].Statistic, 12);
        Near(6.6230206180, r["CD"].Statistic, "CD still uses every overlap");
        Assert.Contains(r.Diagnostics, d => d.Code == "incomplete-periods-dropped" && d.Message.Contains("4 of 30"));
    }

    private static Matrix<double> GrunfeldWithinResiduals()
    {
        var panel = PanelData.Load(Path.Combine(AppContext.BaseDirectory, "data", "grunfeld.csv"), "firm", "year");
        return new PanelRegression("inv ~ value + capital", PanelModel.FixedEffects).Fit(panel).Residuals();
    }

    [Fact]
    public void Grunfeld_within_cd_w_R2()
    {
        var e = GrunfeldWithinResiduals();
        var w = SyntheticPanels.Alternating(10);
        var r = new CrossSectionalDependence { Tests = CdTests.CDw | CdTests.CDwPlus, Weights = w }.Test(e);
        Near(0.8238972082, r["CDw"].Statistic, "CD_W eq. 30");
        Near(10.7081398039, r["CDwPlus"].Statistic, "CD_W+ eq. 32");
        var corr = new CrossSectionalDependence { Tests = CdTests.CDw, Weights = w, CdwNormalization = CdwNormalization.Correlation }.Test(e);
        Near(0.7000815193, corr["CDw"].Statistic, "CD_W correlation form");
        // Four deterministic weight rows w_i = (-1)^floor((i-1)/2^(r-1)), combined as sum / sqrt(4).
        var rows = Matrix<double>.Build.Dense(10, 4, (i, g) => ((i >> g) & 1) == 0 ? 1 : -1);
        var four = new CrossSectionalDependence { Tests = CdTests.CDw, Weights = rows, CdwNormalization = CdwNormalization.Correlation }.Test(e);
        Near(1.4167287366, four["CDw"].Statistic, "CD_W over 4 draws");
    }

    [Theory]
    [InlineData(false, 1, 3.2072640226, -0.7624859439)]
    [InlineData(false, 2, 13.4437318195, -0.0240687377)]
    [InlineData(false, 4, -1.4956404396, 0.7415653382)]
    [InlineData(true, 1, 0.4939429337, -0.1754238755)]
    [InlineData(true, 2, 0.5645333419, 0.0358107008)]
    [InlineData(true, 4, 2.4857876820, 0.6254165226)]
    public void Grunfeld_within_residuals_cd_star_R7(bool standardize, int m, double cdStar, double theta)
    {
        var r = new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Fixed(m), Standardize = standardize }
            .Test(GrunfeldWithinResiduals());
        Near(cdStar, r["CDStar"].Statistic, "CD*");
        Near(theta, r["CDStar"].Theta!.Value, "theta");
    }
}
