using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>Leaf order of complete-linkage clustering on <c>1 - rho</c> (corrplot's "hclust" order), for heatmaps.</summary>
internal static class HierarchicalOrder
{
    public static int[] Of(Matrix<double> rho)
    {
        int d = rho.RowCount;
        var clusters = Enumerable.Range(0, d).Select(i => new List<int> { i }).ToList();
        var dist = Matrix<double>.Build.Dense(d, d, (i, j) => 1 - rho[i, j]);
        // O(D^3) is fine for the sizes a heatmap can show; larger inputs keep their order.
        if (d > 400) return Enumerable.Range(0, d).ToArray();
        while (clusters.Count > 1)
        {
            double best = double.PositiveInfinity; int ba = 0, bb = 1;
            for (int a = 0; a < clusters.Count; a++)
                for (int b = a + 1; b < clusters.Count; b++)
                {
                    double link = double.NegativeInfinity;
                    foreach (var i in clusters[a]) foreach (var j in clusters[b]) link = Math.Max(link, dist[i, j]);
                    if (link < best - 1e-15) { best = link; ba = a; bb = b; }
                }
            clusters[ba].AddRange(clusters[bb]);
            clusters.RemoveAt(bb);
        }
        return clusters[0].ToArray();
    }
}
