using Econometrics.Tests.Support;
using Econometrics.LinearAlgebra;
using Econometrics.Panel.Dependence;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>The exponent of cross-sectional dependence against an independent numpy transcription of BKP (2016, 2019).</summary>
[VerifiesFixtures("Panel/bkp_exponent")]
public sealed class ExponentTests
{
    private static double[] Matrix(PanelData p, string v) => (double[])p.Values(v).Clone();

    [Fact]
    public void Variable_version_matches_the_transcription()
    {
        var f = ReferenceFixture.Load("Panel/" + "bkp_exponent");
        var panel = PanelData.Load(f.File("input.csv"), "unit", "time");
        var grunfeld = PanelData.Load(Path.Combine(f.Directory, "..", "plm_estimators_grunfeld", "input.csv"), "firm", "year");
        foreach (var (key, r) in new[]
        {
            ("factor", new CrossSectionalExponent().Estimate(panel, "x")),
            ("grunfeldValue", new CrossSectionalExponent().Estimate(grunfeld, "value")),
            ("grunfeldValueStandardized", new CrossSectionalExponent { Standardize = true }.Estimate(grunfeld, "value")),
        })
        {
            var e = f.Expected.GetProperty(key);
            ReferenceFixture.Close(e.GetProperty("alpha").GetDouble(), r.Alpha, f.Tolerance("alpha"), $"{key} alpha");
            ReferenceFixture.Close(e.GetProperty("alphaHat").GetDouble(), r.AlphaHat!.Value, f.Tolerance("alpha"), $"{key} alpha-hat");
            ReferenceFixture.Close(e.GetProperty("alphaTilde").GetDouble(), r.AlphaTilde!.Value, f.Tolerance("alpha"), $"{key} alpha-tilde");
            ReferenceFixture.Close(e.GetProperty("stdError").GetDouble(), r.StdError, f.Tolerance("stdError"), $"{key} SE");
            Assert.Equal(r.Alpha - 1.959963984540054 * r.StdError, r.CiLower, 12);
        }
    }

    [Fact]
    public void Residual_version_matches_the_transcription()
    {
        var f = ReferenceFixture.Load("Panel/" + "bkp_exponent");
        var panel = PanelData.Load(f.File("input.csv"), "unit", "time");
        var options = new CrossSectionalExponent { Replications = 0 };
        var r = options.EstimateResiduals(Matrix(panel, "x"), panel.T, panel.N, "x");
        ReferenceFixture.Close(f.Expected.GetProperty("factorResidual").GetProperty("alpha").GetDouble(), r.Alpha, f.Tolerance("alpha"), "factor residual alpha");
        Assert.True(double.IsNaN(r.StdError));
        var grunfeld = PanelData.Load(Path.Combine(f.Directory, "..", "plm_estimators_grunfeld", "input.csv"), "firm", "year");
        var g = options.EstimateResiduals(Matrix(grunfeld, "value"), grunfeld.T, grunfeld.N, "value");
        ReferenceFixture.Close(f.Expected.GetProperty("grunfeldResidual").GetProperty("alpha").GetDouble(), g.Alpha, f.Tolerance("alpha"), "grunfeld residual alpha");
        // The bootstrap is seeded: the same seed gives the same interval.
        var b1 = new CrossSectionalExponent { Replications = 50, Seed = 7 }.EstimateResiduals(Matrix(panel, "x"), panel.T, panel.N, "x");
        var b2 = new CrossSectionalExponent { Replications = 50, Seed = 7 }.EstimateResiduals(Matrix(panel, "x"), panel.T, panel.N, "x");
        Assert.Equal(b1.StdError, b2.StdError);
        Assert.True(b1.CiLower <= b1.Alpha && b1.Alpha <= b1.CiUpper + 0.05);
    }

    [Fact]
    public void Bad_input_is_a_clear_error()
    {
        var f = ReferenceFixture.Load("Panel/" + "bkp_exponent");
        var panel = PanelData.Load(f.File("input.csv"), "unit", "time");
        Assert.Throws<ArgumentException>(() => new CrossSectionalExponent { Size = 0 }.Estimate(panel, "x"));
        var x = new double[3 * 10];
        for (int k = 0; k < x.Length; k++) x[k] = k % 3;
        var ex = Assert.Throws<ArgumentException>(() => new CrossSectionalExponent().EstimateVariable(x, 3, 10, "x", LinearAlgebraBackends.Managed));
        Assert.Contains("4 periods", ex.Message, StringComparison.Ordinal);
    }
}
