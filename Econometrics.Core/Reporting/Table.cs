namespace Econometrics.Reporting;

/// <summary>A rectangular block of a <see cref="SummaryTable"/>: a caption, column names and rows of cells.</summary>
public sealed class Table
{
    private readonly List<IReadOnlyList<Cell>> _rows = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="caption">The caption printed above the table (may be empty).</param>
    /// <param name="columns">The column names; the first is usually the row label.</param>
    public Table(string caption, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(caption); ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Caption = caption;
        Columns = columns;
    }

    /// <summary>The caption.</summary>
    public string Caption { get; }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<Cell>> Rows => _rows;

    /// <summary>Appends a row.</summary>
    /// <param name="cells">One cell per column.</param>
    /// <returns>This table, for chaining.</returns>
    public Table AddRow(params Cell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"Row has {cells.Length} cells; table '{Caption}' has {Columns.Count} columns.", nameof(cells));
        _rows.Add(cells);
        return this;
    }
}
