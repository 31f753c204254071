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
        var sums = pc.Reduce(new NeighbourSums(w, keep));
        double sum = sums.Sum; long pairs = sums.Pairs;
        if (pairs == 0)
            return new("LocalCD", TestResult.Invalid("Local CD", "No cross-sectional dependence between neighbours", ReferenceDistribution.Normal,
                "No neighbour pair has 2 or more common periods."));
        return new("LocalCD", TestResult.Create("Local CD", "No cross-sectional dependence between neighbours", sum / Math.Sqrt(pairs),
            ReferenceDistribution.Normal, Tail.TwoSided, [Diagnostic.Info($"{pairs} neighbour pair(s).", "local-pairs")]));
    }

    private struct NeighbourSums(Matrix<double> w, List<int> keep) : IPairAccumulator<NeighbourSums>
    {
        public double Sum;
        public long Pairs;

        public readonly NeighbourSums Empty() => new(w, keep);

        public void Add(int i, int j, double rho, double tij)
        {
            if (double.IsNaN(rho) || (w[keep[i], keep[j]] == 0 && w[keep[j], keep[i]] == 0)) return;
            Sum += Math.Sqrt(tij) * rho; Pairs++;
        }

        public void Merge(in NeighbourSums o) { Sum += o.Sum; Pairs += o.Pairs; }
    }
}
