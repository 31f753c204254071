using Econometrics.Tests.Support;

namespace Econometrics.Tests.Inference;

[VerifiesFixtures("Inference/distributions")]
public class ReferenceDistributionTests
{
    private static ReferenceDistribution Make(System.Text.Json.JsonElement c) => c.GetProperty("dist").GetString() switch
    {
        "Normal" => ReferenceDistribution.Normal,
        "ChiSquared" => ReferenceDistribution.ChiSquared(c.GetProperty("df1").GetDouble()),
        "F" => ReferenceDistribution.F(c.GetProperty("df1").GetDouble(), c.GetProperty("df2").GetDouble()),
        "StudentT" => ReferenceDistribution.StudentT(c.GetProperty("df1").GetDouble()),
        var d => throw new InvalidOperationException(d),
    };

    [Fact]
    public void P_values_match_R_including_the_far_tail()
    {
        var f = ReferenceFixture.Load("Inference/distributions");
        double tol = f.Tolerance("pValue");
        foreach (var c in f.Expected.GetProperty("pValues").EnumerateArray())
        {
            var dist = Make(c);
            var tail = Enum.Parse<Tail>(c.GetProperty("tail").GetString()!);
            var p = dist.PValue(c.GetProperty("x").GetDouble(), tail);
            Assert.NotNull(p);
            Close.Relative(c.GetProperty("p").GetDouble(), p!.Value, tol, $"{dist} {tail}");
        }
    }

    [Fact]
    public void Quantiles_match_R()
    {
        var f = ReferenceFixture.Load("Inference/distributions");
        foreach (var c in f.Expected.GetProperty("quantiles").EnumerateArray())
            Close.Relative(c.GetProperty("q").GetDouble(), Make(c).Quantile(c.GetProperty("p").GetDouble()), f.Tolerance("quantile"), Make(c).ToString());
    }

    [Fact]
    public void Notation_and_invalid_degrees_of_freedom()
    {
        Assert.Equal("N(0,1)", ReferenceDistribution.Normal.ToString());
        Assert.Equal("chi2(3)", ReferenceDistribution.ChiSquared(3).ToString());
        Assert.Equal("F(3,996)", ReferenceDistribution.F(3, 996).ToString());
        Assert.Equal("t(2.5)", ReferenceDistribution.StudentT(2.5).ToString());
        Assert.Null(ReferenceDistribution.None.PValue(1.0, Tail.Upper));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceDistribution.ChiSquared(0));
        Assert.Equal("df", e.ParamName);
    }

    [Fact]
    public void Test_results_carry_p_values_and_refuse_non_finite_statistics()
    {
        var ok = TestResult.Create("Toy test", "Nothing", 1.96, ReferenceDistribution.Normal, Tail.TwoSided);
        Close.Relative(0.0499957902964409, ok.PValue!.Value, 1e-12);
        Assert.True(ok.RejectsAt(0.05));
        Assert.False(ok.RejectsAt(0.01));
        var bad = TestResult.Create("Toy test", "Nothing", double.NaN, ReferenceDistribution.Normal, Tail.TwoSided,
            [Diagnostic.Warning("A unit had zero variance.", "zero-variance")]);
        Assert.Equal(TestValidity.Invalid, bad.Validity);
        Assert.Null(bad.PValue);
        Assert.Contains("undefined", bad.Reason);
        var json = System.Text.Json.JsonDocument.Parse(bad.ToJson()).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("statistic").ValueKind);
        Assert.Equal("zero-variance", json.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Contains("Warning: A unit had zero variance.", bad.ToString());
    }

    // Far tails where the survival function underflows: chi2 with even df in closed form,
    // log Q(3, x) = -x + log(1 + x + x^2/2); the normal from scipy.stats.norm.logsf(40); t and F from their
    // leading tail terms, c nu^((nu+1)/2) t^-nu / nu and z^a / (a B(a, b)), exact to O(1/t^2) and O(z).
    [Theory]
    [InlineData("chi2", 2000.0, -986.875636623927)]
    [InlineData("normal", 40.0, -804.6084420137539)]
    [InlineData("t", 1e60, -688.5252716624003)]
    [InlineData("f", 1e120, -1375.1778426678286)]
    public void Log_survival_stays_finite_where_the_p_value_underflows(string kind, double x, double expected)
    {
        var d = kind switch
        {
            "chi2" => ReferenceDistribution.ChiSquared(6),
            "normal" => ReferenceDistribution.Normal,
            "t" => ReferenceDistribution.StudentT(5),
            _ => ReferenceDistribution.F(4, 10),
        };
        Close.Relative(expected, d.LogSurvival(x), 1e-10);
    }

    [Fact]
    public void Log_survival_agrees_with_the_survival_function_where_both_are_representable()
    {
        // moe screen's expert LR: 171.6 on 6 df; -log10 p = 33.69 (scipy.stats.chi2.logsf(171.6, 6) = -77.56580121864627).
        var chi = ReferenceDistribution.ChiSquared(6);
        Close.Relative(-77.56580121864627, chi.LogSurvival(171.6), 1e-12);
        Close.Relative(Math.Log(chi.Survival(171.6)), chi.LogPValue(171.6, Tail.Upper)!.Value, 1e-12);
        Assert.True(chi.Survival(171.6) > 0);
    }
}
