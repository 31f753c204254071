using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>
/// Which columns of a design to keep, as R's lm (LINPACK dqrdc2 with tolerance 1e-7) decides: left to right, a column
/// whose part orthogonal to the kept columns is below 1e-7 of its own norm is aliased and dropped. Columns that a
/// transformation (the within or difference operator) wiped out are reported as absorbed rather than aliased.
/// </summary>
internal static class Aliasing
{
    public const double Tolerance = 1e-7;

    /// <param name="x">The transformed design, m x p.</param>
    /// <param name="m">Rows.</param>
    /// <param name="p">Columns.</param>
    /// <param name="rawScale">Per column, the norm of the untransformed column about its mean (null: no transformation).</param>
    /// <param name="names">Column names.</param>
    /// <param name="diagnostics">Receives one warning per dropped term.</param>
    /// <param name="la">The backend.</param>
    /// <param name="absorbedBy">Why a wiped-out column is dropped, e.g. "it does not vary within units".</param>
    public static int[] Keep(double[] x, int m, int p, double[]? rawScale, IReadOnlyList<string> names, string absorbedBy,
        List<Diagnostic> diagnostics, ILinearAlgebra la)
    {
        if (ClearlyFullRank(x, m, p, rawScale, la)) return Enumerable.Range(0, p).ToArray();
        var kept = new List<int>();
        var basis = new List<double>();
        for (int j = 0; j < p; j++)
        {
            var col = x.AsSpan(j * m, m).ToArray();
            double norm = Norm(col);
            if (rawScale is not null && !(norm > Tolerance * rawScale[j]))
            {
                diagnostics.Add(Diagnostic.Warning($"Term '{names[j]}' was dropped: {absorbedBy}.", "term-absorbed"));
                continue;
            }
            if (!(norm > 0))
            {
                diagnostics.Add(Diagnostic.Warning($"Term '{names[j]}' was dropped: it is zero in every observation used.", "term-aliased"));
                continue;
            }
            double residual = norm;
            if (kept.Count > 0)
            {
                var xk = basis.ToArray();
                var b = Ols.Solve(xk, m, kept.Count, col, la);
                residual = Norm(Ols.Residuals(xk, m, kept.Count, col, b, la));
            }
            if (!(residual > Tolerance * norm))
            {
                var others = string.Join(", ", kept.Select(k => $"'{names[k]}'"));
                diagnostics.Add(Diagnostic.Warning($"Term '{names[j]}' was dropped: it is collinear with {others} (aliased, as R reports NA).", "term-aliased"));
                continue;
            }
            kept.Add(j);
            basis.AddRange(col);
        }
        return kept.ToArray();
    }

    /// <summary>
    /// For estimators that cannot drop aliased terms (CCE, interactive effects, unit-by-unit OLS): throws naming the
    /// first term that is zero or collinear with the terms before it (R's lm would report it as NA).
    /// </summary>
    /// <param name="x">The design, m x p, column-major.</param>
    /// <param name="m">Rows.</param>
    /// <param name="p">Columns.</param>
    /// <param name="names">Column names.</param>
    /// <param name="where">Where the design comes from, e.g. " in unit 'a'" (empty for the pooled design).</param>
    /// <param name="model">The model, for the message.</param>
    /// <param name="la">The backend.</param>
    public static void RequireFullRank(double[] x, int m, int p, IReadOnlyList<string> names, string where, string model, ILinearAlgebra la)
    {
        var kept = Keep(x, m, p, null, names, "", [], la);
        if (kept.Length == p) return;
        int j = Enumerable.Range(0, p).First(c => Array.IndexOf(kept, c) < 0);
        var before = kept.Where(c => c < j).Select(c => $"'{names[c]}'").ToArray();
        string why = before.Length > 0 ? $"is collinear with {string.Join(", ", before)}" : "is zero in every observation used";
        throw new ArgumentException(
            $"Term '{names[j]}' {why}{where}; the {model} model cannot drop aliased terms: remove it from the formula.", "formula");
    }

    /// <summary>
    /// The common case in O(m p^2) with one SYRK: every column's residual on the columns before it, from the Schur
    /// complements of X'X (a Cholesky factorization), is above 100 times the tolerance. The Gram route's rounding is
    /// about p eps relative to each column's squared norm, far below (100 Tolerance)^2 = 1e-10, so when it passes the
    /// column-by-column QR check would keep every column too; otherwise that exact check decides.
    /// </summary>
    private static bool ClearlyFullRank(double[] x, int m, int p, double[]? rawScale, ILinearAlgebra la)
    {
        const double margin = 100 * Tolerance;
        var g = new double[p * p];
        la.Syrk(true, p, m, 1.0, x, 0.0, g);
        for (int j = 0; j < p; j++)
        {
            double norm2 = g[j + j * p];
            if (!(norm2 > 0) || rawScale is not null && !(Math.Sqrt(norm2) > margin * rawScale[j])) return false;
            // Column j of the Cholesky factor L of X'X; L_jj^2 is the squared residual of x_j on x_0..x_{j-1}.
            for (int i = j; i < p; i++)
            {
                double v = g[i + j * p];
                for (int q = 0; q < j; q++) v -= g[i + q * p] * g[j + q * p];
                if (i == j)
                {
                    if (!(v > margin * margin * norm2)) return false;
                    g[j + j * p] = Math.Sqrt(v);
                }
                else g[i + j * p] = v / g[j + j * p];
            }
        }
        return true;
    }

    private static double Norm(double[] v) { double s = 0; foreach (var a in v) s += a * a; return Math.Sqrt(s); }
}
