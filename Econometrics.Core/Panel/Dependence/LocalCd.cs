using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// Pesaran's (2004) local CD: the CD sum sqrt(T_ij) rho_ij restricted to neighbour pairs (a nonzero entry of the
/// neighbour matrix in either triangle), normalised by the square root of their number; N(0,1) under the null.
/// </summary>
internal static class LocalCd
{
    public static CdStatistic Test(Matrix<double> w, PairwiseCorrelations pc, List<int> keep, int n0)
    {
        if (w.RowCount != n0 || w.ColumnCount != n0)
            throw new ArgumentException($"Neighbours must be {n0} x {n0} (one row and column per unit); got {w.RowCount} x {w.ColumnCount}.", "Neighbours");
        int n = keep.Count;
        double sum = 0; int pairs = 0;
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
            {
                if (w[keep[i], keep[j]] == 0 && w[keep[j], keep[i]] == 0) continue;
                double r = pc.Rho[i + j * n];
                if (double.IsNaN(r)) continue;
                sum += Math.Sqrt(pc.Tij(i, j)) * r; pairs++;
            }
        if (pairs == 0)
            return new("LocalCD", TestResult.Invalid("Local CD", "No cross-sectional dependence between neighbours", ReferenceDistribution.Normal, "No neighbour pair has 2 or more common periods."));
        return new("LocalCD", TestResult.Create("Local CD", "No cross-sectional dependence between neighbours", sum / Math.Sqrt(pairs),
            ReferenceDistribution.Normal, Tail.TwoSided, [Diagnostic.Info($"{pairs} neighbour pair(s).", "local-pairs")]));
    }
}
