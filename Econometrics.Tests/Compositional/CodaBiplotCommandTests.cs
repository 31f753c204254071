using System.Text.Json;
using Econometrics.Cli;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary><c>econ coda biplot</c>: JSON coordinates equal to the prcomp fixture, the plot, and bad input.</summary>
public sealed class CodaBiplotCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("coda-biplot-");

    public void Dispose() => _dir.Delete(true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = global::Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("form", "formRows", "formColumns")]
    [InlineData("covariance", "covarianceRows", "covarianceColumns")]
    public void Json_coordinates_equal_prcomp_and_the_plot_is_written(string type, string rowsKey, string colsKey)
    {
        var json = Path.Combine(_dir.FullName, "b.json");
        var plot = Path.Combine(_dir.FullName, "b.png");
        var (code, stdout, err) = Run("coda", "biplot", "--data", DataFile("roman_cups.csv"), "--type", type, "--plot", plot, "--json", json);
        Assert.True(code == 0, err);
        Assert.Contains("clr principal components", stdout);
        Assert.True(new FileInfo(plot).Length > 1000);
        var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(type, root.GetProperty("scaling").GetString());
        var e = Expected("clr_biplot").GetProperty("cups");
        var rows = Matrix(root.GetProperty("rowCoordinates"));
        var cols = Matrix(root.GetProperty("columnCoordinates"));
        var expectedCols = Matrix(e.GetProperty(colsKey));
        for (int c = 0; c < cols.ColumnCount; c++)
            if (cols.Column(c).DotProduct(expectedCols.Column(c)) < 0) { cols.SetColumn(c, -cols.Column(c)); rows.SetColumn(c, -rows.Column(c)); }
        AssertClose(expectedCols, cols, 1e-10, "columns");
        AssertClose(Matrix(e.GetProperty(rowsKey)), rows, 1e-10, "rows");
    }

    [Fact]
    public void More_parts_than_samples_is_a_diagnostic_and_two_samples_an_error()
    {
        var lines = File.ReadAllLines(DataFile("roman_cups.csv"));
        var four = Path.Combine(_dir.FullName, "four.csv");
        File.WriteAllLines(four, lines.Take(5));
        var (code, stdout, err) = Run("coda", "biplot", "--data", four, "--json", "-");
        Assert.True(code == 0, err);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(3, root.GetProperty("components").GetArrayLength());
        Assert.Contains("D = 11 > n = 4", root.GetProperty("diagnostics")[0].GetProperty("message").GetString());

        var two = Path.Combine(_dir.FullName, "two.csv");
        File.WriteAllLines(two, lines.Take(3));
        var json = Path.Combine(_dir.FullName, "never.json");
        (code, _, err) = Run("coda", "biplot", "--data", two, "--json", json);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains("at least 3 samples", err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void Unknown_type_is_a_usage_error()
    {
        var (code, _, err) = Run("coda", "biplot", "--data", DataFile("roman_cups.csv"), "--type", "rowprincipal");
        Assert.Equal(2, code);
        Assert.Contains("--type must be one of form, covariance", err);
    }
}

/// <summary><c>econ coda rho|pcor --fdr-permutations</c>: the <c>fdr</c> table in JSON and text, seeded, and bad options.</summary>
public sealed class CodaFdrCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = global::Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("rho", "rho", "proportionality")]
    [InlineData("pcor", "pcor", "partialCorrelation")]
    public void Fdr_table_is_added_and_equals_the_library_result(string sub, string metricName, string matrixField)
    {
        var (code, stdout, err) = Run("coda", sub, "--data", DataFile("roman_cups.csv"), "--fdr-permutations", "30", "--fdr-cutoffs", "12",
            "--seed", "9", "--json", "-");
        Assert.True(code == 0, err);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.True(root.TryGetProperty(matrixField, out _));
        Assert.Equal(metricName, root.GetProperty("fdrMetric").GetString());
        var fdr = root.GetProperty("fdr");
        Assert.Equal(12, fdr.GetArrayLength());
        var expected = new Econometrics.Compositional.PermutationFdr
        {
            Permutations = 30, NumberOfCutoffs = 12, Seed = 9,
            Metric = sub == "rho" ? Econometrics.Compositional.PairwiseMetric.Proportionality : Econometrics.Compositional.PairwiseMetric.PartialCorrelation,
        }.Estimate(Composition.Load(DataFile("roman_cups.csv")));
        for (int t = 0; t < 12; t++)
        {
            Assert.Equal(expected.Rows[t].Cutoff, fdr[t].GetProperty("cutoff").GetDouble());
            Assert.Equal(expected.Rows[t].Discoveries, fdr[t].GetProperty("discoveries").GetInt32());
            Assert.Equal(expected.Rows[t].PermutedCount, fdr[t].GetProperty("permutedCount").GetDouble());
        }
        Assert.Equal(JsonValueKind.Null, fdr[11].GetProperty("fdr").ValueKind);   // nothing beyond the largest value
        Assert.Contains(root.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "fdr-undefined");
        Assert.DoesNotContain("\r", err); // progress is drawn only on a terminal
    }

    [Theory]
    [InlineData("--fdr-permutations", "0", "--fdr-permutations must be")]
    [InlineData("--fdr-permutations", "ten", "--fdr-permutations must be")]
    [InlineData("--fdr-tails", "left", "--fdr-tails must be one of right, both")]
    [InlineData("--fdr-cutoffs", "5", "--fdr-cutoffs and --fdr-tails need --fdr-permutations")]
    [InlineData("--shard", "0/2", "--shard and --merge split the FDR permutations")]
    [InlineData("--shard", "2/2", "--shard")]
    public void Bad_fdr_options_are_usage_errors(string option, string value, string message)
    {
        var (code, _, err) = Run("coda", "rho", "--data", DataFile("roman_cups.csv"), option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains(message, err);
    }
}
