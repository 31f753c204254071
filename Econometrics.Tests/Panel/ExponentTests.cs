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

    /// <summary>
    /// One draw each of a strong factor (every unit loads) and of no factor at N = T = 150: the first is identified and
    /// calls for CD*, the second is flagged (alpha &lt;= 1/2 not excluded; its point estimate lands slightly above 1/2)
    /// with weak-dependence advice calling for CD.
    /// </summary>
    [Fact]
    public void Alpha_at_most_one_half_is_flagged_as_outside_the_identified_range()
    {
        const int n = 150, t = 150;
        var rng = new Random(4);
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var f = Enumerable.Range(0, t).Select(_ => G()).ToArray();
        var strong = new double[t * n];
        var none = new double[t * n];
        for (int i = 0; i < n; i++)
        {
            double beta = 0.5 + rng.NextDouble();
            for (int s = 0; s < t; s++) { strong[s + i * t] = beta * f[s] + G(); none[s + i * t] = G(); }
        }
        var a = new CrossSectionalExponent().EstimateVariable(strong, t, n, "strong", LinearAlgebraBackends.Managed);
        Assert.True(a.Identified, $"alpha {a.Alpha}, CI lower {a.CiLower}");
        Assert.DoesNotContain(a.Diagnostics, d => d.Code == "alpha-not-identified");
        Assert.Equal("CD* (or CD_W)", a.CallsFor);
        var b = new CrossSectionalExponent().EstimateVariable(none, t, n, "none", LinearAlgebraBackends.Managed);
        Assert.False(b.Identified);
        Assert.True(b.Weak);
        Assert.Contains(b.Diagnostics, d => d.Code == "alpha-not-identified");
        Assert.Equal("CD", b.CallsFor);
        Assert.StartsWith("alpha <= 1/2 is not excluded", b.Advice, StringComparison.Ordinal);
        Assert.Equal(0.5 + 1 / (4 * Math.Log(n)), b.IdentifiedAbove, 12);
        var json = b.ToJson();
        Assert.Contains("\"identified\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"callsFor\": \"CD\"", json, StringComparison.Ordinal);
    }
}
