using System.Globalization;
using Deedle;
using Econometrics.Data;

namespace Econometrics.Mixtures;

/// <summary>
/// Wide longitudinal data for growth models: one row per person with outcomes Y1..Yp, individually varying
/// occasions T1..Tp, expert covariates x (direct effects on the growth factors) and gating covariates z (predictors
/// of class membership).
/// </summary>
/// <remarks>
/// Missing outcomes are allowed (full-information likelihood over the observed occasions); an observed outcome needs
/// its time. Within a person the observed times must increase. Persons with a missing covariate or with no observed
/// outcome are dropped and counted in <see cref="Diagnostics"/>.
/// </remarks>
public sealed class GrowthData
{
    internal GrowthData(string[] ids, double[] y, double[] t, int p, double[] x, string[] experts, double[] z,
        string[] gating, List<Diagnostic> diagnostics)
    {
        Ids = ids; Y = y; T = t; P = p; X = x; ExpertNames = experts; Z = z; GatingNames = gating;
        Diagnostics = diagnostics;
        Observed = new int[ids.Length];
        for (int i = 0; i < ids.Length; i++)
            for (int j = 0; j < p; j++)
                if (!double.IsNaN(y[i * p + j])) Observed[i]++;
    }

    /// <summary>The outcome columns as an axis title, e.g. "Y1..Y8" ("outcome" for data built from arrays).</summary>
    public string OutcomeName { get; private set; } = "outcome";

    /// <summary>The time columns as an axis title, e.g. "T1..T8" ("time" for data built from arrays).</summary>
    public string TimeName { get; private set; } = "time";

    /// <summary>Person identifiers, in row order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Number of persons N.</summary>
    public int N => Ids.Count;

    /// <summary>Number of occasion columns p.</summary>
    public int P { get; }

    /// <summary>Names of the expert covariates (effects on the growth factors).</summary>
    public IReadOnlyList<string> ExpertNames { get; }

    /// <summary>Names of the gating covariates (predictors of class membership).</summary>
    public IReadOnlyList<string> GatingNames { get; }

    /// <summary>Rows dropped and other conditions met while building the data.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Outcomes, row-major N x p, NaN where missing.</summary>
    internal double[] Y { get; }

    /// <summary>Occasions, row-major N x p (NaN only where the outcome is missing).</summary>
    internal double[] T { get; }

    /// <summary>Expert covariates, row-major N x m.</summary>
    internal double[] X { get; }

    /// <summary>Gating covariates, row-major N x G.</summary>
    internal double[] Z { get; }

    /// <summary>Observed occasions per person.</summary>
    internal int[] Observed { get; }

    /// <summary>Number of expert covariates m.</summary>
    internal int M => ExpertNames.Count;

    /// <summary>Number of gating covariates G.</summary>
    internal int G => GatingNames.Count;

    /// <summary>The outcome of person <paramref name="i"/> at occasion <paramref name="j"/> (NaN if missing).</summary>
    /// <param name="i">Person, 0-based.</param>
    /// <param name="j">Occasion, 0-based.</param>
    public double Outcome(int i, int j) => Y[i * P + j];

    /// <summary>The time of person <paramref name="i"/> at occasion <paramref name="j"/> (NaN if the outcome is missing).</summary>
    /// <param name="i">Person, 0-based.</param>
    /// <param name="j">Occasion, 0-based.</param>
    public double Time(int i, int j) => T[i * P + j];

    /// <summary>Summary: persons, occasions, covariates, and per occasion the observed count and mean outcome and time.</summary>
    public Econometrics.Reporting.SummaryTable Summary()
    {
        var s = new Econometrics.Reporting.SummaryTable("Growth data")
            .AddHeader("Persons (N)", N)
            .AddHeader("Occasions (p)", P)
            .AddHeader("Gating covariates", GatingNames.Count == 0 ? "none" : string.Join(", ", GatingNames))
            .AddHeader("Expert covariates", ExpertNames.Count == 0 ? "none" : string.Join(", ", ExpertNames));
        var table = new Econometrics.Reporting.Table("Occasions", "Occasion", "Observed", "Mean outcome", "Mean time");
        for (int j = 0; j < P; j++)
        {
            int n = 0; double y = 0, t = 0;
            for (int i = 0; i < N; i++)
                if (!double.IsNaN(Y[i * P + j])) { n++; y += Y[i * P + j]; t += T[i * P + j]; }
            table.AddRow(j + 1, n, n > 0 ? y / n : double.NaN, n > 0 ? t / n : double.NaN);
        }
        s.AddTable(table);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>Plain-text <see cref="Summary"/>.</summary>
    public override string ToString() => Summary().ToText();

    /// <summary>
    /// The same data with each person's times measured from their first observed occasion (t − t_first), as
    /// <c>nlpsem</c> re-baselines ages in the ECLS-K demo.
    /// </summary>
    public GrowthData FromFirstOccasion()
    {
        var t = (double[])T.Clone();
        for (int i = 0; i < N; i++)
        {
            double first = double.NaN;
            for (int j = 0; j < P && double.IsNaN(first); j++) first = T[i * P + j];
            for (int j = 0; j < P; j++) t[i * P + j] -= first;
        }
        return new GrowthData(Ids.ToArray(), (double[])Y.Clone(), t, P, X, ExpertNames.ToArray(), Z, GatingNames.ToArray(), [.. Diagnostics])
        {
            OutcomeName = OutcomeName, TimeName = TimeName + " from the first occasion",
        };
    }

    /// <summary>Loads wide data from a CSV file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="idColumn">The person identifier column.</param>
    /// <param name="yPrefix">Outcome columns are <c>{yPrefix}1</c>, <c>{yPrefix}2</c>, ...</param>
    /// <param name="tPrefix">Time columns are <c>{tPrefix}1</c>, <c>{tPrefix}2</c>, ...</param>
    /// <param name="gating">Gating covariate columns (may be empty).</param>
    /// <param name="experts">Expert covariate columns (may be empty).</param>
    /// <exception cref="DataFormatException">A column is missing or malformed, or times do not increase.</exception>
    public static GrowthData Load(string path, string idColumn, string yPrefix, string tPrefix,
        IEnumerable<string>? gating = null, IEnumerable<string>? experts = null) =>
        FromColumns(DataColumns.Load(path, new CsvOptions { TextColumns = new HashSet<string> { idColumn } }), idColumn, yPrefix, tPrefix,
            gating, experts);

    /// <summary>Builds wide data from a Deedle frame (rows are persons).</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="idColumn">The person identifier column.</param>
    /// <param name="yPrefix">Outcome columns are <c>{yPrefix}1</c>, <c>{yPrefix}2</c>, ...</param>
    /// <param name="tPrefix">Time columns are <c>{tPrefix}1</c>, <c>{tPrefix}2</c>, ...</param>
    /// <param name="gating">Gating covariate columns (may be empty).</param>
    /// <param name="experts">Expert covariate columns (may be empty).</param>
    /// <param name="file">A file name for error messages.</param>
    /// <exception cref="DataFormatException">A column is missing or malformed, or times do not increase.</exception>
    public static GrowthData FromFrame(Frame<int, string> frame, string idColumn, string yPrefix, string tPrefix,
        IEnumerable<string>? gating = null, IEnumerable<string>? experts = null, string? file = null) =>
        FromColumns(DataColumns.Of(frame, file), idColumn, yPrefix, tPrefix, gating, experts);

    private static GrowthData FromColumns(DataColumns data, string idColumn, string yPrefix, string tPrefix,
        IEnumerable<string>? gating, IEnumerable<string>? experts)
    {
        string? file = data.File;
        ArgumentException.ThrowIfNullOrWhiteSpace(idColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(yPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(tPrefix);
        var cols = new HashSet<string>(data.Names);
        if (!cols.Contains(idColumn)) throw new DataFormatException($"The id column '{idColumn}' is not in the data.", file, column: idColumn);
        if (yPrefix == tPrefix) throw new DataFormatException($"The outcome and time prefixes must differ; both are '{yPrefix}'.", file, column: yPrefix + "1");
        int p = 0;
        while (cols.Contains(yPrefix + (p + 1).ToString(CultureInfo.InvariantCulture))) p++;
        if (p == 0) throw new DataFormatException($"No outcome columns {yPrefix}1, {yPrefix}2, ... were found.", file, column: yPrefix + "1");
        for (int j = 1; j <= p; j++)
        {
            var tc = tPrefix + j.ToString(CultureInfo.InvariantCulture);
            if (!cols.Contains(tc)) throw new DataFormatException($"Time column '{tc}' is missing for outcome column '{yPrefix}{j}'.", file, column: tc);
        }
        var g = (gating ?? []).ToArray();
        var e = (experts ?? []).ToArray();
        foreach (var c in g.Concat(e))
            if (!cols.Contains(c)) throw new DataFormatException($"Covariate column '{c}' is not in the data.", file, column: c);

        int n = data.RowCount;
        string[] ids = data.Labels(idColumn).Select(v => v ?? "").ToArray();
        // Wide data have one row per person: a repeated id would count a person twice.
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < ids.Length; r++)
            if (!firstRow.TryAdd(ids[r], r))
                throw new DataFormatException($"Person '{ids[r]}' appears in lines {data.Line(firstRow[ids[r]])} and {data.Line(r)}; wide data " +
                    $"need one row per person.",
                    file, data.Line(r), idColumn);
        double[] Col(string name) => data.Numbers(name);
        var ycols = Enumerable.Range(1, p).Select(j => Col(yPrefix + j.ToString(CultureInfo.InvariantCulture))).ToArray();
        var tcols = Enumerable.Range(1, p).Select(j => Col(tPrefix + j.ToString(CultureInfo.InvariantCulture))).ToArray();
        var gcols = g.Select(Col).ToArray();
        var ecols = e.Select(Col).ToArray();
        var y = new double[n * p];
        var t = new double[n * p];
        var z = new double[n * g.Length];
        var x = new double[n * e.Length];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++) { y[i * p + j] = ycols[j][i]; t[i * p + j] = tcols[j][i]; }
            for (int c = 0; c < g.Length; c++) z[i * g.Length + c] = gcols[c][i];
            for (int c = 0; c < e.Length; c++) x[i * e.Length + c] = ecols[c][i];
        }
        var wide = Create(ids, y, t, p, x, e, z, g, tPrefix, file);
        // Plots name the user's own columns rather than "time" and "outcome".
        wide.OutcomeName = string.Create(CultureInfo.InvariantCulture, $"{yPrefix}1..{yPrefix}{p}");
        wide.TimeName = string.Create(CultureInfo.InvariantCulture, $"{tPrefix}1..{tPrefix}{p}");
        return wide;
    }

    /// <summary>Builds wide data from arrays (simulation, tests).</summary>
    /// <param name="ids">Person identifiers (N).</param>
    /// <param name="y">Outcomes, N x p row-major, NaN where missing.</param>
    /// <param name="t">Times, N x p row-major.</param>
    /// <param name="p">Occasions per person.</param>
    /// <param name="x">Expert covariates, N x m row-major.</param>
    /// <param name="experts">Expert covariate names (m).</param>
    /// <param name="z">Gating covariates, N x G row-major.</param>
    /// <param name="gating">Gating covariate names (G).</param>
    public static GrowthData FromArrays(IReadOnlyList<string> ids, double[] y, double[] t, int p, double[] x,
        IReadOnlyList<string> experts, double[] z, IReadOnlyList<string> gating)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (p < 1) throw new ArgumentOutOfRangeException(nameof(p), p, "At least one occasion is needed.");
        if (y.Length != ids.Count * p) throw new ArgumentException($"y has {y.Length} values; N x p = {ids.Count * p} were expected.", nameof(y));
        if (t.Length != ids.Count * p) throw new ArgumentException($"t has {t.Length} values; N x p = {ids.Count * p} were expected.", nameof(t));
        if (x.Length != ids.Count * experts.Count) throw new ArgumentException($"x has {x.Length} values; N x m = {ids.Count * experts.Count} were expected.",
            nameof(x));
        if (z.Length != ids.Count * gating.Count) throw new ArgumentException($"z has {z.Length} values; N x G = {ids.Count * gating.Count} were expected.",
            nameof(z));
        return Create(ids.ToArray(), (double[])y.Clone(), (double[])t.Clone(), p, (double[])x.Clone(), experts.ToArray(),
            (double[])z.Clone(), gating.ToArray(), "T", null);
    }

    private static GrowthData Create(string[] ids, double[] y, double[] t, int p, double[] x, string[] experts,
        double[] z, string[] gating, string tPrefix, string? file)
    {
        if (p < 3)
            throw new DataFormatException($"Growth models need at least 3 occasions; the data have {p}.", file, column: tPrefix + "1");
        int n = ids.Length, m = experts.Length, gc = gating.Length;
        var keep = new List<int>();
        int droppedCov = 0, droppedEmpty = 0;
        for (int i = 0; i < n; i++)
        {
            bool covMissing = false;
            for (int c = 0; c < m; c++) covMissing |= !double.IsFinite(x[i * m + c]);
            for (int c = 0; c < gc; c++) covMissing |= !double.IsFinite(z[i * gc + c]);
            if (covMissing) { droppedCov++; continue; }
            double last = double.NegativeInfinity; int lastJ = -1, obs = 0;
            for (int j = 0; j < p; j++)
            {
                double yv = y[i * p + j], tv = t[i * p + j];
                if (!double.IsFinite(yv)) { y[i * p + j] = double.NaN; t[i * p + j] = double.NaN; continue; }
                string col = tPrefix + (j + 1).ToString(CultureInfo.InvariantCulture);
                if (!double.IsFinite(tv))
                    throw new DataFormatException($"Person '{ids[i]}' has an outcome at occasion {j + 1} but no time.", file, i + 2, col);
                if (tv <= last)
                    throw new DataFormatException(
                        $"Times must increase within a person; person '{ids[i]}' has {tPrefix}{lastJ + 1} = " +
                            $"{last.ToString("R", CultureInfo.InvariantCulture)} and {col} = {tv.ToString("R", CultureInfo.InvariantCulture)}.",
                        file, i + 2, col);
                last = tv; lastJ = j; obs++;
            }
            if (obs == 0) { droppedEmpty++; continue; }
            keep.Add(i);
        }
        var diagnostics = new List<Diagnostic>();
        if (droppedCov > 0)
            diagnostics.Add(Diagnostic.Warning($"{droppedCov} person(s) with a missing covariate were dropped (listwise).", "missing-covariates"));
        if (droppedEmpty > 0)
            diagnostics.Add(Diagnostic.Warning($"{droppedEmpty} person(s) with no observed outcome were dropped.", "no-outcomes"));
        if (keep.Count == n) return new GrowthData(ids, y, t, p, x, experts, z, gating, diagnostics);
        var ids2 = keep.Select(i => ids[i]).ToArray();
        double[] Sub(double[] a, int w)
        {
            var r = new double[keep.Count * w]; for (int k = 0; k < keep.Count; k++) Array.Copy(a, keep[k] * w, r, k * w,
            w); return r;
        }
        return new GrowthData(ids2, Sub(y, p), Sub(t, p), p, Sub(x, m), experts, Sub(z, gc), gating, diagnostics);
    }

}
