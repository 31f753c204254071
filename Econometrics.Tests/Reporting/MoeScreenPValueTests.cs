using System.Text.Json;
using Econometrics.Tests.Cli;

namespace Econometrics.Tests.Reporting;

/// <summary>
/// A p-value far below double-precision 1 - CDF (LR = 171.6 on 6 df) keeps its value end to end: exact and positive in
/// JSON, stated on the plot, and floored only in the printed table.
/// </summary>
public class MoeScreenPValueTests
{
    [Fact]
    public void Expert_p_value_of_ex_is_2e_34_in_json_and_plot_and_floored_in_text()
    {
        var dir = Directory.CreateTempSubdirectory("econ-screen").FullName;
        string json = Path.Combine(dir, "screen.json"), svg = Path.Combine(dir, "screen.svg");
        var r = CliRunner.Run("moe", "screen", "--data", Path.Combine(CliRunner.DataDir, "moe", "moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y",
            "--t-prefix", "T", "--classes", "2", "--candidates", "gx,ex", "--starts", "8", "--json", json, "--plot", svg);
        Assert.True(r.ExitCode == 0, r.Error);

        var ex = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("rows").EnumerateArray()
            .Single(row => row.GetProperty("covariate").GetString() == "ex");
        Assert.Equal(JsonValueKind.Number, ex.GetProperty("expertPValue").ValueKind);
        double p = ex.GetProperty("expertPValue").GetDouble(), lr = ex.GetProperty("expertStatistic").GetDouble();
        // scipy.stats.chi2.sf(171.61616475721712, 6) = 2.042543328689397e-34 (the statistic of this fit).
        Assert.InRange(lr, 171.6, 171.65);
        Assert.InRange(p, 1.9e-34, 2.2e-34);
        Assert.Equal(2.042543328689397e-34, ReferenceDistribution.ChiSquared(6).Survival(171.61616475721712), 2.042543328689397e-34 * 1e-10);

        Assert.Matches(@">\s*p = 2.0e-34\s*<", File.ReadAllText(svg));
        var exLine = r.Out.Split('\n').Single(l => l.StartsWith("ex ", StringComparison.Ordinal));
        Assert.Contains("< 2.2e-16", exLine);
    }
}
