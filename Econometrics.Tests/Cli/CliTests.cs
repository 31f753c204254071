using System.Diagnostics;
using System.Text.Json;
using Econometrics.LinearAlgebra;

namespace Econometrics.Tests.Cli;

public class CliTests
{
    private static void AssertBadInput(CliRunner.Outcome r, string mustName)
    {
        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(mustName, lines[0]);
    }

    [Fact]
    public void Describe_names_the_backend_in_use_and_its_threads()
    {
        var r = CliRunner.Run("describe");
        Assert.Equal(0, r.ExitCode);
        var backend = LinearAlgebraBackends.Default;
        Assert.Contains($"Linear algebra backend: {backend.Name}", r.Out);
        Assert.Contains($"BLAS threads:           {backend.Threads}", r.Out);
        if (backend is OpenBlasLinearAlgebra) Assert.Contains("OpenBLAS", r.Out);
        var json = JsonDocument.Parse(CliRunner.Run("describe", "--json", "-").Out).RootElement;
        Assert.Equal(backend.Name, json.GetProperty("linearAlgebraBackend").GetString());
    }

    [Fact]
    public void Panel_summary_and_json()
    {
        var grunfeld = Path.Combine(CliRunner.DataDir, "grunfeld.csv");
        var r = CliRunner.Run("panel", "--data", grunfeld, "--entity", "firm", "--time", "year", "--json", "-");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(10, json.GetProperty("header").GetProperty("entitiesN").GetInt32());
        var plot = Path.Combine(Directory.CreateTempSubdirectory("econ-plot").FullName, "inv.svg");
        Assert.Equal(0, CliRunner.Run("panel", "--data", grunfeld, "--entity", "firm", "--time", "year", "--plot", plot).ExitCode);
        Assert.True(File.Exists(plot));
    }

    [Fact]
    public void A_malformed_number_exits_2_naming_line_and_column_and_writes_nothing()
    {
        var csv = CliRunner.TempFile("bad.csv", "firm,year,inv\n1,2000,1.5\n1,2001,x1.5\n");
        var json = Path.Combine(Path.GetDirectoryName(csv)!, "out.json");
        var r = CliRunner.Run("panel", "--data", csv, "--entity", "firm", "--time", "year", "--json", json);
        AssertBadInput(r, "bad.csv, line 3, column 'inv': 'x1.5' is not a number");
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void A_missing_entity_column_exits_2_naming_it()
    {
        var csv = CliRunner.TempFile("p.csv", "id,year,inv\n1,2000,1.5\n");
        AssertBadInput(CliRunner.Run("panel", "--data", csv, "--entity", "firm", "--time", "year"), "The entity column 'firm' is not in the data");
    }

    [Fact]
    public void Duplicate_entity_time_rows_exit_2_naming_the_key()
    {
        var csv = CliRunner.TempFile("d.csv", "firm,year,inv\n1,2000,1.5\n2,2000,3\n1,2000,2\n");
        AssertBadInput(CliRunner.Run("panel", "--data", csv, "--entity", "firm", "--time", "year"), "Duplicate key: entity '1' at time '2000' " +
            "appears in lines 2 and 4");
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unknown command 'frobnicate'")]
    [InlineData(new[] { "describe", "--color", "red" }, "Unknown option --color")]
    [InlineData(new[] { "panel", "--entity", "firm" }, "--data is required")]
    [InlineData(new[] { "panel", "--data", "/nonexistent.csv", "--entity", "a", "--time", "b" }, "file '/nonexistent.csv' does not exist")]
    [InlineData(new[] { "report", "--seed", "abc" }, "--seed must be an integer")]
    [InlineData(new[] { "report", "--out" }, "--out needs a value")]
    public void Usage_errors_exit_2_with_one_line(string[] args, string message) => AssertBadInput(CliRunner.Run(args), message);

    public static TheoryData<string[], string> ContractViolations()
    {
        var grunfeld = Path.Combine(CliRunner.DataDir, "grunfeld.csv");
        var inv = Path.Combine(CliRunner.DataDir, "invariance", "invariance_sim.csv");
        string[] cd = ["cd", "--data", grunfeld, "--entity", "firm", "--time", "year", "--value", "inv"];
        string[] icp = ["invariance", "--data", inv, "--target", "Y", "--env", "env", "--predictors", "X1,X2"];
        return new()
        {
            { [.. cd, "--criterion", "7"], "--criterion must be one of er, gr" },
            { [.. cd, "--criterion", "er,gr"], "--criterion must be one of" },
            { [.. cd, "--model", "1"], "--model must be one of pooled" },
            { [.. icp, "--icp", "--prune", "--bootstrap", "-1"], "--bootstrap must be at least 0" },
            { [.. icp, "--prune", "false"], "Unexpected argument 'false'" },
            { [.. cd, "stray"], "Unexpected argument 'stray' for 'econ cd'" },
            { ["describe", "extra"], "Unexpected argument 'extra'" },
            { ["panel", "--data", CliRunner.DataDir, "--entity", "firm", "--time", "year"], "is a folder, not a file" },
            { [.. cd, "--json", CliRunner.DataDir], "--json: '" },
            { [.. cd, "--plot", Path.Combine(CliRunner.DataDir, "x.pdf")], "--plot: '" },
            { [.. cd, "--draws", "0"], "--draws must be at least 1" },
            { ["sem"], "'econ sem' needs a subcommand" },
            { ["cd-mc", "--strength", "2"], "--strength must lie in (0, 1]" },
            { ["cd-mc", "--n", "10", "--neighbours", "5"], "--neighbours must be below N/2" },
            { ["coda", "pcor", "--data", grunfeld, "--level", "NaN"], "--level must be a number" },
        };
    }

    [Theory]
    [MemberData(nameof(ContractViolations))]
    public void Bad_options_are_rejected_before_any_work(string[] args, string message) => AssertBadInput(CliRunner.Run(args), message);

    [Fact]
    public void No_arguments_is_a_usage_error_with_one_error_line()
    {
        var r = CliRunner.Run();
        AssertBadInput(r, "no command given");
        Assert.Contains("Commands:", r.Out);
    }

    [Theory]
    [InlineData("cd")]
    [InlineData("sem", "fit")]
    [InlineData("moe", "screen")]
    [InlineData("cd-mc", "merge")]
    [InlineData("report")]
    public void Help_ends_with_a_newline_and_shows_an_example(params string[] command)
    {
        var r = CliRunner.Run([.. command, "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.EndsWith("\n", r.Out);
        Assert.Contains("Example:\n  econ " + string.Join(' ', command) + " ", r.Out);
        Assert.All(r.Out.Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Fact]
    public void A_failure_after_outputs_were_rendered_leaves_no_file()
    {
        // --plot-kind scree needs CD*'s factor selection; the JSON and HTML are rendered first, then the plot fails.
        var dir = Directory.CreateTempSubdirectory("econ-partial").FullName;
        string json = Path.Combine(dir, "r.json"), html = Path.Combine(dir, "r.html"), plot = Path.Combine(dir, "r.svg");
        var r = CliRunner.Run("cd", "--data", Path.Combine(CliRunner.DataDir, "grunfeld.csv"), "--entity", "firm", "--time", "year",
            "--value", "inv", "--tests", "cd", "--json", json, "--html", html, "--plot", plot, "--plot-kind", "scree");
        AssertBadInput(r, "--plot-kind scree");
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void Html_is_a_standalone_page()
    {
        var html = Path.Combine(Directory.CreateTempSubdirectory("econ-html").FullName, "p.html");
        Assert.Equal(0, CliRunner.Run("panel", "--data", Path.Combine(CliRunner.DataDir, "grunfeld.csv"), "--entity", "firm", "--time", "year", "--html",
            html).ExitCode);
        var text = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", text);
        Assert.Contains("<style>", text);
    }

    [Fact]
    public void Argument_exceptions_print_without_the_parameter_suffix()
    {
        var r = CliRunner.Run("panel", "--data", Path.Combine(CliRunner.DataDir, "grunfeld.csv"), "--entity", "firm", "--time", "firm");
        AssertBadInput(r, "The entity and time columns must differ.");
        Assert.DoesNotContain("(Parameter", r.Error);
    }

    [Fact]
    public void The_econ_executable_returns_the_exit_codes()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "econ.dll");
        static (int, string) Exec(string dll, string args)
        {
            var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" {args}") { RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, err);
        }
        Assert.Equal(0, Exec(dll, "describe").Item1);
        var (code, err) = Exec(dll, "nonsense");
        Assert.Equal(2, code);
        Assert.StartsWith("error: Unknown command", err);
    }
}
