using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Cli;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary><c>econ panel fit | hausman | exponent</c> and <c>econ cd --vcov</c>: the JSON contract with plm values, and bad input.</summary>
public sealed class PanelCliTests
{
    private static readonly string Grunfeld = Path.Combine(AppContext.BaseDirectory, "data", "grunfeld.csv");
    private static readonly string[] Data = ["--data", Grunfeld, "--entity", "firm", "--time", "year"];

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Fit_writes_the_contracted_json_with_plm_values()
    {
        var (code, json, err) = Run(["panel", "fit", .. Data, "--formula", "inv ~ value + capital", "--model", "fe", "--vcov", "cluster", "--json", "-"]);
        Assert.True(code == 0, err);
        var f = ReferenceFixture.Load("Panel/" + "plm_estimators_grunfeld").Expected.GetProperty("fe");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var value = root.GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("term").GetString() == "value");
        ReferenceFixture.Close(f.GetProperty("coefficients").GetProperty("value").GetDouble(), value.GetProperty("estimate").GetDouble(), 1e-8, "estimate");
        ReferenceFixture.Close(f.GetProperty("stdError").GetProperty("cluster").GetProperty("value").GetDouble(), value.GetProperty("stdError").GetDouble(), 1e-6, "SE");
        foreach (var field in new[] { "statistic", "pValue", "ciLower", "ciUpper" }) Assert.True(value.TryGetProperty(field, out _), field);
        ReferenceFixture.Close(f.GetProperty("rSquared").GetDouble(), root.GetProperty("rSquared").GetDouble(), 1e-8, "R2");
        ReferenceFixture.Close(f.GetProperty("rSquared").GetDouble(), root.GetProperty("rSquaredWithin").GetDouble(), 1e-8, "within R2");
        ReferenceFixture.Close(f.GetProperty("robustWald").GetProperty("statistic").GetDouble(), root.GetProperty("fStatistic").GetDouble(), 1e-6, "F");
        Assert.Equal(200, root.GetProperty("nObs").GetInt32());
        Assert.Equal(10, root.GetProperty("nUnits").GetInt32());
        Assert.Equal(20, root.GetProperty("nPeriods").GetInt32());
    }

    [Fact]
    public void Hausman_and_exponent_write_their_contracted_json()
    {
        var (code, json, err) = Run(["panel", "hausman", .. Data, "--formula", "inv ~ value + capital", "--json", "-"]);
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(json))
        {
            ReferenceFixture.Close(2.33036689367544, doc.RootElement.GetProperty("statistic").GetDouble(), 1e-6, "Hausman");
            Assert.Equal(2, doc.RootElement.GetProperty("df").GetInt32());
            Assert.True(doc.RootElement.TryGetProperty("pValue", out _));
        }
        (code, json, err) = Run(["panel", "exponent", .. Data, "--value", "value", "--standardize", "--json", "-"]);
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(json))
        {
            var e = ReferenceFixture.Load("Panel/" + "bkp_exponent").Expected.GetProperty("grunfeldValueStandardized");
            ReferenceFixture.Close(e.GetProperty("alpha").GetDouble(), doc.RootElement.GetProperty("alpha").GetDouble(), 1e-8, "alpha");
            ReferenceFixture.Close(e.GetProperty("stdError").GetDouble(), doc.RootElement.GetProperty("stdError").GetDouble(), 1e-8, "SE");
            Assert.True(doc.RootElement.GetProperty("ciLower").GetDouble() < doc.RootElement.GetProperty("ciUpper").GetDouble());
        }
    }

    [Fact]
    public void Cd_regression_takes_vcov_and_states_the_exponent()
    {
        var (code, text, err) = Run(["cd", .. Data, "--formula", "inv ~ value + capital", "--vcov", "driscoll-kraay", "--tests", "cd,cdstar", "--exponent-reps", "20"]);
        Assert.True(code == 0, err);
        Assert.Contains("Driscoll-Kraay", text, StringComparison.Ordinal);
        Assert.Contains("the data call for", text, StringComparison.Ordinal);
        Assert.Contains("alpha = ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("panel", "fit", "--formula", "inv ~ value", "--vcov", "robust")]
    [InlineData("panel", "fit", "--formula", "inv ~ value", "--vcov", "cluster", "--lags", "2")]
    [InlineData("panel", "fit", "--formula", "inv ~ value", "--vcov", "driscoll-kraay", "--lags", "25")]
    [InlineData("panel", "fit", "--formula", "inv ~ value", "--model", "gmm")]
    [InlineData("panel", "hausman")]
    [InlineData("panel", "exponent", "--value", "value", "--formula", "inv ~ value")]
    [InlineData("panel", "frobnicate")]
    [InlineData("cd", "--value", "value", "--vcov", "cluster")]
    public void Bad_input_exits_2_with_one_error_line_and_writes_nothing(params string[] args)
    {
        var json = Path.Combine(Path.GetTempPath(), $"panel-cli-{Guid.NewGuid():N}.json");
        string[] full = [.. args.Take(args[0] == "panel" && args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? 2 : 1), .. Data,
            .. args.Skip(args[0] == "panel" && args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? 2 : 1), "--json", json];
        var (code, _, err) = Run(full);
        Assert.Equal(2, code);
        Assert.StartsWith("error:", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void Panel_alone_still_describes()
    {
        var (code, text, err) = Run(["panel", .. Data]);
        Assert.True(code == 0, err);
        Assert.Contains("Entities (N): 10", text, StringComparison.Ordinal);
    }
}
