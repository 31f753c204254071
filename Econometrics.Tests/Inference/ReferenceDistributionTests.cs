using Econometrics.Tests.Support;

namespace Econometrics.Tests.Inference;

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
        Assert.Contains("not finite", bad.Reason);
        var json = System.Text.Json.JsonDocument.Parse(bad.ToJson()).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("statistic").ValueKind);
        Assert.Equal("zero-variance", json.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Contains("Warning: A unit had zero variance.", bad.ToString());
    }
}
