using Econometrics.Data;

namespace Econometrics.Tests.Data;

public class CsvFrameTests
{
    [Fact]
    public void Parses_quotes_missing_values_and_text_columns()
    {
        var f = CsvFrame.ParseText("id,name,x\n1,\"Smith, J\",1.5\n2,\"a \"\"b\"\"\",NA\n3,,-2e3\n");
        Assert.Equal(new[] { "id", "name", "x" }, f.ColumnKeys.ToArray());
        Assert.Equal("Smith, J", f.GetColumn<string>("name").Get(0));
        Assert.Equal("a \"b\"", f.GetColumn<string>("name").Get(1));
        Assert.False(f.GetColumn<string>("name").TryGet(2).HasValue);
        var x = f.GetColumn<double>("x");
        Assert.Equal(1.5, x.Get(0));
        Assert.False(x.TryGet(1).HasValue);
        Assert.Equal(-2000, x.Get(2));
    }

    [Fact]
    public void A_malformed_number_names_file_line_and_column()
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFrame.ParseText("a,b\n1,2\n3,4.5.6\n", "bad.csv"));
        Assert.Equal("bad.csv, line 3, column 'b': '4.5.6' is not a number (the column is numeric from line 2).", e.Message);
        Assert.Equal(3, e.Line);
        Assert.Equal("b", e.Column);
    }

    [Fact]
    public void Decimal_commas_are_not_numbers_in_the_invariant_culture()
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFrame.ParseText("a;b\n1;2\n3;4,5\n", "eu.csv", new CsvOptions { Separator = ';' }));
        Assert.Contains("'4,5' is not a number", e.Message);
    }

    [Theory]
    [InlineData("a,b\n1,2,3\n", "line 2: The row has 3 fields; the header has 2.")]
    [InlineData("a,a\n1,2\n", "line 1: Column name 'a' appears twice in the header.")]
    [InlineData("", "The file is empty")]
    [InlineData("a,b\n\"1,2\n", "A quoted field is not closed.")]
    [InlineData("a,b\n1,2\n3,inf\n", "'inf' is not a number")]
    public void Structural_problems_are_named(string text, string message)
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFrame.ParseText(text, "x.csv"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<DataFormatException>(() => CsvFrame.Load("/nonexistent/file.csv"));
        Assert.Contains("/nonexistent/file.csv", e.Message);
    }
}
