using System.Globalization;
using Deedle;
using Econometrics.Data;

namespace Econometrics.Tests.Data;

public class DataColumnsTests
{
    [Fact]
    public void The_fast_number_path_agrees_with_double_Parse_bit_for_bit()
    {
        var rng = new Random(17);
        string[] fixedCases = ["0", "-0", "+5", ".5", "5.", "007.50", "-0.000001234", "123456789012345", "1234567890123456",
            "0.1", "0.3", "9007199254740993", "1.7976931348623157", "4.9406564584124654", "2.2250738585072014", "1e5", "-.", "."];
        var cases = fixedCases.Concat(Enumerable.Range(0, 20000).Select(_ =>
        {
            int digits = rng.Next(1, 18), point = rng.Next(-1, digits + 1);
            var chars = Enumerable.Range(0, digits).Select(_ => (char)('0' + rng.Next(10))).ToList();
            if (point >= 0) chars.Insert(point, '.');
            return (rng.Next(3) == 0 ? "-" : "") + new string(chars.ToArray());
        }));
        foreach (var s in cases)
        {
            bool expected = double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var want) && double.IsFinite(want);
            Assert.Equal(expected, CsvFrame.TryNumber(s, out var got));
            if (expected) Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(got));
        }
    }

    [Fact]
    public void Errors_come_in_the_order_of_a_whole_file_reader()
    {
        // A ragged row is reported before an earlier malformed number; the leftmost bad column before an earlier bad line.
        var ragged = Assert.Throws<DataFormatException>(() => CsvFrame.ParseText("a,b\n1,x2\n1,2\n3,4,5\n", "r.csv"));
        Assert.Equal("r.csv, line 4: The row has 3 fields; the header has 2.", ragged.Message);
        var leftmost = Assert.Throws<DataFormatException>(() => CsvFrame.ParseText("a,b\n1,2\n1,x\ny,2\n", "l.csv"));
        Assert.Equal("l.csv, line 4, column 'a': 'y' is not a number (the column is numeric from line 2).", leftmost.Message);
        var quote = Assert.Throws<DataFormatException>(() => CsvFrame.ParseText("a,a\n1,2\n\"3,4\n", "q.csv"));
        Assert.Equal("q.csv, line 3: A quoted field is not closed.", quote.Message);
    }

    [Fact]
    public void Lines_are_exact_across_blank_lines_and_quoted_line_breaks()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cols").FullName, "dup.csv");
        File.WriteAllText(path, "firm,year,note,y\r\n1,2000,\"two\nlines\",1\r\n\r\n1,2001,,2\n1,2000,x,3\n");
        var e = Assert.Throws<DataFormatException>(() => PanelData.Load(path, "firm", "year", "y"));
        Assert.Contains("dup.csv, line 6: Duplicate key: entity '1' at time '2000' appears in lines 2 and 6.", e.Message);
        var data = DataColumns.Load(path);
        Assert.Equal(3, data.RowCount);
        Assert.Equal(new int?[] { 2, 5, 6 }, Enumerable.Range(0, 3).Select(data.Line).ToArray());
        Assert.Equal(new string?[] { "two\nlines", null, "x" }, data.Labels("note"));
    }

    [Fact]
    public void Frames_follow_the_same_rule_for_numbers()
    {
        var frame = Frame.FromColumns(new Dictionary<string, Series<int, object>>
        {
            ["i"] = new Series<int, object>([0, 1, 2], [1, 2L, 3.5m]),
            ["s"] = new Series<int, object>([0, 1, 2], [1.0, "2", 3.0]),
            ["b"] = new Series<int, object>([0, 1, 2], [true, false, true]),
        });
        var data = DataColumns.Of(frame, "f.csv");
        Assert.Equal(new[] { 1.0, 2.0, 3.5 }, data.Numbers("i"));
        var e = Assert.Throws<DataFormatException>(() => data.Numbers("s"));
        Assert.Equal("f.csv, line 3, column 's': '2' is not a number; column 's' must be numeric.", e.Message);
        Assert.False(data.IsNumeric("b"));
        Assert.Equal(new[] { "1", "2", "3.5" }, data.Labels("i"));
    }
}
