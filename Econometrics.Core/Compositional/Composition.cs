using System.Globalization;
using Deedle;
using Econometrics.Compositional;
using Econometrics.Data;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Econometrics;

/// <summary>
/// Compositional data: rows are samples, columns are parts of a whole (oxides, taxa, budget shares). Only ratios
/// between parts carry information, so the type offers closure and the log-ratio transforms (clr, alr, pivot ilr)
/// with their inverses, subcompositions and amalgamation.
/// </summary>
/// <remarks>
/// Every value is strictly positive and finite; a zero or negative value is an error naming its row and part, unless
/// a <see cref="ZeroReplacement"/> is given. Rows need not be closed: every log-ratio quantity is invariant to
/// rescaling rows. Natural logarithms throughout.
/// </remarks>
public sealed class Composition
{
    private readonly Matrix<double> _x;
    private readonly string[] _parts;

    private Composition(Matrix<double> x, string[] parts, IReadOnlyList<Diagnostic> diagnostics)
    {
        _x = x; _parts = parts; Diagnostics = diagnostics;
    }

    /// <summary>The part names, in column order.</summary>
    public IReadOnlyList<string> Parts => _parts;

    /// <summary>Number of samples (rows).</summary>
    public int NObs => _x.RowCount;

    /// <summary>Number of parts, D.</summary>
    public int NParts => _x.ColumnCount;

    /// <summary>What happened while building the composition (for example, how many zeros were replaced).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The values, <c>NObs x NParts</c> (a copy).</summary>
    public Matrix<double> Values => _x.Clone();

    /// <summary>One value.</summary>
    /// <param name="row">0-based sample index.</param>
    /// <param name="part">0-based part index.</param>
    public double this[int row, int part] => _x[row, part];

    internal Matrix<double> Raw => _x;

    /// <summary>A composition from a matrix (rows = samples, columns = parts).</summary>
    /// <param name="values">Strictly positive values, unless <paramref name="zeros"/> is given.</param>
    /// <param name="parts">Part names; default "x1", "x2", ...</param>
    /// <param name="zeros">How to replace zeros; null means zeros are an error.</param>
    /// <exception cref="ArgumentException">Fewer than 2 parts or 1 sample, non-finite, negative or (without replacement) zero values, or a row
    /// summing to zero; the message names the first offending row and part.</exception>
    public static Composition From(Matrix<double> values, IReadOnlyList<string>? parts = null, ZeroReplacement? zeros = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = parts?.ToArray() ?? Enumerable.Range(1, values.ColumnCount).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Length != values.ColumnCount)
            throw new ArgumentException($"{names.Length} part names were given for {values.ColumnCount} columns.", nameof(parts));
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException("Part names must be distinct.", nameof(parts));
        if (values.ColumnCount < 2)
            throw new ArgumentException($"A composition needs at least 2 parts; got {values.ColumnCount}.", nameof(values));
        if (values.RowCount < 1)
            throw new ArgumentException("A composition needs at least one sample (row).", nameof(values));
        var x = Matrix<double>.Build.DenseOfMatrix(values);
        Validate(x, names, allowZeros: zeros is not null);
        if (zeros is null || !x.Exists(v => v == 0)) return new Composition(x, names, []);
        var (replaced, diagnostics) = zeros.Replace(x, names);
        return new Composition(replaced, names, diagnostics);
    }

    /// <summary>A composition from a two-dimensional array (rows = samples, columns = parts).</summary>
    /// <param name="values">The values.</param>
    /// <param name="parts">Part names; default "x1", "x2", ...</param>
    /// <param name="zeros">How to replace zeros; null means zeros are an error.</param>
    public static Composition From(double[,] values, IReadOnlyList<string>? parts = null, ZeroReplacement? zeros = null) =>
        From(Matrix<double>.Build.DenseOfArray(values ?? throw new ArgumentNullException(nameof(values))), parts, zeros);

    /// <summary>A composition from the numeric columns of a data frame.</summary>
    /// <param name="frame">The frame (rows = samples).</param>
    /// <param name="parts">The columns that are parts; null means every column.</param>
    /// <param name="zeros">How to replace zeros; null means zeros are an error.</param>
    /// <param name="source">A file name used in error messages.</param>
    /// <exception cref="DataFormatException">A part column is missing, not numeric, or has a missing, zero or negative value.</exception>
    public static Composition FromFrame(Frame<int, string> frame, IReadOnlyList<string>? parts = null, ZeroReplacement? zeros = null, string? source = null) =>
        FromColumns(DataColumns.Of(frame, source), parts, zeros);

    private static Composition FromColumns(DataColumns data, IReadOnlyList<string>? parts, ZeroReplacement? zeros)
    {
        var names = (parts is { Count: > 0 } ? parts : data.Names).ToArray();
        var x = Matrix<double>.Build.Dense(data.RowCount, names.Length);
        for (int j = 0; j < names.Length; j++)
        {
            if (!data.Contains(names[j]))
                throw new DataFormatException($"Part '{names[j]}' is not a column; the columns are {string.Join(", ", data.Names)}.", data.File,
                    column: names[j]);
            var col = data.Numbers(names[j], "every part must be a numeric column");
            for (int i = 0; i < col.Length; i++)
            {
                if (double.IsNaN(col[i]))
                    throw new DataFormatException("The value is missing; compositions need every part observed.", data.File, data.Line(i), names[j]);
                x[i, j] = col[i];
            }
        }
        try
        {
            return From(x, names, zeros);
        }
        catch (ArgumentException e) when (e is not DataFormatException && e.Data["row"] is int row && e.Data["part"] is string part)
        {
            throw new DataFormatException(e.Message.Split(" (Parameter")[0], data.File, data.Line(row), part);
        }
    }

    /// <summary>Loads a composition from a CSV file with a header row.</summary>
    /// <param name="path">The file.</param>
    /// <param name="parts">The columns that are parts; null means every column.</param>
    /// <param name="zeros">How to replace zeros; null means zeros are an error.</param>
    public static Composition Load(string path, IReadOnlyList<string>? parts = null, ZeroReplacement? zeros = null) =>
        FromColumns(DataColumns.Load(path), parts, zeros);

    private static void Validate(Matrix<double> x, string[] names, bool allowZeros)
    {
        // One pass in storage order finds whether anything is wrong; only then is the matrix rescanned row by row, so
        // the message names the first offending row as a reader counts them.
        if (IsValid(x.AsColumnMajorArray() ?? x.ToColumnMajorArray(), x.RowCount, allowZeros)) return;
        for (int i = 0; i < x.RowCount; i++)
        {
            double sum = 0;
            for (int j = 0; j < x.ColumnCount; j++)
            {
                double v = x[i, j];
                if (!double.IsFinite(v)) throw Bad(i, names[j], $"Row {i + 1}, part '{names[j]}': the value {Fmt(v)} is not a finite number.");
                if (v < 0) throw Bad(i, names[j], $"Row {i + 1}, part '{names[j]}': the value {Fmt(v)} is negative; parts of a composition are " +
                    $"amounts or shares, never negative.");
                sum += v;
            }
            if (sum == 0) throw Bad(i, names[0], $"Row {i + 1} sums to zero (every part is 0); it carries no compositional information, so drop it.");
            if (!allowZeros)
                for (int j = 0; j < x.ColumnCount; j++)
                    if (x[i, j] == 0)
                        throw Bad(i, names[j], $"Row {i + 1}, part '{names[j]}' is 0; log-ratios need strictly positive parts. " +
                                               "Choose a zero replacement (multiplicative or Bayesian-multiplicative) or drop the part.");
        }
    }

    private static bool IsValid(double[] a, int n, bool allowZeros)
    {
        var total = new double[n];
        for (int o = 0; o < a.Length; o += n)
            for (int i = 0; i < n; i++)
            {
                double v = a[o + i];
                // Finite and positive (or zero when zeros are replaced); NaN fails both comparisons.
                if (!(v < double.PositiveInfinity && (v > 0 || (allowZeros && v == 0)))) return false;
                total[i] += v;
            }
        return Array.TrueForAll(total, s => s > 0);
    }

    private static ArgumentException Bad(int row, string part, string message)
    {
        var e = new ArgumentException(message, "values");
        e.Data["row"] = row; e.Data["part"] = part;
        return e;
    }

    private static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private int IndexOf(string part, string paramName) =>
        Array.IndexOf(_parts, part) is var k and >= 0 ? k
            : throw new ArgumentException($"'{part}' is not a part; the parts are {string.Join(", ", _parts)}.", paramName);

    /// <summary>The composition closed so that every row sums to <paramref name="total"/>.</summary>
    /// <param name="total">The row total, positive (1 for proportions, 100 for percentages).</param>
    public Composition Closure(double total = 1.0)
    {
        if (!(total > 0) || !double.IsFinite(total)) throw new ArgumentOutOfRangeException(nameof(total), total, "The total must be positive and finite.");
        var y = _x.Clone();
        for (int i = 0; i < y.RowCount; i++)
        {
            double s = y.Row(i).Sum();
            for (int j = 0; j < y.ColumnCount; j++) y[i, j] = y[i, j] / s * total;
        }
        return new Composition(y, _parts, Diagnostics);
    }

    /// <summary>Centred log-ratio coordinates <c>clr(x)_j = log x_j - mean_k log x_k</c> (<c>NObs x NParts</c>, rows sum to 0).</summary>
    public Matrix<double> Clr() => LogRatio.Clr(_x);

    /// <summary>Additive log-ratio coordinates <c>log(x_k / x_r)</c> for every part k except the reference r (<c>NObs x (NParts-1)</c>).</summary>
    /// <param name="reference">The reference (divisor) part; null means the last part.</param>
    public Matrix<double> Alr(string? reference = null) => LogRatio.Alr(_x, reference is null ? NParts - 1 : IndexOf(reference, nameof(reference)));

    /// <summary>Pivot (isometric) log-ratio coordinates as in robCompositions' <c>pivotCoord</c>:
    /// <c>z_k = sqrt((D-k)/(D-k+1)) log(x_k / g(x_{k+1}, ..., x_D))</c>, k = 1..D-1.</summary>
    public Matrix<double> Ilr() => LogRatio.Clr(_x) * LogRatio.PivotBasis(NParts);

    /// <summary>The composition whose clr coordinates are <paramref name="clr"/> (closed to 1).</summary>
    /// <param name="clr">clr coordinates, <c>n x D</c>.</param>
    /// <param name="parts">Part names; default x1..xD.</param>
    public static Composition FromClr(Matrix<double> clr, IReadOnlyList<string>? parts = null)
    {
        ArgumentNullException.ThrowIfNull(clr);
        return From(LogRatio.ClosedExp(clr), parts);
    }

    /// <summary>The composition whose alr coordinates are <paramref name="alr"/> (closed to 1); the reference part is inserted at <paramref
    /// name="referenceIndex"/>.</summary>
    /// <param name="alr">alr coordinates, <c>n x (D-1)</c>.</param>
    /// <param name="referenceIndex">0-based position of the reference part in the result; null means last.</param>
    /// <param name="parts">Part names of the result (D names); default x1..xD.</param>
    public static Composition FromAlr(Matrix<double> alr, int? referenceIndex = null, IReadOnlyList<string>? parts = null)
    {
        ArgumentNullException.ThrowIfNull(alr);
        int d = alr.ColumnCount + 1, r = referenceIndex ?? d - 1;
        if (r < 0 || r >= d) throw new ArgumentOutOfRangeException(nameof(referenceIndex), r, $"The reference index must be in 0..{d - 1}.");
        var l = Matrix<double>.Build.Dense(alr.RowCount, d);
        for (int i = 0; i < alr.RowCount; i++)
            for (int k = 0, c = 0; k < d; k++)
                l[i, k] = k == r ? 0.0 : alr[i, c++];
        return From(LogRatio.ClosedExp(l), parts);
    }

    /// <summary>The composition whose pivot coordinates are <paramref name="ilr"/> (closed to 1).</summary>
    /// <param name="ilr">Pivot coordinates, <c>n x (D-1)</c>.</param>
    /// <param name="parts">Part names; default x1..xD.</param>
    public static Composition FromIlr(Matrix<double> ilr, IReadOnlyList<string>? parts = null)
    {
        ArgumentNullException.ThrowIfNull(ilr);
        return FromClr(ilr * LogRatio.PivotBasis(ilr.ColumnCount + 1).Transpose(), parts);
    }

    /// <summary>The subcomposition of the named parts (in the order given).</summary>
    /// <param name="parts">At least two distinct parts.</param>
    public Composition Subcomposition(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length < 2) throw new ArgumentException("A subcomposition needs at least 2 parts.", nameof(parts));
        var idx = parts.Select(p => IndexOf(p, nameof(parts))).ToArray();
        if (idx.Distinct().Count() != idx.Length) throw new ArgumentException("Subcomposition parts must be distinct.", nameof(parts));
        var y = Matrix<double>.Build.Dense(NObs, idx.Length, (i, j) => _x[i, idx[j]]);
        return new Composition(y, parts.ToArray(), Diagnostics);
    }

    /// <summary>Amalgamation: the named parts are replaced by one part, their sum, placed where the first of them was.</summary>
    /// <param name="name">The new part's name (must not clash with the remaining parts).</param>
    /// <param name="parts">At least two distinct parts to add up.</param>
    public Composition Amalgamate(string name, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length < 2) throw new ArgumentException("Amalgamation needs at least 2 parts.", nameof(parts));
        var idx = parts.Select(p => IndexOf(p, nameof(parts))).ToHashSet();
        if (idx.Count != parts.Length) throw new ArgumentException("Amalgamated parts must be distinct.", nameof(parts));
        int first = idx.Min();
        var keep = Enumerable.Range(0, NParts).Where(j => j == first || !idx.Contains(j)).ToArray();
        var names = keep.Select(j => j == first ? name : _parts[j]).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException($"The name '{name}' is already a remaining part.", nameof(name));
        if (names.Length < 2) throw new ArgumentException("Amalgamating every part leaves a single part, which is not a composition.", nameof(parts));
        var y = Matrix<double>.Build.Dense(NObs, keep.Length, (i, c) => keep[c] == first ? idx.Sum(j => _x[i, j]) : _x[i, keep[c]]);
        return new Composition(y, names, Diagnostics);
    }

    /// <summary>A ternary diagram of three parts (closed to 1 within the three).</summary>
    /// <param name="a">Bottom-left vertex part.</param>
    /// <param name="b">Bottom-right vertex part.</param>
    /// <param name="c">Top vertex part.</param>
    public Plot PlotTernary(string a, string b, string c)
    {
        ArgumentNullException.ThrowIfNull(a); ArgumentNullException.ThrowIfNull(b); ArgumentNullException.ThrowIfNull(c);
        var sub = Subcomposition(a, b, c);
        return CompositionalPlots.Ternary(sub.Closure().Raw, [a, b, c]);
    }

    /// <inheritdoc/>
    public override string ToString() => Summary().ToText();

    /// <summary>HTML fragment of <see cref="Summary"/>.</summary>
    public string ToHtml() => Summary().ToHtml();

    /// <summary>Markdown of <see cref="Summary"/>.</summary>
    public string ToMarkdown() => Summary().ToMarkdown();

    /// <summary>The summary's facts and tables as JSON.</summary>
    public string ToJson() => Summary().ToJson();

    /// <summary>A short description: samples, parts and the range of row totals.</summary>
    public SummaryTable Summary()
    {
        var totals = Enumerable.Range(0, NObs).Select(i => _x.Row(i).Sum()).ToArray();
        var s = new SummaryTable("Composition")
            .AddHeader("Samples", NObs)
            .AddHeader("Parts", NParts)
            .AddHeader("Row totals", $"{Fmt(totals.Min())} to {Fmt(totals.Max())}");
        var t = new Table("Parts (closed to 1)", "Part", "Mean share", "Geometric mean", "clr variance");
        var clr = Clr();
        var closed = Closure().Raw;
        for (int j = 0; j < NParts; j++)
        {
            var col = clr.Column(j);
            double m = col.Average();
            t.AddRow(_parts[j], closed.Column(j).Average(), Math.Exp(closed.Column(j).Select(v => Math.Log(v)).Average()),
                     col.Sum(v => (v - m) * (v - m)) / Math.Max(1, NObs - 1));
        }
        s.AddTable(t);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }
}
