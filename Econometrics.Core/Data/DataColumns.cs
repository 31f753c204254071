using System.Globalization;
using Deedle;

namespace Econometrics.Data;

/// <summary>
/// Named columns of a data set (a CSV file or a Deedle frame) with one rule for what is numeric and one way of
/// naming a bad cell. Every loader (panels, environments, growth data, compositions, SEM data) extracts its columns
/// here.
/// </summary>
/// <remarks>
/// The rule: a cell is missing when it is absent, null, NaN or (in a file) one of the missing markers; it is a number
/// when it is a finite double or another .NET numeric primitive (a CSV column is numeric when its first non-missing
/// cell parses as a number). Anything else, text included, is not a number. A bad cell is named by file, line and
/// column: the exact line for a file, and <c>row key + 2</c> for a frame keyed by row position as
/// <see cref="CsvFrame"/> produces.
/// </remarks>
public sealed class DataColumns
{
    private readonly CsvTable? _table;
    private readonly Func<string, object?[]>? _frameColumn;
    private readonly int[]? _frameLines;
    private readonly Dictionary<string, int> _position;
    private readonly Dictionary<string, object?[]> _frameCache = new(StringComparer.Ordinal);

    private DataColumns(string? file, string[] names, int rows, CsvTable? table, Func<string, object?[]>? frameColumn, int[]? frameLines)
    {
        File = file; Names = names; RowCount = rows; _table = table; _frameColumn = frameColumn; _frameLines = frameLines;
        _position = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The file name used in messages, or null.</summary>
    public string? File { get; }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns of a CSV file (the fast path: typed arrays, no per-cell objects).</summary>
    /// <exception cref="DataFormatException">The file has a header but no data rows.</exception>
    public static DataColumns Load(string path, CsvOptions? options = null)
    {
        var table = CsvTable.Load(path, options);
        // A header-only file would otherwise give N = T = 0 and empty results reported as success.
        if (table.RowCount == 0) throw new DataFormatException("The file has a header row but no data rows.", path);
        return Of(table);
    }

    /// <summary>The columns of a table read from CSV.</summary>
    internal static DataColumns Of(CsvTable table) =>
        new(table.File, table.Names, table.RowCount, table, null, null);

    /// <summary>The columns of a Deedle frame.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="file">A file name for messages, or null.</param>
    public static DataColumns Of<TRow>(Frame<TRow, string> frame, string? file = null) where TRow : notnull
    {
        ArgumentNullException.ThrowIfNull(frame);
        var keys = frame.RowKeys.ToArray();
        int[]? lines = keys is int[] ints ? ints.Select(k => k + 2).ToArray() : null;
        var types = frame.ColumnKeys.Zip(frame.ColumnTypes).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        object?[] Column(string name)
        {
            var cells = new object?[keys.Length];
            if (types[name] == typeof(double))
            {
                // The typed column in row order: no per-key lookup and no conversion of the vector to objects.
                int k = 0;
                foreach (var o in frame.GetColumn<double>(name).GetAllValues()) cells[k++] = o.HasValue ? o.Value : null;
                return cells;
            }
            var series = frame.GetColumn<object>(name);
            for (int r = 0; r < keys.Length; r++)
            {
                var o = series.TryGet(keys[r]);
                cells[r] = o.HasValue ? o.Value : null;
            }
            return cells;
        }
        return new(file, frame.ColumnKeys.ToArray(), keys.Length, null, Column, lines);
    }

    /// <summary>Whether the data has the column.</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _position.ContainsKey(name);
    }

    /// <summary>The file line of a row (null when the data did not come from a file and rows are not positions).</summary>
    public int? Line(int row) => _table is not null ? _table.Lines[row] : _frameLines?[row];

    /// <summary>Throws unless the column exists: "The {role} column 'x' is not in the data; columns are: ...".</summary>
    public void Require(string name, string role)
    {
        ArgumentNullException.ThrowIfNull(name); ArgumentNullException.ThrowIfNull(role);
        if (!Contains(name))
            throw new DataFormatException($"The {role} column '{name}' is not in the data; columns are: {string.Join(", ", Names)}.", File, null, name);
    }

    /// <summary>Whether every non-missing cell of the column is a number.</summary>
    public bool IsNumeric(string name) => FirstNonNumber(name) is null;

    /// <summary>The first cell that is neither missing nor a number, with its row, or null when the column is numeric.</summary>
    public (int Row, string Cell)? FirstNonNumber(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_table is not null)
        {
            var c = Column(name);
            if (c.IsNumeric) return null;
            for (int r = 0; r < RowCount; r++)
                if (c.Codes[r] >= 0) return (r, c.Labels[c.Codes[r]]);
            return null;
        }
        var cells = Cells(name);
        for (int r = 0; r < cells.Length; r++)
            if (cells[r] is { } v && !IsMissing(v) && !TryNumber(v, out _))
                return (r, Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
        return null;
    }

    /// <summary>
    /// The column as numbers, NaN where missing; a cell that is not a number throws
    /// "'cell' is not a number; {requirement}." naming its line and the column.
    /// </summary>
    /// <param name="name">The column.</param>
    /// <param name="requirement">Why it must be numeric (default "column 'name' must be numeric").</param>
    public double[] Numbers(string name, string? requirement = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (FirstNonNumber(name) is { } bad)
            throw new DataFormatException($"'{bad.Cell}' is not a number; {requirement ?? $"column '{name}' must be numeric"}.", File, Line(bad.Row), name);
        double[] values;
        if (_table is not null) values = Column(name).Numbers;
        else
        {
            var cells = Cells(name);
            values = new double[cells.Length];
            for (int r = 0; r < cells.Length; r++)
                values[r] = cells[r] is { } v && !IsMissing(v) && TryNumber(v, out var x) ? x : double.NaN;
        }
        CheckMagnitude(name, values);
        return values;
    }

    /// <summary>The largest magnitude a value may have: squares and sums of squares of n such values stay finite.</summary>
    public const double MaxMagnitude = 1e150;

    // Values near double's range overflow to Inf in variances and cross-products (and make LAPACK fail); name them here.
    private void CheckMagnitude(string name, double[] values)
    {
        for (int r = 0; r < values.Length; r++)
        {
            double v = values[r];
            if (double.IsInfinity(v) || Math.Abs(v) > MaxMagnitude)
                throw new DataFormatException(
                    $"{v.ToString("R", CultureInfo.InvariantCulture)} is too large in magnitude; values must be finite and below 1e150 so that " +
                    "sums of squares stay finite. Rescale the column.", File, Line(r), name);
        }
    }

    /// <summary>
    /// The column as labels coded 0..L-1 in order of first appearance (-1 where missing); numbers are labelled by
    /// their shortest round-trip invariant text ("1935", "2.5").
    /// </summary>
    public (int[] Codes, string[] Labels) Codes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_table is not null)
        {
            var c = Column(name);
            return c.IsNumeric ? CodeNumbers(c.Numbers) : (c.Codes, c.Labels.ToArray());
        }
        var cells = Cells(name);
        var codes = new int[cells.Length];
        var labels = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < cells.Length; r++)
        {
            if (cells[r] is not { } v || IsMissing(v)) { codes[r] = -1; continue; }
            var text = TryNumber(v, out var x) ? x.ToString(CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            if (!index.TryGetValue(text, out int code)) { code = labels.Count; labels.Add(text); index.Add(text, code); }
            codes[r] = code;
        }
        return (codes, labels.ToArray());
    }

    /// <summary>The column as one label per row (null where missing).</summary>
    public string?[] Labels(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (codes, labels) = Codes(name);
        return codes.Select(c => c < 0 ? null : labels[c]).ToArray();
    }

    /// <summary>The rule for frame cells: a finite double or another numeric primitive (not bool, char or text).</summary>
    public static bool TryNumber(object cell, out double value)
    {
        switch (cell)
        {
            case double d: value = d; break;
            case float f: value = f; break;
            case int or long or short or sbyte or byte or ushort or uint or ulong or decimal:
                value = ((IConvertible)cell).ToDouble(CultureInfo.InvariantCulture); break;
            default: value = double.NaN; return false;
        }
        return double.IsFinite(value);
    }

    private static bool IsMissing(object cell) => cell is double d ? double.IsNaN(d) : cell is float f && float.IsNaN(f);

    // Distinct numbers keyed by their bits, so 0 and -0 (printed differently) stay apart and each is formatted once.
    private static (int[] Codes, string[] Labels) CodeNumbers(double[] values)
    {
        var codes = new int[values.Length];
        var labels = new List<string>();
        var index = new Dictionary<long, int>();
        for (int r = 0; r < values.Length; r++)
        {
            double v = values[r];
            if (double.IsNaN(v)) { codes[r] = -1; continue; }
            long bits = BitConverter.DoubleToInt64Bits(v);
            if (!index.TryGetValue(bits, out int code))
            {
                code = labels.Count;
                labels.Add(v.ToString(CultureInfo.InvariantCulture));
                index.Add(bits, code);
            }
            codes[r] = code;
        }
        return (codes, labels.ToArray());
    }

    private CsvColumn Column(string name) => _table!.Columns[Position(name)];

    private object?[] Cells(string name)
    {
        Position(name);
        if (!_frameCache.TryGetValue(name, out var cells)) _frameCache[name] = cells = _frameColumn!(name);
        return cells;
    }

    private int Position(string name) => _position.TryGetValue(name, out int p) ? p
        : throw new DataFormatException($"Column '{name}' is not in the data; columns are: {string.Join(", ", Names)}.", File, null, name);
}
