using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// Raw data grouped by missingness pattern, as full-information ML needs it: rows with the same observed variables share one
/// pattern, whose likelihood depends on the data only through the pattern's size, mean and covariance (divisor n_k) of its
/// observed columns. Rows missing every variable carry no information and are left out (lavaan drops them with a warning).
/// </summary>
internal sealed class MissingPatterns
{
    /// <summary>One pattern: the observed variables, the rows (indices into the kept rows), their data and moments.</summary>
    /// <param name="Observed">Indices of the observed variables, ascending.</param>
    /// <param name="Rows">Indices of the pattern's rows among the kept rows.</param>
    /// <param name="Data">The rows' observed values (n_k x p_k).</param>
    /// <param name="Mean">The pattern's mean of its observed variables.</param>
    /// <param name="Covariance">The pattern's covariance of its observed variables (divisor n_k, around its own mean).</param>
    internal sealed record Pattern(int[] Observed, int[] Rows, Matrix<double> Data, Vector<double> Mean, Matrix<double> Covariance)
    {
        public int Count => Rows.Length;
    }

    private MissingPatterns(int variables, int n, int empty, Pattern[] patterns)
    {
        Variables = variables; N = n; EmptyRows = empty; Patterns = patterns;
    }

    /// <summary>The number of variables p.</summary>
    public int Variables { get; }

    /// <summary>The number of rows with at least one observed value (lavaan's ntotal).</summary>
    public int N { get; }

    /// <summary>Rows missing every variable, which were left out.</summary>
    public int EmptyRows { get; }

    public Pattern[] Patterns { get; }

    /// <summary>Kept row index -&gt; original row index.</summary>
    public int[] KeptRows { get; private init; } = [];

    /// <summary>Groups the rows of x (NaN = missing) by pattern; each pattern's moments are one SYRK of its centered block.</summary>
    /// <param name="columns">The variables' columns (p arrays of equal length, NaN where missing).</param>
    public static MissingPatterns Of(IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int p = columns.Count, rows = columns[0].Length;
        var byMask = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var kept = new List<int>();
        var mask = new char[p];
        for (int r = 0; r < rows; r++)
        {
            int seen = 0;
            for (int v = 0; v < p; v++)
            {
                bool ok = double.IsFinite(columns[v][r]);
                mask[v] = ok ? '1' : '0';
                if (ok) seen++;
            }
            if (seen == 0) continue;
            string key = new(mask);
            if (!byMask.TryGetValue(key, out var list)) byMask[key] = list = [];
            list.Add(kept.Count);
            kept.Add(r);
        }
        // The complete-data pattern first, then by decreasing number of observed variables: a fixed order, so that sums over
        // patterns (and hence results) do not depend on the order of the rows.
        var patterns = byMask.OrderByDescending(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var obs = Enumerable.Range(0, p).Where(v => kv.Key[v] == '1').ToArray();
            var idx = kv.Value.ToArray();
            var data = Matrix<double>.Build.Dense(idx.Length, obs.Length, (i, j) => columns[obs[j]][kept[idx[i]]]);
            var mean = data.ColumnSums() / idx.Length;
            var centered = data - Matrix<double>.Build.Dense(idx.Length, obs.Length, (_, j) => mean[j]);
            var cov = centered.TransposeThisAndMultiply(centered) / idx.Length;
            return new Pattern(obs, idx, data, mean, (cov + cov.Transpose()) * 0.5);
        }).ToArray();
        return new MissingPatterns(p, kept.Count, rows - kept.Count, patterns) { KeptRows = kept.ToArray() };
    }

    /// <summary>
    /// The proportion of kept rows observing each pair of variables (lavaan's <c>lavInspect(fit, "coverage")</c>):
    /// sum over patterns of n_k r_k r_k' / N with r_k the pattern's 0/1 indicator.
    /// </summary>
    public Matrix<double> Coverage()
    {
        var c = Matrix<double>.Build.Dense(Variables, Variables);
        foreach (var pt in Patterns)
            foreach (int a in pt.Observed)
                foreach (int b in pt.Observed) c[a, b] += pt.Count;
        return c / N;
    }
}
