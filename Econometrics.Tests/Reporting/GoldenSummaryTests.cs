using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Econometrics.Cli;
using Econometrics.Tests.Cli;

namespace Econometrics.Tests.Reporting;

/// <summary>
/// Golden summaries: every <c>econ</c> command runs on the shipped data, and its printed summary must equal the committed
/// file <c>Reporting/Golden/&lt;case&gt;.txt</c> line for line, fit 100 columns, and come with JSON whose keys are camelCase
/// and whose numbers and booleans are typed, a standalone HTML page, and (where the command draws one) a plot.
/// </summary>
/// <remarks>
/// To regenerate the goldens after an intended change of output, run
/// <c>ECONOMETRICS_UPDATE_GOLDEN=1 dotnet test --filter "FullyQualifiedName~GoldenSummaryTests"</c> and review the diff
/// of Econometrics.Tests/Reporting/Golden/ before committing it. Only genuinely volatile text is normalised: paths of
/// the data and temporary folders, and the machine facts of <c>econ describe</c>.
/// </remarks>
public class GoldenSummaryTests
{
    private const string UpdateVariable = "ECONOMETRICS_UPDATE_GOLDEN";

    // Case name -> the econ arguments; "data/..." resolves to the shipped data, "{tmp}" to a fresh folder.
    private static readonly Dictionary<string, string[]> Cases = new()
    {
        ["describe"] = ["describe"],
        ["panel"] = ["panel", "--data", "data/grunfeld.csv", "--entity", "firm", "--time", "year"],
        ["panel-fit"] = ["panel", "fit", "--data", "data/grunfeld.csv", "--entity", "firm", "--time", "year",
            "--formula", "inv ~ value + capital", "--model", "fe", "--vcov", "cluster"],
        ["panel-hausman"] = ["panel", "hausman", "--data", "data/grunfeld.csv", "--entity", "firm", "--time", "year",
            "--formula", "inv ~ value + capital"],
        ["panel-exponent"] = ["panel", "exponent", "--data", "data/grunfeld.csv", "--entity", "firm", "--time", "year", "--value", "inv"],
        ["panel-exponent-residuals"] = ["panel", "exponent", "--data", "data/grunfeld.csv", "--entity", "firm", "--time", "year",
            "--formula", "inv ~ value + capital", "--reps", "50"],
        ["cd"] = ["cd", "--data", "data/grunfeld.csv", "--entity", "firm", "--time", "year", "--formula", "inv ~ value + capital",
            "--model", "fe"],
        ["cd-unitols"] = ["cd", "--data", "data/grunfeld.csv", "--entity", "firm", "--time", "year", "--formula", "inv ~ value + capital",
            "--model", "unitols"],
        ["cd-value"] = ["cd", "--data", "data/cd/produc.csv", "--entity", "state", "--time", "year", "--value", "gsp"],
        ["cd-mc"] = ["cd-mc", "--n", "10,20", "--t", "10", "--reps", "40", "--threads", "1"],
        ["cd-mc-merge"] = ["cd-mc", "merge", "{tmp}/shard0.json", "{tmp}/shard1.json"],
        ["sem-covariance"] = ["sem", "covariance", "--graph", "data/sem/instrument.json", "--method", "all", "--symbolic"],
        ["sem-identify"] = ["sem", "identify", "--graph", "data/sem/instrument.json"],
        ["sem-relations"] = ["sem", "relations", "--graph", "data/sem/instrument.json", "--degree", "2"],
        ["sem-fit"] = ["sem", "fit", "--model", "data/sem/political_democracy.lav", "--data", "data/sem/PoliticalDemocracy.csv"],
        ["sem-fit-groups"] = ["sem", "fit", "--model", "data/sem/holzinger_swineford.lav", "--data", "data/sem/HolzingerSwineford1939.csv",
            "--group", "school", "--group-equal", "loadings,intercepts", "--group-partial", "x3 ~ 1"],
        ["sem-fit-invariance"] = ["sem", "fit", "--model", "data/sem/holzinger_swineford.lav", "--data", "data/sem/HolzingerSwineford1939.csv",
            "--group", "school", "--invariance"],
        ["coda-pcor"] = ["coda", "pcor", "--data", "data/coda/arctic_lake.csv", "--parts", "sand,silt,clay"],
        ["coda-rho"] = ["coda", "rho", "--data", "data/coda/arctic_lake.csv", "--parts", "sand,silt,clay", "--fdr-permutations", "100"],
        ["coda-biplot"] = ["coda", "biplot", "--data", "data/coda/arctic_lake.csv", "--parts", "sand,silt,clay"],
        ["moe-fit"] = ["moe", "fit", "--data", "data/moe/moe_ref_sim.csv", "--id", "id", "--y-prefix", "Y", "--t-prefix", "T",
            "--classes", "2", "--starts", "8"],
        ["moe-enumerate"] = ["moe", "enumerate", "--data", "data/moe/moe_ref_sim.csv", "--id", "id", "--y-prefix", "Y", "--t-prefix", "T",
            "--max-classes", "3", "--starts", "6"],
        ["moe-simulate"] = ["moe", "simulate", "--data", "data/moe/moe_ref_sim.csv", "--id", "id", "--y-prefix", "Y", "--t-prefix", "T",
            "--classes", "2", "--starts", "2", "--reps", "2", "--persons", "100"],
        ["moe-simulate-merge"] = ["moe", "simulate", "merge", "{tmp}/sim0.json", "{tmp}/sim1.json"],
        ["moe-screen"] = ["moe", "screen", "--data", "data/moe/moe_ref_sim.csv", "--id", "id", "--y-prefix", "Y", "--t-prefix", "T",
            "--classes", "2", "--candidates", "gx,ex", "--starts", "8"],
        ["invariance"] = ["invariance", "--data", "data/invariance/invariance_sim.csv", "--target", "Y", "--env", "env",
            "--predictors", "X1,X2,X3,X4", "--subset", "X1,X2", "--bootstrap", "199"],
        ["invariance-icp"] = ["invariance", "--data", "data/invariance/invariance_sim.csv", "--target", "Y", "--env", "env",
            "--predictors", "X1,X2,X3,X4", "--icp"],
        ["invariance-hidden"] = ["invariance", "--data", "data/invariance/icp_hidden_sim.csv", "--target", "Y", "--env", "env",
            "--predictors", "X1,X2,X3", "--icp", "--hidden"],
        ["invariance-binomial"] = ["invariance", "--data", "data/invariance/icp_binary_sim.csv", "--target", "Y", "--env", "env",
            "--predictors", "X1,X2,X3,X4", "--icp", "--family", "binomial", "--bootstrap", "0"],
    };

    /// <summary>The case names.</summary>
    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void Every_leaf_command_has_a_golden_case()
    {
        var covered = Cases.Values.Select(a => string.Join(' ', a.TakeWhile(w => !w.StartsWith('-') && !w.Contains('/')))).ToHashSet();
        var missing = LeafCommands().Select(p => string.Join(' ', p)).Where(p => p != "report" && !covered.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "Commands without a golden summary: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Summary_matches_its_golden_file_and_the_outputs_are_well_formed(string name)
    {
        var tmp = Directory.CreateTempSubdirectory("econ-golden").FullName;
        if (name == "cd-mc-merge")
            for (int shard = 0; shard < 2; shard++)
                Assert.Equal(0, CliRunner.Run("cd-mc", "--n", "10", "--t", "10", "--reps", "20", "--threads", "1", "--shard", $"{shard}/2",
                    "--json", Path.Combine(tmp, $"shard{shard}.json")).ExitCode);
        if (name == "moe-simulate-merge")
            for (int shard = 0; shard < 2; shard++)
                Assert.Equal(0, CliRunner.Run([.. Cases["moe-simulate"].Select(a => Resolve(a, tmp)), "--shard", $"{shard}/2",
                    "--json", Path.Combine(tmp, $"sim{shard}.json")]).ExitCode);
        var args = Cases[name].Select(a => Resolve(a, tmp)).ToList();
        string json = Path.Combine(tmp, "out.json"), html = Path.Combine(tmp, "out.html"), png = Path.Combine(tmp, "out.png");
        bool plots = Find(Cases[name]).Options.Any(o => o.Name == "--plot");
        args.AddRange(["--json", json, "--html", html]);
        if (plots) args.AddRange(["--plot", png]);

        var r = CliRunner.Run([.. args]);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.DoesNotContain("\r", r.Error);
        var text = Normalise(name, r.Out, tmp);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        CompareWithGolden(name, text);

        JsonShape.AssertWellFormed(File.ReadAllText(json), DataColumns(args));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html));
        if (plots) Assert.True(new FileInfo(png).Length > 2000, "the plot is empty");
    }

    /// <summary>
    /// The whole report, run once: its text rendering (contents, provenance, every section's paragraphs, tables,
    /// commands and figure captions) must equal Golden/report.txt with the volatile provenance (date, commit, machine,
    /// timings) masked; the HTML has unique ids, distinct embedded figures, a table of contents and full provenance.
    /// </summary>
    [Fact]
    public void Report_text_matches_its_golden_file_and_the_html_is_self_contained()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("econ-report").FullName, "report");
        var r = CliRunner.Run("report", "--out", dir, "--data-dir", CliRunner.DataDir);
        Assert.True(r.ExitCode == 0, r.Error);
        var text = File.ReadAllText(Path.Combine(dir, "report.txt")).ReplaceLineEndings("\n");
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.Matches("Generated \\(UTC\\)\\s+\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", text);
        CompareWithGolden("report", MaskProvenance(text));

        var html = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.Contains("<h2>Provenance</h2>", html);
        Assert.Contains("Linear algebra backend", html);
        Assert.Contains("Data: grunfeld.csv", html);
        var md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("## Data: the Grunfeld investment panel", md);
        Assert.Contains("2. [Data: the Grunfeld investment panel](#data-the-grunfeld-investment-panel)", md);
        // Figures are embedded as data URIs: no element id can collide, and every figure is a different picture.
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var figures = Regex.Matches(html, "src=\"data:image/svg\\+xml;base64,([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(figures.Count >= 10, $"{figures.Count} figures");
        Assert.Equal(figures.Count, figures.Distinct().Count());
        Assert.Equal(figures.Count, Regex.Matches(text, @"^\[Figure [\w-]+\]", RegexOptions.Multiline).Count);
        Assert.DoesNotContain("<svg", html);
        Assert.Contains("<nav class=\"toc\">", html);
        Assert.Matches("Generated \\(UTC\\)</th><td>\\d{4}-\\d{2}-\\d{2}T", html);
        Assert.Matches("sha256 [0-9a-f]{64}<", html);
        Assert.Contains("Reproduce with:", html);
    }

    // The provenance values that change with the run or the machine: date, commit, software facts and timings. A masked
    // value's continuation lines go too, so a longer value (e.g. "not available ...") cannot shift the golden.
    private static string MaskProvenance(string text)
    {
        var volatileKeys = Econometrics.Toolkit.Facts().Select(f => f.Key).Concat(["Generated (UTC)", "Git commit"]).ToHashSet();
        var lines = text.Split('\n');
        var result = new List<string>();
        bool inProvenance = false, masking = false;
        foreach (var line in lines)
        {
            if (line == "1. Provenance") inProvenance = true;
            else if (inProvenance && line.Length > 0 && !line.StartsWith(' ')) inProvenance = false;
            if (!inProvenance) { result.Add(line); continue; }
            if (masking && line.StartsWith("      ", StringComparison.Ordinal)) continue;
            masking = false;
            var key = volatileKeys.FirstOrDefault(k => line.StartsWith("  " + k + "  ", StringComparison.Ordinal) || line == "  " + k);
            if (key is null && line.StartsWith("  Time: ", StringComparison.Ordinal))
                key = line[2..].Split("  ")[0];
            if (key is null) { result.Add(line); continue; }
            result.Add("  " + key + "  {volatile}");
            masking = true;
        }
        return string.Join('\n', result);
    }

    [Fact]
    public void Every_help_text_ends_with_a_newline_fits_100_columns_and_shows_one_example()
    {
        foreach (var path in LeafCommands().Concat(GroupCommands()).Append([]))
        {
            var r = CliRunner.Run([.. path, "--help"]);
            var where = "econ " + string.Join(' ', path);
            Assert.True(r.ExitCode == 0, where);
            Assert.EndsWith("\n", r.Out);
            Assert.All(r.Out.Split('\n'), line => Assert.True(line.Length <= 100, $"{where}: {line.Length} columns: {line}"));
            if (Find(path) is EconCommand)
            {
                Assert.Single(Regex.Matches(r.Out, "^Example:$", RegexOptions.Multiline));
                Assert.Contains("Example:\n  " + where + " ", r.Out);
            }
        }
    }

    private static string Resolve(string arg, string tmp) =>
        arg.StartsWith("data/", StringComparison.Ordinal) ? Path.Combine(CliRunner.DataDir, arg["data/".Length..])
        : arg.Replace("{tmp}", tmp, StringComparison.Ordinal);

    // Machine facts and folders are the only volatile parts of a summary.
    private static string Normalise(string name, string text, string tmp)
    {
        text = text.Replace(tmp, "{tmp}", StringComparison.Ordinal).Replace(CliRunner.DataDir, "data", StringComparison.Ordinal);
        if (name == "describe") text = Regex.Replace(text, @"^([^:\n]+:\s+).*$", "$1{machine}", RegexOptions.Multiline);
        // OpenBLAS is listed only when it could not be loaded.
        if (name == "describe") text = Regex.Replace(text, @"^OpenBLAS:.*\n", "", RegexOptions.Multiline);
        return text.ReplaceLineEndings("\n");
    }

    private static void CompareWithGolden(string name, string text, [CallerFilePath] string source = "")
    {
        var file = Path.Combine(Path.GetDirectoryName(source)!, "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
            return;
        }
        // The source tree's file when the tests run from a checkout (so a regeneration is seen without a rebuild),
        // else the copy beside the test assembly.
        var expected = File.ReadAllText(File.Exists(file) ? file : Path.Combine(AppContext.BaseDirectory, "Reporting", "Golden", name + ".txt"));
        expected = expected.ReplaceLineEndings("\n");
        if (expected == text) return;
        var e = expected.Split('\n');
        var a = text.Split('\n');
        int k = 0;
        while (k < Math.Min(e.Length, a.Length) && e[k] == a[k]) k++;
        Assert.Fail($"{name}: the summary differs from Golden/{name}.txt at line {k + 1}:\n  golden: {(k < e.Length ? e[k] : "<end>")}\n" +
                    $"  actual: {(k < a.Length ? a[k] : "<end>")}\n(set {UpdateVariable}=1 to regenerate after an intended change)");
    }

    // The columns of the --data file: data-named keys (e.g. ICP's p-values by predictor) are the data's, not camelCase.
    private static IReadOnlyCollection<string> DataColumns(List<string> args)
    {
        int i = args.IndexOf("--data");
        return i < 0 ? [] : File.ReadLines(args[i + 1]).First().Split(',').Select(c => c.Trim('"')).ToArray();
    }

    private static Command Find(IEnumerable<string> path)
    {
        Command c = Econometrics.Cli.Cli.Root();
        foreach (var word in path.TakeWhile(w => !w.StartsWith('-') && !w.Contains('/')))
            c = c.Subcommands.First(s => s.Name == word);
        return c;
    }

    private static IEnumerable<string[]> LeafCommands() => Walk(Econometrics.Cli.Cli.Root(), []).Where(p => Find(p) is EconCommand);

    private static IEnumerable<string[]> GroupCommands() => Walk(Econometrics.Cli.Cli.Root(), []).Where(p => Find(p) is not EconCommand);

    private static IEnumerable<string[]> Walk(Command c, string[] path)
    {
        foreach (var s in c.Subcommands)
        {
            string[] p = [.. path, s.Name];
            yield return p;
            foreach (var q in Walk(s, p)) yield return q;
        }
    }
}

/// <summary>The JSON conventions every command shares, checked on a parsed document.</summary>
public static class JsonShape
{
    private static readonly Regex CamelKey = new("^[a-z][a-zA-Z0-9]*$");

    // Identifiers taken from the data (entity labels, environments, person ids) and symbolic polynomials are strings
    // even when they look like numbers.
    private static readonly HashSet<string> LabelKeys = ["entities", "entity", "environment", "environments", "id", "determinant", "label", "name"];

    // Maps keyed by a stable test name ("CD", "CDwPlus", ...) rather than by a field name.
    private static readonly HashSet<string> NameKeyedMaps = ["rejections", "rates"];

    /// <summary>Asserts camelCase keys, typed numbers and booleans, and readable escaping.</summary>
    /// <param name="json">The document.</param>
    /// <param name="dataNames">Names from the data that may appear as keys.</param>
    public static void AssertWellFormed(string json, IReadOnlyCollection<string> dataNames)
    {
        Assert.DoesNotContain("\\u0027", json);
        Assert.DoesNotContain("\\u003C", json);
        using var doc = JsonDocument.Parse(json);
        var problems = new List<string>();
        Walk(doc.RootElement, "", null, dataNames, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(20)));
    }

    private static void Walk(JsonElement e, string path, string? key, IReadOnlyCollection<string> dataNames, List<string> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    bool dataKey = dataNames.Contains(p.Name) || (key is not null && NameKeyedMaps.Contains(key));
                    // camelCase, and no acronym cased letter by letter ("nET", "oS", "bLASThreads").
                    if (!dataKey && (!CamelKey.IsMatch(p.Name) || Regex.IsMatch(p.Name, "[A-Z]{3}") || Regex.IsMatch(p.Name, "^[a-z][A-Z]+$")))
                        problems.Add($"key '{p.Name}' at {path} is not camelCase");
                    Walk(p.Value, path + "." + p.Name, p.Name, dataNames, problems);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Walk(item, path + "[]", key, dataNames, problems);
                break;
            case JsonValueKind.String:
                var s = e.GetString()!;
                bool label = key is not null && LabelKeys.Contains(key);
                if (!label && (Regex.IsMatch(s, @"^-?\d+(\.\d+)?([eE][-+]?\d+)?$") || s is "true" or "false" or "NaN" or "Infinity" or "-Infinity"))
                    problems.Add($"{path} = \"{s}\" is a number or boolean written as a string");
                break;
        }
    }
}
