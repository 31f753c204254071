using System.Globalization;
using Deedle;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// Observations of a target and p predictors collected in K environments (experimental conditions, regimes,
/// sites), as invariance methods consume them: rows grouped by environment, environments in order of first
/// appearance (as R's <c>unique()</c> orders them).
/// </summary>
/// <remarks>
/// Construction checks what every invariance method needs and names the culprit when it fails: at least two
/// environments, every environment with more rows than predictors (and at least 3, as ICP requires), and
/// predictors that are not collinear in the pooled data. Rows with a missing value in a used column are dropped
/// and counted in <see cref="Diagnostics"/>.
/// </remarks>
public sealed class Environments
{
    private readonly int[] _offsets;

    private Environments(string target, string[] predictors, string[] names, int[] offsets, Matrix<double> x, double[] y,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Target = target; Predictors = predictors; Names = names; _offsets = offsets; X = x; Y = y; Diagnostics = diagnostics;
    }

    /// <summary>The target (response) variable's name.</summary>
    public string Target { get; }

    /// <summary>The name of the environment column ("env"), for axis titles; "environment" when not loaded from data.</summary>
    public string EnvironmentName { get; private set; } = "environment";

    /// <summary>The predictor names, in column order.</summary>
    public IReadOnlyList<string> Predictors { get; }

    /// <summary>The environment labels, in order of first appearance.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of environments K.</summary>
    public int K => Names.Count;

    /// <summary>Number of predictors p.</summary>
    public int P => Predictors.Count;

    /// <summary>Total number of rows N.</summary>
    public int N => Y.Length;

    /// <summary>Rows dropped for missing values and similar conditions.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The N x p predictor matrix, rows grouped by environment.</summary>
    internal Matrix<double> X { get; }

    /// <summary>The target, rows grouped by environment.</summary>
    internal double[] Y { get; }

    /// <summary>Number of rows in environment <paramref name="k"/>.</summary>
    /// <param name="k">Environment index, 0-based.</param>
    public int Count(int k) => _offsets[k + 1] - _offsets[k];

    /// <summary>First row of environment <paramref name="k"/>.</summary>
    internal int Start(int k) => _offsets[k];

    /// <summary>The predictor rows of environment <paramref name="k"/> (a copy).</summary>
    /// <param name="k">Environment index, 0-based.</param>
    public Matrix<double> PredictorsOf(int k) => X.SubMatrix(_offsets[k], Count(k), 0, P);

    /// <summary>The target values of environment <paramref name="k"/> (a copy).</summary>
    /// <param name="k">Environment index, 0-based.</param>
    public double[] TargetOf(int k) => Y[_offsets[k].._offsets[k + 1]];

    /// <summary>The environment index of every row, in the stored (grouped) order.</summary>
    public int[] EnvironmentIndex()
    {
        var e = new int[N];
        for (int k = 0; k < K; k++) Array.Fill(e, k, _offsets[k], Count(k));
        return e;
    }

    /// <summary>Summary: target, predictors, and per environment its rows and the target's mean and standard deviation.</summary>
    public Econometrics.Reporting.SummaryTable Summary()
    {
        var s = new Econometrics.Reporting.SummaryTable("Environments")
            .AddHeader("Target", Target)
            .AddHeader("Predictors", string.Join(", ", Predictors))
            .AddHeader("Rows (N)", N)
            .AddHeader("Environments (K)", K);
        var table = new Econometrics.Reporting.Table("Rows by environment", "Environment", "Rows", $"Mean {Target}", $"SD {Target}");
        for (int k = 0; k < K; k++)
        {
            var y = TargetOf(k);
            table.AddRow(Names[k], y.Length, y.Average(), MathNet.Numerics.Statistics.Statistics.StandardDeviation(y));
        }
        s.AddTable(table);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>Plain-text <see cref="Summary"/>.</summary>
    public override string ToString() => Summary().ToText();

    /// <summary>Loads a CSV file with a header row.</summary>
    /// <param name="path">The file.</param>
    /// <param name="target">The target column.</param>
    /// <param name="environment">The environment column (numbers or text).</param>
    /// <param name="predictors">The predictor columns.</param>
    /// <exception cref="DataFormatException">A column is missing or malformed.</exception>
    public static Environments Load(string path, string target, string environment, IReadOnlyList<string> predictors)
    {
        return Build(DataColumns.Load(path, new CsvOptions { TextColumns = new HashSet<string> { environment } }), target, environment, predictors);
    }

    /// <summary>Builds the environments from a data frame.</summary>
    /// <typeparam name="TRow">The frame's row key type.</typeparam>
    /// <param name="frame">The data.</param>
    /// <param name="target">The target column.</param>
    /// <param name="environment">The environment column (numbers or text).</param>
    /// <param name="predictors">The predictor columns.</param>
    public static Environments FromFrame<TRow>(Frame<TRow, string> frame, string target, string environment,
        IReadOnlyList<string> predictors) where TRow : notnull => Build(DataColumns.Of(frame), target, environment, predictors);

    /// <summary>Builds the environments from arrays.</summary>
    /// <param name="x">The N x p predictor matrix.</param>
    /// <param name="y">The target, length N.</param>
    /// <param name="environment">The environment label of each row, length N.</param>
    /// <param name="predictorNames">Predictor names (default X1..Xp).</param>
    /// <param name="target">The target's name.</param>
    public static Environments FromArrays(Matrix<double> x, IReadOnlyList<double> y, IReadOnlyList<string> environment,
        IReadOnlyList<string>? predictorNames = null, string target = "Y")
    {
        ArgumentNullException.ThrowIfNull(x); ArgumentNullException.ThrowIfNull(y); ArgumentNullException.ThrowIfNull(environment);
        if (y.Count != x.RowCount) throw new ArgumentException($"y has {y.Count} values; x has {x.RowCount} rows.", nameof(y));
        if (environment.Count != x.RowCount)
            throw new ArgumentException($"environment has {environment.Count} labels; x has {x.RowCount} rows.", nameof(environment));
        var names = predictorNames?.ToArray() ?? Enumerable.Range(1, x.ColumnCount).Select(j => "X" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Length != x.ColumnCount)
            throw new ArgumentException($"{names.Length} predictor names for {x.ColumnCount} columns.", nameof(predictorNames));
        var columns = Enumerable.Range(0, x.ColumnCount).Select(j => x.Column(j).ToArray()).ToArray();
        return Assemble(target, names, columns, y.ToArray(), environment.ToArray(), null, []);
    }

    /// <summary>Builds the environments from arrays with integer environment codes.</summary>
    /// <param name="x">The N x p predictor matrix.</param>
    /// <param name="y">The target, length N.</param>
    /// <param name="environment">The environment code of each row, length N.</param>
    /// <param name="predictorNames">Predictor names (default X1..Xp).</param>
    /// <param name="target">The target's name.</param>
    public static Environments FromArrays(Matrix<double> x, IReadOnlyList<double> y, IReadOnlyList<int> environment,
        IReadOnlyList<string>? predictorNames = null, string target = "Y") =>
        FromArrays(x, y, (environment ?? throw new ArgumentNullException(nameof(environment)))
            .Select(e => e.ToString(CultureInfo.InvariantCulture)).ToArray(), predictorNames, target);

    private static Environments Build(DataColumns data, string target, string environment, IReadOnlyList<string> predictors)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        if (predictors.Count == 0) throw new ArgumentException("At least one predictor is needed.", nameof(predictors));
        foreach (var (role, name) in new[] { ("target", target), ("environment", environment) }.Concat(predictors.Select(p => ("predictor", p))))
            data.Require(name, role);
        var dup = predictors.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"Predictor '{dup.Key}' is listed twice.", nameof(predictors));
        if (predictors.Contains(target)) throw new ArgumentException($"The target '{target}' cannot also be a predictor.", nameof(predictors));
        if (predictors.Contains(environment) || environment == target)
            throw new ArgumentException($"The environment column '{environment}' cannot also be the target or a predictor.", nameof(environment));

        var labels = data.Labels(environment);
        var y = data.Numbers(target);
        var xs = predictors.Select(p => data.Numbers(p)).ToArray();
        var built = Assemble(target, predictors.ToArray(), xs, y, labels, data.File, []);
        built.EnvironmentName = environment;
        return built;
    }

    private static Environments Assemble(string target, string[] predictors, double[][] xs, double[] y, string?[] labels,
        string? file, List<Diagnostic> diagnostics)
    {
        int n = y.Length, p = predictors.Length;
        var keep = new List<int>(n);
        for (int i = 0; i < n; i++)
            if (labels[i] is not null && double.IsFinite(y[i]) && xs.All(c => double.IsFinite(c[i]))) keep.Add(i);
        if (keep.Count < n)
            diagnostics.Add(Diagnostic.Warning($"{n - keep.Count} of {n} rows have a missing value in the target, environment or a predictor and " +
                $"were dropped.", "rows-dropped"));

        var names = keep.Select(i => labels[i]!).Distinct().ToArray();
        if (names.Length < 2)
            throw new ArgumentException(names.Length == 0 ? "The data has no complete rows."
                : $"Every row is in environment '{names[0]}'; invariance needs at least two environments.", "environment");
        var index = names.Select((e, k) => (e, k)).ToDictionary(t => t.e, t => t.k);
        var order = keep.OrderBy(i => index[labels[i]!]).ToArray(); // stable: keeps file order within an environment
        var offsets = new int[names.Length + 1];
        foreach (var i in order) offsets[index[labels[i]!] + 1]++;
        for (int k = 0; k < names.Length; k++) offsets[k + 1] += offsets[k];
        for (int k = 0; k < names.Length; k++)
        {
            int nk = offsets[k + 1] - offsets[k];
            if (nk < 3 || nk <= p)
                throw new ArgumentException(
                    $"Environment '{names[k]}' has {nk} row(s); every environment needs at least 3 and more than the {p} predictor(s).", "environment");
        }
        var x = Matrix<double>.Build.Dense(order.Length, p, (i, j) => xs[j][order[i]]);
        var yy = order.Select(i => y[i]).ToArray();
        CheckCollinearity(x, predictors, file);
        CheckTargetVaries(yy, offsets, names, target, file);
        return new Environments(target, predictors, names, offsets, x, yy, diagnostics);
    }

    // A response that is constant within every environment leaves every within-environment residual variance zero,
    // and the Chow, Wald and Levene statistics are then ratios of rounding noise (Chow F = 8709 on a constant target);
    // refuse it, naming the column. "Constant" is relative to the target's own scale, so tiny units are not mistaken.
    private static void CheckTargetVaries(double[] y, int[] offsets, string[] environments, string target, string? file)
    {
        double scale = y.Max(Math.Abs);
        for (int k = 0; k < environments.Length; k++)
        {
            var yk = y.AsSpan(offsets[k], offsets[k + 1] - offsets[k]);
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var v in yk) { min = Math.Min(min, v); max = Math.Max(max, v); }
            if (max - min > 1e-12 * scale) return;
        }
        bool pooled = y.Max() - y.Min() <= 1e-12 * scale;
        string value = y[0].ToString("G6", CultureInfo.InvariantCulture);
        throw new DataFormatException(
            (pooled ? $"The target '{target}' is constant ({value})" : $"The target '{target}' is constant within every environment") +
            "; invariance tests need a response that varies within environments.", file, null, target);
    }

    // Cholesky of the centred Gram matrix, column by column: a pivot that is (relatively) zero means that column
    // is constant or a linear combination of the earlier ones, which we can name.
    private static void CheckCollinearity(Matrix<double> x, string[] predictors, string? file)
    {
        int p = x.ColumnCount;
        var centred = x.Clone();
        for (int j = 0; j < p; j++)
        {
            double mean = centred.Column(j).Average();
            for (int i = 0; i < centred.RowCount; i++) centred[i, j] -= mean;
        }
        var g = centred.TransposeThisAndMultiply(centred);
        var l = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            double d = g[j, j];
            for (int m = 0; m < j; m++) d -= l[j, m] * l[j, m];
            if (g[j, j] <= 0 || d <= 1e-10 * g[j, j])
            {
                string what = g[j, j] <= 0 ? "is constant" : j == 0 ? "is constant" : $"is a linear combination of {string.Join(", ", predictors.Take(j))}";
                throw new DataFormatException($"Predictor '{predictors[j]}' {what} in the pooled data (collinear predictors).", file, null, predictors[j]);
            }
            l[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < p; i++)
            {
                double s = g[i, j];
                for (int m = 0; m < j; m++) s -= l[i, m] * l[j, m];
                l[i, j] = s / l[j, j];
            }
        }
    }
}
