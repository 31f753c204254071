using System.Text.Json;
using Econometrics.Reporting;

namespace Econometrics.Tests.Reporting;

public class SummaryTableTests
{
    private static SummaryTable Sample() =>
        new SummaryTable("Toy regression")
            .AddHeader("Dep. variable", "y")
            .AddHeader("No. observations", 200)
            .AddTable(new Table("Coefficients", "Term", "Estimate", "Std. Error", "P-value")
                .AddRow("const", 1.5, 0.25, Cell.PValue(1e-20))
                .AddRow("x<1>", -0.000012345, double.NaN, Cell.PValue(0.0312)))
            .AddNote("3 rows had missing values & were dropped.");

    [Fact]
    public void Text_rendering_is_deterministic_and_aligned()
    {
        const string expected = """
            ==============================================================================
                                            Toy regression
            ==============================================================================
            Dep. variable:    y
            No. observations: 200
            ------------------------------------------------------------------------------
            Coefficients
            Term      Estimate  Std. Error    P-value
            const       1.5000      0.2500  < 2.2e-16
            x<1>   -1.2345e-05                 0.0312
            ==============================================================================
            Notes:
            [1] 3 rows had missing values & were dropped.

            """;
        Assert.Equal(expected.ReplaceLineEndings(), Sample().ToText());
    }

    [Fact]
    public void Html_escapes_and_marks_numbers()
    {
        var html = Sample().ToHtml();
        Assert.Contains("<td>x&lt;1&gt;</td>", html);
        Assert.Contains("<td class=\"num\">1.5000</td>", html);
        Assert.Contains("<li>3 rows had missing values &amp; were dropped.</li>", html);
    }

    [Fact]
    public void Markdown_has_a_pipe_table()
    {
        var md = Sample().ToMarkdown();
        Assert.Contains("| Term | Estimate | Std. Error | P-value |", md);
        Assert.Contains("|---|---:|---:|---:|", md);
    }

    [Fact]
    public void Json_keeps_full_precision_and_writes_nan_as_null()
    {
        var root = JsonDocument.Parse(Sample().ToJson()).RootElement;
        Assert.Equal(200, root.GetProperty("header").GetProperty("noObservations").GetInt32());
        var rows = root.GetProperty("tables")[0].GetProperty("rows");
        Assert.Equal(-0.000012345, rows[1].GetProperty("estimate").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("stdError").ValueKind);
        Assert.Equal(1e-20, rows[0].GetProperty("pValue").GetDouble());
    }

    [Fact]
    public void Rows_must_fit_the_columns()
    {
        var e = Assert.Throws<ArgumentException>(() => new Table("T", "a", "b").AddRow(1.0));
        Assert.Contains("2 columns", e.Message);
    }

    [Theory]
    [InlineData(0.5, null, "0.5000")]
    [InlineData(1234567.0, null, "1.2346e+06")]
    [InlineData(3.0, "F1", "3.0")]
    [InlineData(double.PositiveInfinity, null, "Inf")]
    public void Cells_format_with_the_invariant_culture(double x, string? format, string expected) =>
        Assert.Equal(expected, Cell.Num(x, format).ToString());
}
