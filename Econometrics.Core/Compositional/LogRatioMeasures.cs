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
    public static Matrix<double> ClrCovariance(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        return RequireTwoRows(composition, () => LogRatio.Covariance(composition.Clr(), LinearAlgebraBackends.Default));
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

    /// <summary>propr's phi: element <c>[i, j] = T_ij / v_j</c>, the log-ratio variance over the column part's clr variance; zero diagonal, asymmetric.</summary>
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

    /// <summary>Aitchison's total variance <c>trace(Gamma) = (1/D) sum_{i&lt;j} T_ij</c>.</summary>
    /// <param name="composition">The composition.</param>
    public static double TotalVariance(Composition composition) => ClrCovariance(composition).Trace();

    internal static Matrix<double> VariationFromClrCovariance(Matrix<double> g) =>
        Pairwise(g, 0.0, (gij, gii, gjj) => Math.Max(0.0, gii + gjj - 2 * gij));

    internal static Matrix<double> ProportionalityFromClrCovariance(Matrix<double> g) =>
        Pairwise(g, 1.0, (gij, gii, gjj) => 2 * gij / (gii + gjj));

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
