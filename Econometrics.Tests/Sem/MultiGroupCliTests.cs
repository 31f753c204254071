using System.Text.Json;
using Econometrics.Cli;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>`econ sem fit --group`: the JSON contract of multiple-group fits and the invariance sequence, and bad input.</summary>
public class MultiGroupCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    private static readonly string Dir = Path.Combine(ReferenceFixture.FixturesRoot, "Sem", "mg_hs_configural");
    private static string Model => Path.Combine(Dir, "model.lav");
    private static string Data => Path.Combine(Dir, "input.csv");

    // The fixture's data with its lines rewritten (header kept).
    private static string Edited(string name, Func<string[], IEnumerable<string>> edit)
    {
        var dir = Path.Combine(Path.GetTempPath(), "econ-sem-groups-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var lines = File.ReadAllLines(Data);
        var path = Path.Combine(dir, name);
        File.WriteAllLines(path, new[] { lines[0] }.Concat(edit(lines.Skip(1).ToArray())));
        return path;
    }

    private static void AssertBadInput((int Code, string Out, string Err) r, params string[] mentions)
    {
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Err}");
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        foreach (var m in mentions) Assert.Contains(m, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void GroupFit_JsonRowsCarryGroupAndLabel_AndGroupsCarryChiSquares()
    {
        var (code, json, err) = Run("sem", "fit", "--model", Model, "--data", Data, "--group", "school", "--group-equal", "loadings,intercepts",
            "--json", "-");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("estimates").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Contains(r.GetProperty("group").GetInt32(), new[] { 1, 2 }));
        Assert.Equal("Pasteur", rows.First(r => r.GetProperty("group").GetInt32() == 1).GetProperty("groupLabel").GetString());
        Assert.Equal("Grant-White", rows.First(r => r.GetProperty("group").GetInt32() == 2).GetProperty("groupLabel").GetString());
        var fit = doc.RootElement.GetProperty("fit");
        Assert.Equal(60, fit.GetProperty("df").GetInt32());
        var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(fit.GetProperty("chisq").GetDouble(), groups.Sum(g => g.GetProperty("chisq").GetDouble()), 9);
        // Equal loadings: the same estimate in both groups.
        double Loading(int g) => rows.Single(r => r.GetProperty("group").GetInt32() == g && r.GetProperty("lhs").GetString() == "visual"
            && r.GetProperty("rhs").GetString() == "x2" && r.GetProperty("op").GetString() == "=~").GetProperty("estimate").GetDouble();
        Assert.Equal(Loading(1), Loading(2));
    }

    [Fact]
    public void Invariance_JsonHasFourStepsWithDifferenceTests()
    {
        var (code, json, err) = Run("sem", "fit", "--model", Model, "--data", Data, "--group", "school", "--invariance", "--json", "-");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        var steps = doc.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(new[] { "configural", "metric", "scalar", "strict" }, steps.Select(s => s.GetProperty("model").GetString()));
        Assert.Equal(8.192, steps[1].GetProperty("chisqDiff").GetDouble(), 3);
        Assert.Equal(6, steps[1].GetProperty("dfDiff").GetInt32());
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("chisqDiff").ValueKind);
    }

    [Fact]
    public void UnknownGroupEqualLevel_IsExit2NamingTheValidOnes() =>
        AssertBadInput(Run("sem", "fit", "--model", Model, "--data", Data, "--group", "school", "--group-equal", "loadings,thresholdz"),
            "--group-equal", "thresholdz", "lv.covariances", "residual.covariances");

    [Fact]
    public void MissingGroupColumn_IsExit2NamingIt() =>
        AssertBadInput(Run("sem", "fit", "--model", Model, "--data", Data, "--group", "schol"), "'schol'", "--group");

    [Fact]
    public void GroupWithTooFewCases_IsExit2NamingTheGroup()
    {
        // Five rows of a third school: fewer cases than the 9 observed variables.
        var data = Edited("few.csv", rows => rows.Select((r, i) => i < 5 ? r.Replace("\"Pasteur\"", "\"Tiny\"") : r));
        AssertBadInput(Run("sem", "fit", "--model", Model, "--data", data, "--group", "school"), "group 1 [Tiny]", "5 complete rows");
    }

    [Fact]
    public void VariableMissingInEveryRowOfAGroup_IsExit2NamingColumnAndGroup()
    {
        // x3 (the fourth column) blank in every Grant-White row.
        var data = Edited("x3missing.csv", rows => rows.Select(r =>
        {
            if (!r.Contains("Grant-White", StringComparison.Ordinal)) return r;
            var cells = r.Split(',');
            cells[3] = "";
            return string.Join(',', cells);
        }));
        AssertBadInput(Run("sem", "fit", "--model", Model, "--data", data, "--group", "school"), "'x3'", "group 2 [Grant-White]");
    }

    [Fact]
    public void CWithTheWrongNumberOfEntries_IsExit2()
    {
        var model = Path.Combine(Path.GetTempPath(), $"econ-sem-groups-{Environment.ProcessId}-c3.lav");
        File.WriteAllText(model, "visual =~ x1 + c(a, b, c)*x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n");
        AssertBadInput(Run("sem", "fit", "--model", model, "--data", Data, "--group", "school"), "3 entries", "2 groups", "line 1");
    }

    [Fact]
    public void GroupPartialNamingNoParameter_IsExit2NamingTheOption()
    {
        AssertBadInput(Run("sem", "fit", "--model", Model, "--data", Data, "--group", "school", "--group-equal", "loadings",
            "--group-partial", "visual =~ x5"), "--group-partial", "visual =~ x5");
        AssertBadInput(Run("sem", "fit", "--model", Model, "--data", Data, "--group", "school", "--group-partial", "x1 ~~ nothere"),
            "--group-partial", "nothere");
    }

    [Fact]
    public void GroupOptionsWithoutGroup_AreUsageErrors() =>
        AssertBadInput(Run("sem", "fit", "--model", Model, "--data", Data, "--invariance"), "--invariance", "--group");
}
