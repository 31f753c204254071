using System.Globalization;
using Deedle;
using Econometrics.Data;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics;

/// <summary>
/// A panel of numeric variables observed for N entities over T periods, stored as T x N matrices with NaN for
/// gaps. Entities and periods are sorted (periods numerically when every label is a number).
/// </summary>
/// <remarks>
/// Build it from a long-format frame (<see cref="FromFrame"/>), a CSV file (<see cref="Load"/>) or a T x N matrix
/// (<see cref="FromMatrix"/>). Construction rejects duplicate (entity, time) keys and non-numeric variables with a
/// <see cref="DataFormatException"/> naming them; missing cells become gaps and are counted in
/// <see cref="Diagnostics"/>.
/// </remarks>
public sealed class PanelData
{
    private readonly Dictionary<string, double[]> _values;

    private PanelData(string[] entities, string[] times, Dictionary<string, double[]> values, string[] variables,
        List<Diagnostic> diagnostics)
    {
        Entities = entities;
        Times = times;
        _values = values;
        Variables = variables;
        var parsed = times.Select(t => CsvFrame.TryNumber(t, out var v) ? v : double.NaN).ToArray();
        TimeValues = parsed.All(double.IsFinite) ? parsed : null;
        Diagnostics = diagnostics;
    }

    /// <summary>Entity labels, sorted.</summary>
    public IReadOnlyList<string> Entities { get; }

    /// <summary>Period labels, sorted.</summary>
    public IReadOnlyList<string> Times { get; }

    /// <summary>The name of the entity column ("firm"), for axis titles and legends; "entity" for a matrix.</summary>
    public string EntityName { get; private init; } = "entity";

    /// <summary>The name of the time column ("year"), for axis titles; "period" for a matrix.</summary>
    public string TimeName { get; private init; } = "period";

    /// <summary>Periods as numbers when every label is numeric, otherwise null.</summary>
    public IReadOnlyList<double>? TimeValues { get; }

    /// <summary>Variable names, in input order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Number of entities N.</summary>
    public int N => Entities.Count;

    /// <summary>Number of periods T.</summary>
    public int T => Times.Count;

    /// <summary>Conditions met while building the panel (missing cells turned into gaps).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether every variable is observed for every entity in every period.</summary>
    public bool IsBalanced => _values.Values.All(v => v.All(double.IsFinite));

    /// <summary>Number of (entity, time) cells where <paramref name="variable"/> is observed.</summary>
    /// <param name="variable">The variable.</param>
    public int NObs(string variable) => Values(variable).Count(double.IsFinite);

    /// <summary>The variable as a T x N matrix (rows periods, columns entities), NaN where not observed.</summary>
    /// <param name="variable">The variable.</param>
    public Matrix<double> Matrix(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return Matrix<double>.Build.Dense(T, N, (double[])Values(variable).Clone());
    }

    /// <summary>The variable's observation mask as a T x N matrix of 1 (observed) and 0 (gap).</summary>
    /// <param name="variable">The variable.</param>
    public Matrix<double> Mask(string variable)
    {
        var v = Values(variable);
        return Matrix<double>.Build.Dense(T, N, (t, i) => double.IsFinite(v[i * T + t]) ? 1.0 : 0.0);
    }

    /// <summary>Column-major T x N storage of a variable (shared, do not modify).</summary>
    internal double[] Values(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return _values.TryGetValue(variable, out var v) ? v
            : throw new ArgumentException($"Variable '{variable}' is not in the panel; it has: {string.Join(", ", Variables)}.", nameof(variable));
    }

    /// <summary>Loads a long-format CSV file (one row per entity and period) into a panel.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="entity">The entity column.</param>
    /// <param name="time">The time column.</param>
    /// <param name="variables">The variables to keep; all numeric columns but entity and time when empty.</param>
    public static PanelData Load(string path, string entity, string time, params string[] variables) =>
        Build(DataColumns.Load(path, new CsvOptions { TextColumns = new HashSet<string> { entity } }), entity, time, variables);

    /// <summary>Builds a panel from a long-format frame.</summary>
    /// <param name="frame">One row per entity and period.</param>
    /// <param name="entity">The entity column.</param>
    /// <param name="time">The time column.</param>
    /// <param name="variables">The variables to keep; all numeric columns but entity and time when empty.</param>
    public static PanelData FromFrame<TRow>(Frame<TRow, string> frame, string entity, string time, params string[] variables)
        where TRow : notnull =>
        Build(DataColumns.Of(frame), entity, time, variables);

    private static PanelData Build(DataColumns data, string entity, string time, string[] variables)
    {
        string? file = data.File;
        data.Require(entity, "entity");
        data.Require(time, "time");
        if (entity == time) throw new ArgumentException("The entity and time columns must differ.", nameof(time));

        var vars = variables.Length > 0 ? variables
            : data.Names.Where(c => c != entity && c != time && data.IsNumeric(c)).ToArray();
        if (vars.Length == 0) throw new DataFormatException("The data has no numeric variable besides the entity and time columns.", file);
        foreach (var v in vars)
        {
            if (!data.Contains(v)) throw new DataFormatException($"Variable '{v}' is not in the data; columns are: {string.Join(", ", data.Names)}.", file,
                null, v);
            if (v == entity || v == time)
                throw new DataFormatException($"Column '{v}' is the {(v == entity ? "entity" : "time")} column and cannot also be a variable.", file, null, v);
            if (data.FirstNonNumber(v) is { } bad)
                throw new DataFormatException($"Variable '{v}' is not numeric. Its cell '{bad.Cell}' is not a number.", file, data.Line(bad.Row), v);
        }

        var (ent, entLabels) = Keys(data, entity);
        var (tim, timLabels) = Keys(data, time);
        // Sorted position of each distinct label: entities and periods are stored in label order.
        var entities = Sorted(entLabels, out var entRank);
        var times = Sorted(timLabels, out var timRank);
        int n = entities.Length, T = times.Length, rows = data.RowCount;

        var cellRow = new int[T * n];
        Array.Fill(cellRow, -1);
        for (int r = 0; r < rows; r++)
        {
            int cell = entRank[ent[r]] * T + timRank[tim[r]];
            if (cellRow[cell] >= 0)
                throw new DataFormatException(
                    $"Duplicate key: entity '{entLabels[ent[r]]}' at time '{timLabels[tim[r]]}' appears in {Where(data, cellRow[cell], r)}.",
                    file, data.Line(r));
            cellRow[cell] = r;
        }

        var diagnostics = new List<Diagnostic>();
        var values = new Dictionary<string, double[]>();
        foreach (var v in vars)
        {
            var col = data.Numbers(v);
            var panel = new double[T * n];
            int missing = 0;
            for (int cell = 0; cell < cellRow.Length; cell++)
            {
                int r = cellRow[cell];
                double x = r < 0 ? double.NaN : col[r];
                if (r >= 0 && double.IsNaN(x)) missing++;
                panel[cell] = x;
            }
            if (missing > 0) diagnostics.Add(Diagnostic.Warning($"Variable '{v}' has {missing} missing value(s), treated as gaps.", "missing-values"));
            values[v] = panel;
        }
        int absent = cellRow.Count(r => r < 0);
        if (absent > 0) diagnostics.Add(Diagnostic.Info($"{absent} of {T * n} (entity, time) cells have no row; the panel is unbalanced.", "unbalanced"));
        return new PanelData(entities, times, values, vars, diagnostics) { EntityName = entity, TimeName = time };
    }

    // Row codes of a key column; a missing key names its row.
    private static (int[] Codes, string[] Labels) Keys(DataColumns data, string column)
    {
        var (codes, labels) = data.Codes(column);
        int r = Array.IndexOf(codes, -1);
        if (r >= 0) throw new DataFormatException($"The key column has a missing value in row {r + 1}.", data.File, data.Line(r), column);
        return (codes, labels);
    }

    private static string[] Sorted(string[] labels, out int[] rank)
    {
        var order = Enumerable.Range(0, labels.Length).ToArray();
        var comparer = LabelComparer.For(labels);
        Array.Sort(order, (a, b) => comparer.Compare(labels[a], labels[b]));
        rank = new int[labels.Length];
        for (int k = 0; k < order.Length; k++) rank[order[k]] = k;
        return order.Select(k => labels[k]).ToArray();
    }

    /// <summary>Builds a one-variable panel from a T x N matrix (rows periods, columns entities; NaN marks gaps).</summary>
    /// <param name="data">The T x N matrix.</param>
    /// <param name="variable">The variable's name.</param>
    /// <param name="entities">Entity labels (default "1".."N").</param>
    /// <param name="times">Period labels (default "1".."T").</param>
    public static PanelData FromMatrix(Matrix<double> data, string variable = "y", IReadOnlyList<string>? entities = null,
        IReadOnlyList<string>? times = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        int T = data.RowCount, n = data.ColumnCount;
        var ent = entities?.ToArray() ?? Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var tim = times?.ToArray() ?? Enumerable.Range(1, T).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (ent.Length != n) throw new ArgumentException($"{ent.Length} entity labels were given for {n} columns.", nameof(entities));
        if (tim.Length != T) throw new ArgumentException($"{tim.Length} time labels were given for {T} rows.", nameof(times));
        if (ent.Distinct().Count() != n) throw new ArgumentException("Entity labels must be distinct.", nameof(entities));
        if (tim.Distinct().Count() != T) throw new ArgumentException("Time labels must be distinct.", nameof(times));
        var values = data.ToColumnMajorArray();
        if (values.Any(double.IsInfinity))
            throw new ArgumentException("The matrix holds an infinite value; use NaN for gaps.", nameof(data));
        var diagnostics = new List<Diagnostic>();
        int gaps = values.Count(double.IsNaN);
        if (gaps > 0) diagnostics.Add(Diagnostic.Info($"{gaps} of {T * n} cells are NaN (gaps); the panel is unbalanced.", "unbalanced"));
        return new PanelData(ent, tim, new() { [variable] = values }, [variable], diagnostics);
    }

    /// <inheritdoc/>
    public override string ToString() => Summary().ToText();

    /// <summary>HTML fragment of <see cref="Summary"/>.</summary>
    public string ToHtml() => Summary().ToHtml();

    /// <summary>Markdown of <see cref="Summary"/>.</summary>
    public string ToMarkdown() => Summary().ToMarkdown();

    /// <summary>The summary's facts and tables as JSON.</summary>
    public string ToJson() => Summary().ToJson();

    /// <summary>Summary: dimensions, balance and per-variable descriptive statistics.</summary>
    public SummaryTable Summary()
    {
        var s = new SummaryTable("Panel data")
            .AddHeader("Entities (N)", N)
            .AddHeader("Periods (T)", T)
            .AddHeader("Balanced", IsBalanced ? "yes" : "no")
            .AddHeader("Periods", T == 0 ? "" : $"{Times[0]} .. {Times[^1]}");
        var table = new Table("Variables", "Variable", "Obs", "Mean", "Std. Dev.", "Min", "Max");
        foreach (var v in Variables)
        {
            var x = Values(v).Where(double.IsFinite).ToArray();
            table.AddRow(v, x.Length, x.Length > 0 ? x.Average() : double.NaN,
                x.Length > 1 ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(x) : double.NaN,
                x.Length > 0 ? x.Min() : double.NaN, x.Length > 0 ? x.Max() : double.NaN);
        }
        s.AddTable(table);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>One line per entity of <paramref name="variable"/> over time (periods by position when labels are not numeric).</summary>
    /// <param name="variable">The variable to draw.</param>
    public ScottPlot.Plot PlotTrajectories(string variable)
    {
        var v = Values(variable);
        var plot = Figures.Create($"{variable} by {EntityName}", TimeName, variable);
        // Bare numbers ("1", "2") are named by their column ("firm 1") so the legend reads on its own.
        bool numbered = Entities.All(e => CsvFrame.TryNumber(e, out _));
        var x = TimeValues?.ToArray() ?? Enumerable.Range(1, T).Select(t => (double)t).ToArray();
        for (int i = 0; i < N; i++)
        {
            var y = new double[T];
            Array.Copy(v, i * T, y, 0, T);
            var line = plot.Add.Scatter(x, y);
            line.LegendText = N <= 12 ? (numbered ? $"{EntityName} {Entities[i]}" : Entities[i]) : "";
            line.MarkerSize = 0;
        }
        if (N <= 12) plot.ShowLegendOutside();
        return plot;
    }

    private static string Where(DataColumns data, int first, int second) =>
        data.Line(first) is { } a && data.Line(second) is { } b ? $"lines {a} and {b}" : $"rows {first} and {second}";
}
