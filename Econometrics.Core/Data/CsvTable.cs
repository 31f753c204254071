using System.Buffers;
using System.Globalization;
using System.Text;

namespace Econometrics.Data;

/// <summary>
/// A CSV file read column by column into typed arrays: numbers as <c>double[]</c> (NaN when missing), text as
/// integer codes into the distinct labels, and the file line of every row. This is the reading path of every
/// loader; <see cref="CsvFrame"/> turns it into a Deedle frame for interop.
/// </summary>
/// <remarks>
/// The rules are those documented on <see cref="CsvFrame"/> (RFC 4180 quoting, trimmed cells, a column is numeric when
/// its first non-missing cell parses as a number). The reader streams the file once, keeps no per-cell strings, and
/// reports the first problem in the order a whole-file reader would: an unclosed quote, the header, a ragged row,
/// then the first malformed number of the leftmost such column.
/// </remarks>
internal sealed class CsvTable
{
    private CsvTable(string file, string[] names, CsvColumn[] columns, int[] lines, int rows)
    {
        File = file; Names = names; Columns = columns; Lines = lines; RowCount = rows;
    }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>Column names in file order.</summary>
    public string[] Names { get; }

    /// <summary>The columns, in file order.</summary>
    public CsvColumn[] Columns { get; }

    /// <summary>The 1-based file line on which each row starts.</summary>
    public int[] Lines { get; }

    /// <summary>Number of data rows (blank lines are not rows).</summary>
    public int RowCount { get; }

    /// <summary>Reads a CSV file with a header row.</summary>
    public static CsvTable Load(string path, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!System.IO.File.Exists(path)) throw new DataFormatException($"File '{path}' does not exist.", path);
        using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
        return Read(reader, path, options ?? new CsvOptions());
    }

    /// <summary>Reads CSV text from a reader.</summary>
    public static CsvTable Read(TextReader reader, string file, CsvOptions options)
    {
        var parser = new Parser(file, options);
        var buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) parser.Feed(buffer.AsSpan(0, read));
        }
        finally { ArrayPool<char>.Shared.Return(buffer); }
        return parser.Finish();
    }

    /// <summary>The CSV state machine: fields are collected in one scratch array and handed over a record at a time.</summary>
    private sealed class Parser(string file, CsvOptions options)
    {
        private readonly char _sep = options.Separator;
        private readonly SearchValues<char> _stops = SearchValues.Create([options.Separator, '\n', '\r', '"']);
        private readonly HashSet<string> _missing = new(options.MissingValues, StringComparer.Ordinal);
        private readonly int _longestMissing = options.MissingValues.Select(m => m.Length).DefaultIfEmpty(-1).Max();
        private char[] _scratch = new char[256];
        private int _len;                       // chars in _scratch
        private int[] _starts = new int[16];    // field starts in _scratch; field k ends where k + 1 starts
        private int _fields;
        private int _line = 1, _recordLine = 1;
        private bool _any;
        private State _state;

        // Table being built.
        private string[]? _names;
        private CsvColumn[] _columns = [];
        private int[] _lines = new int[1024];
        private int _rows;
        private DataFormatException? _headerError, _raggedError;
        private bool _sawRecord;

        private enum State { Field, Quoted, QuoteInQuoted }

        public void Feed(ReadOnlySpan<char> text)
        {
            int i = 0;
            while (i < text.Length)
            {
                char ch = text[i];
                switch (_state)
                {
                    case State.Quoted:
                    {
                        int stop = text[i..].IndexOfAny('"', '\n');
                        if (stop < 0) { Append(text[i..]); i = text.Length; _any = true; continue; }
                        Append(text.Slice(i, stop));
                        i += stop;
                        _any = true;
                        if (text[i] == '\n') { _line++; Append('\n'); }
                        else _state = State.QuoteInQuoted;
                        i++;
                        continue;
                    }
                    case State.QuoteInQuoted:
                        if (ch == '"') { Append('"'); _state = State.Quoted; i++; _any = true; continue; }
                        _state = State.Field;   // the quote closed the quoted part; reprocess ch unquoted
                        continue;
                }
                // Unquoted: copy the run up to the next character with a meaning.
                int run = text[i..].IndexOfAny(_stops);
                if (run < 0) { Append(text[i..]); _any = true; i = text.Length; continue; }
                if (run > 0) { Append(text.Slice(i, run)); _any = true; i += run; ch = text[i]; }
                i++;
                _any = true;
                if (ch == _sep) { NewField(); continue; }
                switch (ch)
                {
                    case '\r': break;
                    case '\n':
                        EndRecord();
                        _any = false;
                        _recordLine = ++_line;
                        break;
                    case '"':
                        if (CurrentField().IsWhiteSpace()) { _len = _starts[_fields]; _state = State.Quoted; }
                        else Append('"');
                        break;
                }
            }
        }

        public CsvTable Finish()
        {
            if (_state != State.Field) throw new DataFormatException("A quoted field is not closed.", file, _recordLine);
            if (_any) EndRecord();
            if (!_sawRecord) throw new DataFormatException("The file is empty; a header row was expected.", file);
            if (_headerError is not null) throw _headerError;
            if (_raggedError is not null) throw _raggedError;
            foreach (var c in _columns) c.Complete(_rows, file);
            Array.Resize(ref _lines, _rows);
            return new CsvTable(file, _names!, _columns, _lines, _rows);
        }

        private ReadOnlySpan<char> CurrentField() => _scratch.AsSpan(_starts[_fields], _len - _starts[_fields]);

        private ReadOnlySpan<char> Field(int k) =>
            _scratch.AsSpan(_starts[k], (k + 1 < _fields ? _starts[k + 1] : _len) - _starts[k]);

        private void Append(char c)
        {
            if (_len == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
            _scratch[_len++] = c;
        }

        private void Append(ReadOnlySpan<char> s)
        {
            if (_len + s.Length > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _len + s.Length));
            s.CopyTo(_scratch.AsSpan(_len));
            _len += s.Length;
        }

        private void NewField()
        {
            if (++_fields == _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
            _starts[_fields] = _len;
        }

        private void EndRecord()
        {
            _fields++;   // close the last field
            Record(_recordLine);
            _fields = 0; _len = 0; _starts[0] = 0;
        }

        private void Record(int line)
        {
            if (!_sawRecord)
            {
                _sawRecord = true;
                Header(line);
                return;
            }
            if (_headerError is not null || _raggedError is not null) return;   // the table is already an error
            if (_fields == 1 && Field(0).IsWhiteSpace()) return;                // a blank line is not a row
            if (_fields != _names!.Length)
            {
                _raggedError = new DataFormatException($"The row has {_fields} fields; the header has {_names.Length}.", file, line);
                return;
            }
            if (_rows == _lines.Length) Array.Resize(ref _lines, _lines.Length * 2);
            _lines[_rows] = line;
            for (int j = 0; j < _fields; j++)
            {
                var cell = Field(j).Trim();
                bool missing = cell.Length <= _longestMissing && _missing.GetAlternateLookup<ReadOnlySpan<char>>().Contains(cell);
                _columns[j].Add(_rows, line, cell, missing);
            }
            _rows++;
        }

        private void Header(int line)
        {
            var names = new string[_fields];
            for (int j = 0; j < _fields; j++)
            {
                names[j] = Field(j).Trim().ToString();
                if (names[j].Length == 0 && _headerError is null)
                    _headerError = new DataFormatException($"Header cell {j + 1} is empty.", file, line);
            }
            if (_headerError is null)
            {
                var dup = names.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
                if (dup is not null) _headerError = new DataFormatException($"Column name '{dup.Key}' appears twice in the header.", file, line);
            }
            _names = names;
            _columns = names.Select(n => new CsvColumn(n, options.TextColumns.Contains(n))).ToArray();
        }
    }
}

/// <summary>One column of a <see cref="CsvTable"/>: numbers, or text coded into its distinct labels.</summary>
internal sealed class CsvColumn
{
    private readonly bool _forceText;
    private int _pendingMissing;            // missing cells seen before the type was decided
    private double[]? _numbers;
    private int[]? _codes;
    private List<string>? _labels;
    private Dictionary<string, int>? _index;
    private (int Line, string Cell)? _badNumber;

    public CsvColumn(string name, bool forceText)
    {
        Name = name; _forceText = forceText;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Whether the column is numeric (a column whose cells are all missing is numeric unless declared text).</summary>
    public bool IsNumeric => _numbers is not null || (_codes is null && !_forceText);

    /// <summary>The line of the first non-missing cell, which decided the type (0 when every cell is missing).</summary>
    public int FirstLine { get; private set; }

    /// <summary>Values with NaN for missing (numeric columns only).</summary>
    public double[] Numbers => _numbers ?? throw new InvalidOperationException($"Column '{Name}' is text.");

    /// <summary>Codes into <see cref="Labels"/>, -1 for missing (text columns only).</summary>
    public int[] Codes => _codes ?? throw new InvalidOperationException($"Column '{Name}' is numeric.");

    /// <summary>Distinct labels in order of first appearance (text columns only).</summary>
    public IReadOnlyList<string> Labels => _labels ?? throw new InvalidOperationException($"Column '{Name}' is numeric.");

    internal void Add(int row, int line, ReadOnlySpan<char> cell, bool missing)
    {
        if (_numbers is null && _codes is null)
        {
            if (missing) { _pendingMissing++; return; }
            FirstLine = line;
            if (!_forceText && CsvFrame.TryNumber(cell, out _)) { _numbers = new double[1024]; Array.Fill(_numbers, double.NaN); }
            else { _codes = new int[1024]; Array.Fill(_codes, -1); _labels = []; _index = new(StringComparer.Ordinal); }
            Grow(_pendingMissing + 1);
        }
        Grow(row + 1);
        if (_numbers is not null)
        {
            if (missing) _numbers[row] = double.NaN;
            else if (!CsvFrame.TryNumber(cell, out _numbers[row]))
            {
                _numbers[row] = double.NaN;
                _badNumber ??= (line, cell.ToString());
            }
        }
        else if (!missing)
        {
            var lookup = _index!.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(cell, out int code))
            {
                code = _labels!.Count;
                var label = cell.ToString();
                _labels.Add(label);
                _index.Add(label, code);
            }
            _codes![row] = code;
        }
        else _codes![row] = -1;
    }

    internal void Complete(int rows, string file)
    {
        if (_badNumber is { } bad)
            throw new DataFormatException($"'{bad.Cell}' is not a number (the column is numeric from line {FirstLine}).", file, bad.Line, Name);
        if (_numbers is null && _codes is null)
        {
            if (_forceText) { _codes = new int[rows]; Array.Fill(_codes, -1); _labels = []; }
            else { _numbers = new double[rows]; Array.Fill(_numbers, double.NaN); }
        }
        if (_numbers is not null) Array.Resize(ref _numbers, rows);
        if (_codes is not null) Array.Resize(ref _codes, rows);
    }

    private void Grow(int size)
    {
        if (_numbers is not null && _numbers.Length < size)
        {
            int old = _numbers.Length;
            Array.Resize(ref _numbers, Math.Max(size, old * 2));
            _numbers.AsSpan(old).Fill(double.NaN);
        }
        else if (_codes is not null && _codes.Length < size)
        {
            int old = _codes.Length;
            Array.Resize(ref _codes, Math.Max(size, old * 2));
            _codes.AsSpan(old).Fill(-1);
        }
    }
}
