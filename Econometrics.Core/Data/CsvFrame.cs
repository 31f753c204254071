using System.Globalization;
using System.Text;
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
    public static Frame<int, string> Load(string path, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new DataFormatException($"File '{path}' does not exist.", path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader, path, options ?? new CsvOptions());
    }

    /// <summary>Parses CSV text with a header row (for tests and in-memory data).</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="name">A name used in error messages.</param>
    /// <param name="options">Parsing options; defaults when null.</param>
    public static Frame<int, string> ParseText(string text, string name = "<text>", CsvOptions? options = null) =>
        Parse(new StringReader(text), name, options ?? new CsvOptions());

    private static Frame<int, string> Parse(TextReader reader, string file, CsvOptions options)
    {
        var records = ReadRecords(reader, file, options.Separator).ToList();
        if (records.Count == 0) throw new DataFormatException("The file is empty; a header row was expected.", file);
        var (headerLine, header) = records[0];
        for (int j = 0; j < header.Length; j++)
        {
            header[j] = header[j].Trim();
            if (header[j].Length == 0) throw new DataFormatException($"Header cell {j + 1} is empty.", file, headerLine);
        }
        var dup = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new DataFormatException($"Column name '{dup.Key}' appears twice in the header.", file, headerLine);

        var rows = records.Skip(1).Where(r => !(r.Fields.Length == 1 && r.Fields[0].Trim().Length == 0)).ToList();
        foreach (var (line, fields) in rows)
            if (fields.Length != header.Length)
                throw new DataFormatException($"The row has {fields.Length} fields; the header has {header.Length}.", file, line);

        var keys = Enumerable.Range(0, rows.Count).ToArray();
        var builder = new FrameBuilder.Columns<int, string>();
        for (int j = 0; j < header.Length; j++)
        {
            var name = header[j];
            var cells = rows.Select(r => r.Fields[j].Trim()).ToArray();
            int first = Array.FindIndex(cells, c => !options.MissingValues.Contains(c));
            bool numeric = !options.TextColumns.Contains(name) && (first < 0 || TryNumber(cells[first], out _));
            if (numeric)
            {
                var values = new double[cells.Length];
                for (int i = 0; i < cells.Length; i++)
                {
                    if (options.MissingValues.Contains(cells[i])) values[i] = double.NaN;
                    else if (!TryNumber(cells[i], out values[i]))
                        throw new DataFormatException($"'{cells[i]}' is not a number (the column is numeric from line {rows[first].Line}).",
                            file, rows[i].Line, name);
                }
                builder.Add(name, new Series<int, double>(keys, values));
            }
            else
            {
                var values = cells.Select(c => options.MissingValues.Contains(c) ? null : c).ToArray();
                builder.Add(name, new Series<int, string?>(keys, values));
            }
        }
        return builder.Frame;
    }

    /// <summary>Parses a number with the invariant culture; infinities are rejected as malformed.</summary>
    internal static bool TryNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    // RFC 4180: quoted fields may hold separators, doubled quotes and line breaks.
    private static IEnumerable<(int Line, string[] Fields)> ReadRecords(TextReader reader, string file, char sep)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, c;
        bool quoted = false, any = false;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.ToString().Trim().Length == 0) { field.Clear(); quoted = true; }
            else if (ch == sep) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                fields.Add(field.ToString()); field.Clear();
                yield return (recordLine, fields.ToArray());
                fields.Clear();
                any = false;
                recordLine = ++line;
            }
            else field.Append(ch);
        }
        if (quoted) throw new DataFormatException("A quoted field is not closed.", file, recordLine);
        if (any) { fields.Add(field.ToString()); yield return (recordLine, fields.ToArray()); }
    }
}
