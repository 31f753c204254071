using System.Text.Json;
using Econometrics.Cli;
using Econometrics.Cli.ReportSections;
using Econometrics.Reporting;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary><c>econ coda pcor</c>: JSON contract, options, exit codes; and the report section.</summary>
public sealed class CodaCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("coda-cli-");

    public void Dispose() => _dir.Delete(true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = global::Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    private string Write(string name, string text) { var p = Path.Combine(_dir.FullName, name); File.WriteAllText(p, text); return p; }

    [Fact]
    public void Json_has_the_issue_field_names_and_the_reference_numbers()
    {
        var json = Path.Combine(_dir.FullName, "out", "cups.json");
        var plot = Path.Combine(_dir.FullName, "cups.svg");
        var (code, stdout, err) = Run("coda", "pcor", "--data", DataFile("roman_cups.csv"), "--json", json, "--plot", plot);
        Assert.True(code == 0, err);
        Assert.Contains("Log-ratio partial correlations", stdout);
        Assert.Contains("Al-Fe", stdout);
        Assert.True(File.Exists(plot));
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        foreach (var field in new[] { "parts", "partialCorrelation", "partialVariance", "variation", "proportionality", "pValues" })
            Assert.True(root.TryGetProperty(field, out _), $"missing field {field}");
        Assert.Equal(11, root.GetProperty("parts").GetArrayLength());
        Assert.Equal("Al", root.GetProperty("parts")[1].GetString());
        var e = Expected("lr_pcor").GetProperty("cups");
        AssertClose(Matrix(e.GetProperty("partialCorrelation")), Matrix(root.GetProperty("partialCorrelation")), 1e-10, "json pcor");
        AssertClose(Vector(e.GetProperty("partialVariance")), Vector(root.GetProperty("partialVariance")), 1e-9, "json pvar", relative: true);
        AssertClose(Matrix(e.GetProperty("variation")), Matrix(root.GetProperty("variation")), 1e-12, "json variation");
        AssertClose(Matrix(e.GetProperty("proportionality")), Matrix(root.GetProperty("proportionality")), 1e-10, "json rho_p");
        AssertClose(Matrix(e.GetProperty("pValues")), Matrix(root.GetProperty("pValues")), 1e-10, "json p");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pValues")[0][0].ValueKind);
        Assert.Equal(37, root.GetProperty("df").GetInt32());
    }

    [Fact]
    public void Parts_shrink_and_zero_options()
    {
        var (code, stdout, _) = Run("coda", "pcor", "--data", DataFile("roman_cups.csv"), "--parts", "Si,Al,Fe,Mg,Ca,Na,K,Ti", "--json", "-");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(8, root.GetProperty("parts").GetArrayLength());
        Assert.Equal(-0.032651, root.GetProperty("partialCorrelation")[2][7].GetDouble(), 6);

        (code, stdout, _) = Run("coda", "pcor", "--data", DataFile("roman_cups.csv"), "--shrink", "--json", "-");
        Assert.Equal(0, code);
        root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0.05912293, root.GetProperty("shrinkage").GetProperty("lambda").GetDouble(), 8);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pValues").ValueKind);
        Assert.Equal(0.588440, root.GetProperty("partialCorrelation")[1][2].GetDouble(), 6);

        var counts = Write("counts.csv", "a,b,c,d\n0,5,10,20\n3,0,7,12\n8,2,0,30\n1,4,6,0\n10,12,9,4\n");
        (code, _, var err) = Run("coda", "pcor", "--data", counts);
        Assert.Equal(2, code);
        Assert.StartsWith("error: counts.csv, line 2, column 'a': Row 1, part 'a' is 0", err);
        (code, stdout, err) = Run("coda", "pcor", "--data", counts, "--zeros", "bayes", "--shrink", "--json", "-");
        Assert.True(code == 0, err);
        Assert.Contains("zeros-replaced", stdout);
    }

    [Theory]
    [InlineData("a,b\n1,2\n2,3\n3,5\n4,1\n", new string[0], "bad.csv: Partial correlations between parts need at least 3 parts")]
    [InlineData("a,b,c,d\n1,2,3,4\n2,3,4,5\n3,5,6,1\n", new string[0], "3 samples for 4 parts (the sample covariance needs at least 4). Use basis shrinkage")]
    [InlineData("a,b,c\n1,2,3\n2,-3,4\n3,5,6\n4,1,1\n5,2,2\n", new string[0], "Row 2, part 'b': the value -3 is negative")]
    [InlineData("a,b,c\n1,2,3\n0,0,0\n3,5,6\n4,1,1\n5,2,2\n", new[] { "--zeros", "multiplicative" }, "Row 2 sums to zero")]
    [InlineData("a,b,c\n1,2,3\n2,x,4\n3,5,6\n4,1,1\n5,2,2\n", new string[0], "'x' is not a number")]
    [InlineData("a,b,c\n1,2,3\n2,3,4\n3,5,6\n4,1,1\n5,2,2\n", new[] { "--zeros", "many" }, "--zeros must be one of none, multiplicative, bayes")]
    [InlineData("a,b,c\n1,2,3\n2,3,4\n3,5,6\n4,1,1\n5,2,2\n", new[] { "--parts", "a,b,q" }, "Part 'q' is not a column")]
    public void Bad_input_exits_2_with_one_error_line(string csv, string[] extra, string message)
    {
        var path = Write("bad.csv", csv);
        var json = Path.Combine(_dir.FullName, "never.json");
        var (code, _, err) = Run(["coda", "pcor", "--data", path, "--json", json, .. extra]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains(message, err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.DoesNotContain("(Parameter", err);
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void Missing_subcommand_is_a_usage_error()
    {
        Assert.Equal(2, Run("coda", "--data", DataFile("roman_cups.csv")).Code);
        Assert.Contains("expected pcor, rho, biplot", Run("coda", "corr", "--data", DataFile("roman_cups.csv")).Err);
        Assert.Contains("econ coda pcor", Run("coda", "--help").Out);
    }

    [Fact]
    public void Report_section_renders_the_cups()
    {
        var report = new Report("test");
        var context = new ReportContext(Path.Combine(AppContext.BaseDirectory, "data"), 1, TextWriter.Null, default);
        new CodaSection().Write(report.AddSection("CoDA"), context);
        var dir = Path.Combine(_dir.FullName, "report");
        report.WriteTo(dir);
        var html = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.Contains("Roman", html);
        Assert.Contains("Al-Fe", html);
        Assert.Contains("data:image/svg+xml;base64,", html);
        Assert.Contains(context.DataFiles, f => f.Key == "coda/roman_cups.csv");
    }
}
