using System.Text.Json;
using Econometrics.Cli;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary><c>econ cd</c> and <c>econ cd-mc</c> end to end: the JSON contract, plm parity through the CLI, shard and merge.</summary>
public sealed class CdCliTests
{
    private static readonly string Grunfeld = Path.Combine(AppContext.BaseDirectory, "data", "grunfeld.csv");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Regression_form_writes_the_contracted_json_with_plm_values()
    {
        var (code, json, err) = Run("cd", "--data", Grunfeld, "--entity", "firm", "--time", "year", "--formula", "inv ~ value + capital",
            "--model", "fe", "--tests", "cd,lm,sclm,bcsclm,cdstar", "--factors", "2", "--json", "-");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(10, root.GetProperty("n").GetInt32());
        Assert.Equal(20, root.GetProperty("t").GetInt32());
        Assert.Equal(45, root.GetProperty("pairs").GetInt32());
        Assert.True(root.GetProperty("balanced").GetBoolean());
        Assert.Equal(2, root.GetProperty("factors").GetInt32());
        var tests = root.GetProperty("tests").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["CD", "LM", "ScaledLM", "BiasCorrectedScaledLM", "CDStar"], tests.Keys.ToArray());
        Assert.Equal(4.66119248524197, tests["CD"].GetProperty("statistic").GetDouble(), 1e-9);
        Assert.Equal("chi2(45)", tests["LM"].GetProperty("distribution").GetString());
        Assert.Equal(13.4437318195, tests["CDStar"].GetProperty("statistic").GetDouble(), 1e-8);
        Assert.True(tests["CDStar"].TryGetProperty("theta", out _));
        Assert.Contains("capital", root.GetProperty("regression").ToString());
    }

    [Fact]
    public void Value_form_prints_a_summary_and_writes_outputs()
    {
        var dir = Directory.CreateTempSubdirectory("cd-cli-").FullName;
        var (code, text, err) = Run("cd", "--data", Grunfeld, "--entity", "firm", "--time", "year", "--value", "value",
            "--standardize", "--draws", "5", "--seed", "3", "--html", Path.Combine(dir, "cd.html"), "--plot", Path.Combine(dir, "rho.svg"));
        Assert.True(code == 0, err);
        Assert.Contains("Cross-sectional dependence tests", text);
        Assert.Contains("13.8430", text);
        Assert.True(File.Exists(Path.Combine(dir, "cd.html")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "rho.svg")));
    }

    [Fact]
    public void Monte_carlo_shards_merge_to_the_unsharded_counts()
    {
        var dir = Directory.CreateTempSubdirectory("cd-mc-").FullName;
        string[] design = ["cd-mc", "--n", "12", "--t", "15", "--reps", "10", "--draws", "3", "--seed", "9", "--threads", "2"];
        Assert.Equal(0, Run([.. design, "--json", Path.Combine(dir, "all.json")]).Code);
        Assert.Equal(0, Run([.. design, "--shard", "0/2", "--json", Path.Combine(dir, "a.json")]).Code);
        Assert.Equal(0, Run([.. design, "--shard", "1/2", "--json", Path.Combine(dir, "b.json")]).Code);
        var (code, _, err) = Run("cd-mc", "merge", Path.Combine(dir, "a.json"), Path.Combine(dir, "b.json"), "--json", Path.Combine(dir, "merged.json"));
        Assert.True(code == 0, err);
        using var all = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "all.json")));
        using var merged = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "merged.json")));
        Assert.Equal(all.RootElement.GetProperty("cells")[0].GetProperty("rejections").ToString(),
            merged.RootElement.GetProperty("cells")[0].GetProperty("rejections").ToString());
        Assert.Equal(2, Run("cd-mc", "merge", Path.Combine(dir, "a.json"), Path.Combine(dir, "a.json")).Code);
    }
}
