using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Pairwise log-ratio measures of a composition (sample estimates, denominator n - 1), with the names the peer
/// packages use: Aitchison's variation matrix and clr covariance (compositions::variation, var.acomp), propr's
/// rho (proportionality), phi and phs, and the clr correlation.
/// </summary>
public static class LogRatioMeasures
{
    /// <summary>Variation matrix <c>T_ij = var(log(x_i / x_j))</c>, zero diagonal; subcompositionally coherent.</summary>
    /// <param name="composition">The composition.</param>
    public static Matrix<double> Variation(Composition composition) => VariationFromClrCovariance(ClrCovariance(composition));

    /// <summary>clr covariance <c>Gamma = cov(clr(x))</c> (D x D, rank D - 1, rows sum to zero).</summary>
    /// <param name="composition">The composition.</param>
    /// <param name="backend">The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>).</param>
    public static Matrix<double> ClrCovariance(Composition composition, ILinearAlgebra? backend = null)
    {
        ArgumentNullException.ThrowIfNull(composition);
        return RequireTwoRows(composition, () => LogRatio.Covariance(composition.Clr(), backend ?? LinearAlgebraBackends.Default));
    }

    /// <summary>Correlation of the clr coordinates (spurious: depends on which other parts are present).</summary>
    /// <param name="composition">The composition.</param>
    public static Matrix<double> ClrCorrelation(Composition composition)
    {
        var g = ClrCovariance(composition);
        var d = g.Diagonal().Map(Math.Sqrt);
        return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount, (i, j) => i == j ? 1.0 : g[i, j] / (d[i] * d[j]));
    }

    /// <summary>Proportionality coefficient <c>rho_p = 1 - T_ij / (v_i + v_j)</c> with clr variances v (Erb and Notredame 2016; propr "rho").</summary>
    /// <param name="composition">The composition.</param>
    public static Matrix<double> Proportionality(Composition composition) => ProportionalityFromClrCovariance(ClrCovariance(composition));

    /// <summary>propr's phi: element <c>[i, j] = T_ij / v_j</c>, the log-ratio variance over the column part's clr variance; zero diagonal,
    /// asymmetric.</summary>
    /// <param name="composition">The composition.</param>
    public static Matrix<double> Phi(Composition composition)
    {
        var g = ClrCovariance(composition);
        var t = VariationFromClrCovariance(g);
        return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount, (i, j) => t[i, j] / g[j, j]);
    }

    /// <summary>Symmetric phi, propr's "phs": <c>(1 - rho_p) / (1 + rho_p) = var(log(x_i/x_j)) / var(log(x_i x_j))</c>; zero diagonal.</summary>
    /// <param name="composition">The composition.</param>
    public static Matrix<double> PhiS(Composition composition)
    {
        var r = Proportionality(composition);
        return r.Map(v => (1 - v) / (1 + v));
    }

    /// <summary>
    /// Symmetric-balance correlation (Kynclova, Hron and Filzmoser 2017; robCompositions' <c>corCoDa</c>): for each
    /// pair, the correlation of the two symmetric pivot balances that put part i (resp. j) first and the other of the
    /// pair second. Computed from the covariance of the log-parts and their row sum, so the whole matrix costs one SYRK.
    /// </summary>
    /// <param name="composition">At least 3 parts.</param>
    /// <param name="backend">The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>).</param>
    public static Matrix<double> SymmetricBalanceCorrelation(Composition composition, ILinearAlgebra? backend = null)
    {
        ArgumentNullException.ThrowIfNull(composition);
        int d = composition.NParts;
        if (d < 3) throw new ArgumentException($"Symmetric-balance correlations need at least 3 parts; the composition has {d}.", nameof(composition));
        var c = RequireTwoRows(composition, () => LogRatio.Covariance(LogRatio.Log(composition.Raw), backend ?? LinearAlgebraBackends.Default));
        // z1 = p1 (log x_i - p4 log x_j - p3 sum_{k != i,j} log x_k) = p1 ((1 + p3) l_i + (p3 - p4) l_j - p3 S), S = sum_k l_k.
        double root = Math.Sqrt(d * (d - 2.0));
        double p3 = (Math.Sqrt(d - 2.0) + Math.Sqrt(d)) / (Math.Sqrt(d - 2.0) * (d - 1 + root));
        double p4 = 1.0 / (d - 1 + root);
        double a = 1 + p3, b = p3 - p4, e = -p3;
        var cs = new double[d];
        double css = 0;
        for (int i = 0; i < d; i++) { cs[i] = c.Row(i).Sum(); css += cs[i]; }
        var r = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                if (i == j) { r[i, j] = 1; continue; }
                // Quadratic forms of u1 = (a, b, e) and u2 = (b, a, e) in the covariance of (l_i, l_j, S).
                double Q(double x1, double y1, double z1, double x2, double y2, double z2) =>
                    x1 * x2 * c[i, i] + y1 * y2 * c[j, j] + z1 * z2 * css
                    + (x1 * y2 + y1 * x2) * c[i, j] + (x1 * z2 + z1 * x2) * cs[i] + (y1 * z2 + z1 * y2) * cs[j];
                r[i, j] = Q(a, b, e, b, a, e) / Math.Sqrt(Q(a, b, e, a, b, e) * Q(b, a, e, b, a, e));
            }
        return r;
    }

    /// <summary>Aitchison's total variance <c>trace(Gamma) = (1/D) sum_{i&lt;j} T_ij</c>.</summary>
    /// <param name="composition">The composition.</param>
    public static double TotalVariance(Composition composition) => ClrCovariance(composition).Trace();

    /// <summary>The measures of a partial-correlation estimate from the clr covariance it used and the sample one (the same
    /// matrix without shrinkage).</summary>
    internal static LogRatioMeasureSet FromClrCovariances(Matrix<double> used, Matrix<double> sample) =>
        new(used, VariationFromClrCovariance(sample), ProportionalityFromClrCovariance(sample));

    internal static Matrix<double> VariationFromClrCovariance(Matrix<double> g) =>
        Pairwise(g, 0.0, (gij, gii, gjj) => Math.Max(0.0, gii + gjj - 2 * gij));

    internal static Matrix<double> ProportionalityFromClrCovariance(Matrix<double> g) =>
        Pairwise(g, 1.0, (gij, gii, gjj) => 2 * gij / (gii + gjj));

    /// <summary>
    /// The shrunk clr covariance G C G (C = Dg R* Dg, R* = lambda I + (1 - lambda) Z'Z / (n - 1)) and the sample
    /// variation and proportionality (from G Dv R Dv G, R = Z'Z / (n - 1) with unit diagonal), all from one SYRK S = Z'Z
    /// and one pass over it: both covariances are diagonal scalings of S, and double centring needs only their row sums,
    /// which are Z'(Z s) for the scaling s (O(n D)). Each output is written once; no other D x D matrix is formed.
    /// </summary>
    internal static LogRatioMeasureSet FromShrinkageFactors(ShrinkageFactors f, ILinearAlgebra la)
    {
        int n = f.Rows, d = f.Columns;
        var z = f.Standardized;
        // Uninitialised is safe: a SYRK with beta = 0 ignores what C held.
        var gram = f.GramIsColumns ? (double[])f.Gram.Clone() : GC.AllocateUninitializedArray<double>(d * d);
        if (!f.GramIsColumns) la.Syrk(true, d, n, 1.0, z, 0.0, gram);
        double lambda = f.Lambda, c = (1 - lambda) / (n - 1), cs = 1.0 / (n - 1);
        var g = f.ShrunkVariances.Select(Math.Sqrt).ToArray();
        var sv = f.SampleVariances.Select(Math.Sqrt).ToArray();
        // Row sums of C and of the sample covariance: off-diagonal S_ij scaled, diagonal exactly the variances.
        var (sg, ss) = ScaledRowSums(z, n, d, g, sv, la);
        var m = new double[d];
        var ms = new double[d];
        double mu = 0, mus = 0;
        for (int i = 0; i < d; i++)
        {
            double sii = gram[i * d + i];
            m[i] = g[i] * (c * (sg[i] - g[i] * sii) + g[i]) / d;
            ms[i] = sv[i] * (cs * (ss[i] - sv[i] * sii) + sv[i]) / d;
            mu += m[i]; mus += ms[i];
        }
        mu /= d; mus /= d;
        var diag = new double[d];
        for (int i = 0; i < d; i++) diag[i] = f.SampleVariances[i] - 2 * ms[i] + mus;
        var variation = GC.AllocateUninitializedArray<double>(d * d);   // every element is written below
        var proportionality = GC.AllocateUninitializedArray<double>(d * d);
        LogRatioPrecision.ColumnsInParallel(d, d, j =>
        {
            int o = j * d;
            double gj = g[j], svj = sv[j], mj = m[j] - mu, msj = ms[j] - mus, dj = diag[j];
            for (int i = 0; i < d; i++)
            {
                double sij = gram[o + i];
                double sample = cs * sv[i] * svj * sij - ms[i] - msj;
                variation[o + i] = Math.Max(0.0, diag[i] + dj - 2 * sample);
                proportionality[o + i] = 2 * sample / (diag[i] + dj);
                gram[o + i] = c * g[i] * gj * sij - m[i] - mj;   // in place: S becomes Gamma
            }
            gram[o + j] = f.ShrunkVariances[j] - 2 * m[j] + mu;
            variation[o + j] = 0.0;
            proportionality[o + j] = 1.0;
        });
        var build = Matrix<double>.Build;
        return new(build.Dense(d, d, gram), build.Dense(d, d, variation), build.Dense(d, d, proportionality));
    }

    // (S s)_i = sum_j S_ij s_j for S = Z'Z and the two scalings at once: Z'(Z [s t]), two thin products over the n x d data.
    private static (double[] S, double[] T) ScaledRowSums(double[] z, int n, int d, double[] s, double[] t, ILinearAlgebra la)
    {
        var st = new double[2 * d];
        s.CopyTo(st, 0); t.CopyTo(st, d);
        var zst = new double[2 * n];
        la.Gemm(false, false, n, 2, d, 1.0, z, st, 0.0, zst);
        var r = new double[2 * d];
        la.Gemm(true, false, d, 2, n, 1.0, z, zst, 0.0, r);
        return (r[..d], r[d..]);
    }

    // Element-wise map over a symmetric matrix and its diagonal, on the column-major array (D can be in the thousands).
    private static Matrix<double> Pairwise(Matrix<double> g, double diagonal, Func<double, double, double, double> f)
    {
        int d = g.RowCount;
        var a = g.AsColumnMajorArray() ?? g.ToColumnMajorArray();
        var r = new double[d * d];
        for (int j = 0; j < d; j++)
        {
            double gjj = a[j * d + j];
            for (int i = 0; i < d; i++) r[j * d + i] = i == j ? diagonal : f(a[j * d + i], a[i * d + i], gjj);
        }
        return Matrix<double>.Build.Dense(d, d, r);
    }

    private static Matrix<double> RequireTwoRows(Composition c, Func<Matrix<double>> f) =>
        c.NObs >= 2 ? f() : throw new ArgumentException($"Log-ratio (co)variances need at least 2 samples; the composition has {c.NObs}.", "composition");
}
