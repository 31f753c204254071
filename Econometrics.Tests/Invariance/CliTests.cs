using System.Text.Json;
using Econometrics.Cli;

namespace Econometrics.Tests.Invariance;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    private static readonly string Data = Fixtures.DataFile("invariance_sim.csv");

    [Fact]
    public void JsonHasTheIssuesFieldNames()
    {
        var (code, stdout, err) = Run("invariance", "--data", Data, "--target", "Y", "--env", "env", "--predictors", "X1,X2,X3,X4",
            "--subset", "X1,X2", "--icp", "--alpha", "0.05", "--bootstrap", "50", "--json", "-");
        Assert.True(code == 0, err);
        var j = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(5, j.GetProperty("environments").GetArrayLength());
        var gaps = j.GetProperty("gaps");
        foreach (var g in new[] { "slopeGap", "interceptGap", "varianceRatio", "irmPenalty", "maxExcessRisk" }) Assert.True(gaps.GetProperty(g).GetDouble() >= 0);
        var chow = j.GetProperty("tests").EnumerateArray().First();
        Assert.StartsWith("Chow", chow.GetProperty("name").GetString());
        Assert.Equal(1.00387371474552, chow.GetProperty("statistic").GetDouble(), 1e-8);
        Assert.Equal(0.442614713049651, chow.GetProperty("pValue").GetDouble(), 1e-8);
        var icp = j.GetProperty("icp");
        Assert.Equal(2, icp.GetProperty("acceptedSets").GetArrayLength());
        Assert.Equal(["X1", "X2"], icp.GetProperty("causalPredictors").EnumerateArray().Select(v => v.GetString()!).ToArray());
        Assert.Equal(2.58768104098345e-06, icp.GetProperty("pValues").GetProperty("X2").GetDouble(), 1e-12);
        var ci = icp.GetProperty("confidenceIntervals").GetProperty("X1").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(0.959954542, ci[0], 1e-6);
        Assert.Equal(1.063134052, ci[1], 1e-6);
    }

    [Fact]
    public void RepresentationFileAndPlotAreAccepted()
    {
        var dir = Directory.CreateTempSubdirectory("inv-cli").FullName;
        var phi = Path.Combine(dir, "phi.csv");
        File.WriteAllText(phi, "feature,X1,X2\nsum,1,1\ndiff,1,-1\n");
        var plot = Path.Combine(dir, "coef.svg");
        var (code, stdout, err) = Run("invariance", "--data", Data, "--target", "Y", "--env", "env", "--predictors", "X1,X2,X3,X4",
            "--representation", phi, "--bootstrap", "0", "--plot", plot);
        Assert.True(code == 0, err);
        Assert.Contains("sum", stdout);
        Assert.True(File.Exists(plot));
    }

    [Theory]
    [InlineData("--target", "Y", "--env", "env", "--predictors", "X1,X9", "column 'X9'")]
    [InlineData("--target", "Y", "--env", "nope", "--predictors", "X1", "column 'nope'")]
    [InlineData("--target", "Y", "--env", "env", "--predictors", "X1", "--alpha")]
    public void BadInputExitsWithTwo(string a, string b, string c, string d, string e, string f, string expected)
    {
        var args = new List<string> { "invariance", "--data", Data, a, b, c, d, e, f };
        if (expected == "--alpha") args.AddRange(["--alpha", "2"]);
        var (code, _, err) = Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.StartsWith("error:", err);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void BothRepresentationAndSubsetIsAUsageError()
    {
        var (code, _, err) = Run("invariance", "--data", Data, "--target", "Y", "--env", "env", "--predictors", "X1,X2", "--subset", "X1", "--representation", Data);
        Assert.Equal(2, code);
        Assert.Contains("either --representation or --subset", err);
    }
}
