using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// All pairwise correlations rho_ij of the columns of a T x N matrix with NaN gaps, each over the pair's common
/// periods and demeaned over that overlap (R's <c>cor(use = "pairwise.complete.obs")</c>), with the overlaps T_ij.
/// </summary>
/// <remarks>
/// Balanced input takes one SYRK of the standardized columns. Unbalanced input takes four masked GEMMs
/// (pairwise-complete moments, as plm's pcdtest on unbalanced panels): with M the 0/1 mask and X0 the data shifted by each column's own mean and
/// zeroed at gaps, <c>T_ij = (M'M)_ij</c>, <c>Sx = X0'M</c>, <c>Sxx = (X0 o X0)'M</c> and <c>Sxy = X0'X0</c> give
/// every overlap mean, variance and covariance, so there is no loop over pairs with work in T.
/// </remarks>
internal sealed class PairwiseCorrelations
{
    private PairwiseCorrelations(int n, int t, double[] rho, double[]? overlap)
    {
        N = n; T = t; Rho = rho; Overlap = overlap;
    }

    /// <summary>Number of units.</summary>
    public int N { get; }

    /// <summary>Number of periods (rows).</summary>
    public int T { get; }

    /// <summary>N x N correlations, column-major; NaN where the pair has fewer than 2 common periods or no variance there.</summary>
    public double[] Rho { get; }

    /// <summary>N x N common-period counts T_ij, or null when balanced (every T_ij = T).</summary>
    public double[]? Overlap { get; }

    /// <summary>The overlap of a pair.</summary>
    public double Tij(int i, int j) => Overlap is null ? T : Overlap[i + j * N];

    /// <summary>Computes the correlations of the columns of <paramref name="e"/> (T x N column-major, NaN for gaps).</summary>
    public static PairwiseCorrelations Compute(double[] e, int t, int n, ILinearAlgebra la)
    {
        bool balanced = true;
        for (int k = 0; k < e.Length && balanced; k++) balanced = !double.IsNaN(e[k]);
        return balanced ? Balanced(e, t, n, la) : Unbalanced(e, t, n, la);
    }

    private static PairwiseCorrelations Balanced(double[] e, int t, int n, ILinearAlgebra la)
    {
        var z = PanelMath.StandardizedColumns(e, t, n, out _);
        var rho = new double[n * n];
        la.Syrk(true, n, t, 1.0, z, 0.0, rho);
        for (int i = 0; i < n; i++) rho[i + i * n] = 1.0;
        return new PairwiseCorrelations(n, t, rho, null);
    }

    private static PairwiseCorrelations Unbalanced(double[] e, int t, int n, ILinearAlgebra la)
    {
        var mask = new double[t * n];
        var x0 = new double[t * n];
        var x0sq = new double[t * n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0; int count = 0;
            for (int s = 0; s < t; s++) { double v = e[s + i * t]; if (!double.IsNaN(v)) { sum += v; count++; } }
            double mean = count > 0 ? sum / count : 0;
            for (int s = 0; s < t; s++)
            {
                double v = e[s + i * t];
                if (double.IsNaN(v)) continue;
                int k = s + i * t;
                mask[k] = 1; x0[k] = v - mean; x0sq[k] = x0[k] * x0[k];
            }
        }
        var tij = new double[n * n];
        var sx = new double[n * n];
        var sxx = new double[n * n];
        var sxy = new double[n * n];
        la.Syrk(true, n, t, 1.0, mask, 0.0, tij);
        la.Gemm(true, false, n, n, t, 1.0, x0, mask, 0.0, sx);     // sx[i,j] = sum over overlap of x0_i
        la.Gemm(true, false, n, n, t, 1.0, x0sq, mask, 0.0, sxx);  // sxx[i,j] = sum over overlap of x0_i^2
        la.Syrk(true, n, t, 1.0, x0, 0.0, sxy);                    // zero-filled gaps make this the overlap cross-product
        var rho = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                int ij = i + j * n, ji = j + i * n;
                double m = tij[ij];
                if (m < 2) { rho[ij] = double.NaN; continue; }
                double cov = sxy[ij] - sx[ij] * sx[ji] / m;
                double vi = sxx[ij] - sx[ij] * sx[ij] / m;
                double vj = sxx[ji] - sx[ji] * sx[ji] / m;
                rho[ij] = vi > 0 && vj > 0 ? Math.Clamp(cov / Math.Sqrt(vi * vj), -1.0, 1.0) : double.NaN;
            }
        return new PairwiseCorrelations(n, t, rho, tij);
    }
}
