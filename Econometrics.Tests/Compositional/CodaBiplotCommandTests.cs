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
        Assert.Contains("--type must be form or covariance", err);
    }
}
