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

    private static string[] Wide(params string[] rest) =>
        ["--data", MixtureFixtures.DataPath("moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y", "--t-prefix", "T", "--starts", "2", .. rest];

    /// <summary>BLRT shards written by <c>--shard i/n</c>, merged by <c>--merge</c>, give the one-process JSON.</summary>
    [Fact]
    public void EnumerateBlrtShardsMergeToTheOneProcessRun()
    {
        var dir = Directory.CreateTempSubdirectory("econ-blrt").FullName;
        try
        {
            string[] common = ["moe", "enumerate", .. Wide("--max-classes", "2", "--blrt", "3", "--seed", "5")];
            var one = Run([.. common, "--json", "-"]);
            Assert.Equal(0, one.Code);
            var files = new[] { 0, 1 }.Select(i => Path.Combine(dir, $"shard-{i}.json")).ToArray();
            for (int i = 0; i < 2; i++) Assert.Equal(0, Run([.. common, "--shard", $"{i}/2", "--json", files[i]]).Code);
            var merged = Run([.. common, "--merge", string.Join(",", files), "--json", "-"]);
            Assert.Equal(0, merged.Code);
            Assert.Equal(one.Out, merged.Out);
            var clash = Run([.. common, "--merge", files[0], "--shard", "0/2"]);
            Assert.Equal(2, clash.Code);
            Assert.Contains("--merge and --shard", clash.Err);
            var missing = Run([.. common, "--merge", files[0]]);
            Assert.Equal(2, missing.Code);
            Assert.Contains("missing", missing.Err);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>
    /// <c>econ moe simulate</c> in two shards taken from a Kubernetes Indexed Job's JOB_COMPLETION_INDEX, merged, equals
    /// the one-process study. (Only this test sets the variable; nothing else in the suite reads it.)
    /// </summary>
    [Fact]
    public void SimulateShardsFromJobCompletionIndexMergeToTheOneProcessRun()
    {
        var dir = Directory.CreateTempSubdirectory("econ-moe-sim").FullName;
        try
        {
            string[] common = ["moe", "simulate", .. Wide("--classes", "2", "--reps", "3", "--persons", "150", "--seed", "3")];
            var one = Run([.. common, "--json", "-"]);
            Assert.Equal(0, one.Code);
            var files = new[] { 0, 1 }.Select(i => Path.Combine(dir, $"shard-{i}.json")).ToArray();
            for (int i = 0; i < 2; i++)
            {
                Environment.SetEnvironmentVariable("JOB_COMPLETION_INDEX", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                try { Assert.Equal(0, Run([.. common, "--shard", "auto/2", "--json", files[i]]).Code); }
                finally { Environment.SetEnvironmentVariable("JOB_COMPLETION_INDEX", null); }
            }
            var merged = Run(["moe", "simulate", "merge", .. files, "--json", "-"]);
            Assert.Equal(0, merged.Code);
            Assert.Equal(one.Out, merged.Out);
            var partial = Run(["moe", "simulate", "merge", files[1], "--json", "-"]);
            Assert.Equal(0, partial.Code);
            Assert.Contains("1 of 3 replications merged", partial.Err);
        }
        finally { Directory.Delete(dir, true); }
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

    [Fact]
    public void FitWithProfileIntervalsWritesThemAndRefusesACurveWithoutOne()
    {
        var json = Path.Combine(Path.GetTempPath(), $"moe-{Guid.NewGuid():N}.json");
        try
        {
            var (code, stdout, _) = Run("moe", "fit", "--data", MixtureFixtures.DataPath("RMS_dat.csv"), "--id", "ID", "--y-prefix", "M",
                "--t-prefix", "T", "--rebaseline", "--curve", "exp", "--classes", "1", "--starts", "2", "--ci", "profile", "--estimator", "mlr",
                "--json", json);
            Assert.Equal(0, code);
            Assert.Contains("Profile-likelihood 95% intervals", stdout);
            Assert.Contains("robust (Huber-White sandwich, MLR)", stdout);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var p = doc.RootElement.GetProperty("profileIntervals")[0];
            Assert.Equal("class 1: rate", p.GetProperty("term").GetString());
            Assert.True(p.GetProperty("lower").GetDouble() < p.GetProperty("estimate").GetDouble());
            Assert.True(p.GetProperty("upper").GetDouble() > p.GetProperty("estimate").GetDouble());
        }
        finally { File.Delete(json); }
        var (bad, _, err) = Run("moe", "fit", "--data", MixtureFixtures.DataPath("RMS_dat.csv"), "--id", "ID", "--y-prefix", "M",
            "--t-prefix", "T", "--rebaseline", "--curve", "linear", "--classes", "1", "--starts", "2", "--ci", "profile", "--json", json);
        Assert.Equal(2, bad);
        Assert.StartsWith("error:", err.Split('\n').Last(l => l.Length > 0));
        Assert.Contains("Profile-likelihood intervals are for a curve with one free nonlinear parameter", err);
        Assert.False(File.Exists(json));
    }
}
