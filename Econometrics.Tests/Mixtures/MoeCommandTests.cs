using System.Text.Json;
using Econometrics.Cli;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>The <c>econ moe</c> command: JSON contract, exit codes, no output on failure.</summary>
public sealed class MoeCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = global::Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void FitWritesTheIssueJson()
    {
        var json = Path.Combine(Path.GetTempPath(), $"moe-{Guid.NewGuid():N}.json");
        try
        {
            var (code, stdout, _) = Run("moe", "fit", "--data", MixtureFixtures.DataPath("moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y",
                "--t-prefix", "T", "--classes", "2", "--gating", "gx", "--experts", "ex", "--starts", "3", "--json", json);
            Assert.Equal(0, code);
            Assert.Contains("Growth mixture of experts", stdout);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var r = doc.RootElement;
            foreach (var key in new[] { "logLik", "aic", "bic", "entropy", "nParameters", "converged", "classes", "gating", "assignments" })
                Assert.True(r.TryGetProperty(key, out _), key);
            Assert.True(r.GetProperty("logLik").GetDouble() >= -7062.8060);
            foreach (var key in new[] { "proportion", "knot", "growthFactorMeans", "expertCoefficients", "psi", "residualVariance" })
                Assert.True(r.GetProperty("classes")[0].TryGetProperty(key, out _), key);
            var g = r.GetProperty("gating")[0];
            Assert.Equal(2, g.GetProperty("class").GetInt32());
            Assert.True(g.TryGetProperty("intercept", out _));
            Assert.Equal(1, g.GetProperty("coefficients").GetArrayLength());
            Assert.Equal(400, r.GetProperty("assignments").GetArrayLength());
        }
        finally { File.Delete(json); }
    }

    [Fact]
    public void BadInputExitsTwoAndWritesNothing()
    {
        var json = Path.Combine(Path.GetTempPath(), $"moe-{Guid.NewGuid():N}.json");
        var (code, _, err) = Run("moe", "fit", "--data", MixtureFixtures.DataPath("moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y",
            "--t-prefix", "T", "--classes", "40", "--json", json);
        Assert.Equal(2, code);
        Assert.StartsWith("error:", err.Split('\n').Last(l => l.Length > 0));
        Assert.Contains("classes", err);
        Assert.False(File.Exists(json));
        Assert.Equal(2, Run("moe", "fit", "--data", MixtureFixtures.DataPath("moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y", "--t-prefix", "T",
            "--covariates", "both").Code);
        Assert.Equal(2, Run("moe", "--data", MixtureFixtures.DataPath("moe_ref_sim.csv")).Code);
        var missing = Run("moe", "fit", "--data", MixtureFixtures.DataPath("moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y", "--t-prefix", "T", "--gating",
            "income");
        Assert.Equal(2, missing.Code);
        Assert.Contains("income", missing.Err);
    }

    [Fact]
    public void EnumerateWritesOneRowPerK()
    {
        var (code, stdout, _) = Run("moe", "enumerate", "--data", MixtureFixtures.DataPath("moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y",
            "--t-prefix", "T", "--max-classes", "2", "--starts", "2", "--json", "-");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("enumeration").GetArrayLength());
        Assert.Equal(2, doc.RootElement.GetProperty("bestByBic").GetInt32());
    }

    [Fact]
    public void ScreenNeedsCandidates()
    {
        var r = Run("moe", "screen", "--data", MixtureFixtures.DataPath("moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y", "--t-prefix", "T");
        Assert.Equal(2, r.Code);
        Assert.Contains("--candidates", r.Err);
    }

    /// <summary><c>--curve exp|jb|nonparametric</c> fit the nonlinear curves and report their parameters.</summary>
    [Theory]
    [InlineData("exp", "rate")]
    [InlineData("jb", "acceleration")]
    [InlineData("nonparametric", "relrate2")]
    public void CurveOptionFitsTheNonlinearCurves(string curve, string parameter)
    {
        var json = Path.Combine(Path.GetTempPath(), $"moe-{Guid.NewGuid():N}.json");
        try
        {
            string data = curve == "nonparametric" ? "nonp" : curve;
            var (code, stdout, err) = Run("moe", "fit", "--data", MixtureFixtures.ReferencePath("nonlinear_curves", $"sim_{data}.csv"), "--id", "id",
                "--y-prefix", "Y", "--t-prefix", "T", "--classes", "2", "--gating", "gx", "--experts", "ex", "--starts", "2", "--curve", curve, "--json", json);
            Assert.True(code == 0, err);
            Assert.Contains(parameter, stdout);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var r = doc.RootElement;
            Assert.Equal(curve == "exp" ? 1 : curve == "jb" ? 1 : 5, r.GetProperty("classes")[0].GetProperty("curveParameters").GetArrayLength());
            Assert.Contains(r.GetProperty("estimates").EnumerateArray(), x => x.GetProperty("term").GetString() == $"class 1: {parameter}");
        }
        finally { File.Delete(json); }
    }
}
