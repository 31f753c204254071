using System.Globalization;
using Deedle;

namespace Econometrics.Data;

/// <summary>Reads CSV files into Deedle frames with the invariant culture and precise error messages.</summary>
/// <remarks>
/// A column is numeric when its first non-missing cell parses as a number; after that, a cell that does not parse
/// is an error naming the file, line and column (rather than silently turning the column into text, as type
/// guessing readers do). Rows are keyed 0, 1, 2, ... in file order.
/// </remarks>
public static class CsvFrame
{
    /// <summary>Loads a CSV file with a header row.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Parsing options; defaults when null.</param>
    /// <exception cref="DataFormatException">The file is missing, empty, ragged, or has a malformed number.</exception>
    public static Frame<int, string> Load(string path, CsvOptions? options = null) => ToFrame(CsvTable.Load(path, options));

    /// <summary>Parses CSV text with a header row (for tests and in-memory data).</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="name">A name used in error messages.</param>
    /// <param name="options">Parsing options; defaults when null.</param>
    public static Frame<int, string> ParseText(string text, string name = "<text>", CsvOptions? options = null) =>
        Parse(new StringReader(text ?? throw new ArgumentNullException(nameof(text))), name ?? throw new ArgumentNullException(nameof(name)),
            options ?? new CsvOptions());

    private static Frame<int, string> Parse(TextReader reader, string file, CsvOptions options) =>
        ToFrame(CsvTable.Read(reader, file, options));

    /// <summary>The Deedle view of a table read by <see cref="CsvTable"/>: numeric columns as doubles, text as strings.</summary>
    internal static Frame<int, string> ToFrame(CsvTable table)
    {
        var keys = Enumerable.Range(0, table.RowCount).ToArray();
        var builder = new FrameBuilder.Columns<int, string>();
        foreach (var column in table.Columns)
        {
            if (column.IsNumeric) builder.Add(column.Name, new Series<int, double>(keys, column.Numbers));
            else
            {
                var labels = column.Labels;
                builder.Add(column.Name, new Series<int, string?>(keys, column.Codes.Select(c => c < 0 ? null : labels[c]).ToArray()));
            }
        }
        return builder.Frame;
    }

    /// <summary>Parses a number with the invariant culture; infinities are rejected as malformed.</summary>
    internal static bool TryNumber(ReadOnlySpan<char> s, out double value) =>
        TryShortDecimal(s, out value)
        || (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    // Clinger's fast path: a plain decimal [-+]ddd[.ddd] with at most 15 significant digits and at most 22 decimals is
    // m / 10^k with m and 10^k exact doubles, so one IEEE division gives the correctly rounded value double.Parse
    // gives. Anything else (exponents, long mantissas, odd forms) goes to double.TryParse.
    private static bool TryShortDecimal(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false, anyDigit = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+')) { negative = s[0] == '-'; i = 1; }
        long mantissa = 0;
        int significant = 0, decimals = -1;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if ((uint)(c - '0') <= 9)
            {
                anyDigit = true;
                if ((mantissa != 0 || c != '0') && ++significant > 15) return false;
                mantissa = mantissa * 10 + (c - '0');
                if (decimals >= 0 && ++decimals > 22) return false;
            }
            else if (c == '.' && decimals < 0) decimals = 0;
            else return false;
        }
        if (!anyDigit) return false;
        value = mantissa / PowersOfTen[Math.Max(decimals, 0)];
        if (negative) value = -value;
        return true;
    }
}
