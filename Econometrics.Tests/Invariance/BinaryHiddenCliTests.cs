using System.Text.Json;
using Econometrics.Cli;

namespace Econometrics.Tests.Invariance;

/// <summary><c>econ invariance --icp</c> on a 0/1 target, <c>--family</c>, and <c>--icp --hidden</c>.</summary>
public sealed class BinaryHiddenCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("icp-cli-");

    public void Dispose() => _dir.Delete(true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    private static string Input(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "Invariance", "icp_binary_hidden_sim", file);

    [Fact]
    public void A_binary_target_uses_logistic_ICP_and_says_so()
    {
        var (code, stdout, err) = Run("invariance", "--data", Input("binary.csv"), "--target", "Y", "--env", "env", "--predictors", "X1,X2,X3,X4",
            "--icp", "--bootstrap", "0", "--json", "-");
        Assert.True(code == 0, err);
        var icp = JsonDocument.Parse(stdout).RootElement.GetProperty("icp");
        Assert.Equal("binomial", icp.GetProperty("family").GetString());
        var expected = new Econometrics.Causal.Invariance.InvariantCausalPrediction { Alpha = 0.05 }.Fit(BinaryIcpTests.Binary());
        Assert.Contains(icp.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("logistic-regression ICP"));
        (code, stdout, _) = Run("invariance", "--data", Input("binary.csv"), "--target", "Y", "--env", "env", "--predictors", "X1,X2,X3,X4",
            "--icp", "--bootstrap", "0");
        Assert.Contains("binary target: logistic regression", stdout);
        Assert.Contains("{" + string.Join(",", expected.CausalPredictors) + "}", stdout);

        (code, stdout, err) = Run("invariance", "--data", Input("binary.csv"), "--target", "Y", "--env", "env", "--predictors", "X1,X2,X3,X4",
            "--icp", "--family", "gaussian", "--bootstrap", "0", "--json", "-");
        Assert.True(code == 0, err);
        Assert.Equal("gaussian", JsonDocument.Parse(stdout).RootElement.GetProperty("icp").GetProperty("family").GetString());
    }

    [Fact]
    public void Hidden_ICP_writes_effects_and_names_X1()
    {
        var (code, stdout, err) = Run("invariance", "--data", Input("hidden.csv"), "--target", "Y", "--env", "env", "--predictors", "X1,X2,X3",
            "--icp", "--hidden", "--bootstrap", "0", "--json", "-");
        Assert.True(code == 0, err);
        var icp = JsonDocument.Parse(stdout).RootElement.GetProperty("icp");
        Assert.Equal("hiddenICP", icp.GetProperty("method").GetString());
        Assert.Equal(["X1"], icp.GetProperty("causalPredictors").EnumerateArray().Select(v => v.GetString()!).ToArray());
        Assert.Equal(3, icp.GetProperty("effects").GetArrayLength());
    }

    [Theory]
    [InlineData("--family", "poisson", "--family must be one of gaussian, binomial")]
    [InlineData("--hidden", null, "--hidden runs hiddenICP, which has no --family")]
    public void Bad_icp_options_exit_2(string option, string? value, string message)
    {
        var args = new List<string> { "invariance", "--data", Input("binary.csv"), "--target", "Y", "--env", "env", "--predictors", "X1,X2", "--icp", "--family", "binomial" };
        if (option == "--family") args.RemoveRange(args.Count - 2, 2);
        args.Add(option);
        if (value is not null) args.Add(value);
        var (code, _, err) = Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains(message, err);
    }

    [Fact]
    public void A_binary_target_with_one_class_is_an_error_naming_icp_and_writes_nothing()
    {
        var lines = File.ReadAllLines(Input("binary.csv"));
        var header = lines[0].Split(',');
        int y = Array.IndexOf(header, "\"Y\"") is var k and >= 0 ? k : Array.IndexOf(header, "Y");
        var path = Path.Combine(_dir.FullName, "one.csv");
        File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1).Select(l => { var c = l.Split(','); c[y] = "1"; return string.Join(",", c); })));
        var json = Path.Combine(_dir.FullName, "never.json");
        var (code, _, err) = Run("invariance", "--data", path, "--target", "Y", "--env", "env", "--predictors", "X1,X2",
            "--icp", "--family", "binomial", "--bootstrap", "0", "--json", json);
        Assert.Equal(2, code);
        Assert.StartsWith("error: one.csv, column 'Y': The target 'Y' is constant (1)", err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(File.Exists(json));
    }
}

/// <summary>The report's invariance section shows the binary and hidden-variable ICP on the shipped simulations.</summary>
public sealed class BinaryHiddenReportTests
{
    [Fact]
    public void Invariance_section_has_logistic_and_hidden_ICP()
    {
        var report = new Econometrics.Reporting.Report("test");
        var context = new Econometrics.Cli.ReportContext(Path.Combine(AppContext.BaseDirectory, "data"), 1, TextWriter.Null, default);
        new Econometrics.Cli.ReportSections.InvarianceSection().Write(report.AddSection("Invariance"), context);
        var dir = Directory.CreateTempSubdirectory("icp-report-");
        try
        {
            report.WriteTo(dir.FullName);
            var md = File.ReadAllText(Path.Combine(dir.FullName, "report.md"));
            Assert.Contains("binary target: logistic regression", md);
            Assert.Contains("accepted sets intersect in {X1, X2}", md);
            Assert.Contains("with hidden variables (shift interventions)", md);
            Assert.Contains("here it finds {X1}", md);
            Assert.Contains(context.DataFiles, f => f.Key == "invariance/icp_hidden_sim.csv");
        }
        finally { dir.Delete(true); }
    }
}
