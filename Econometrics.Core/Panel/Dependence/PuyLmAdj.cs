using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// Pesaran, Ullah and Yamagata (2008) LM_adj with exact finite-T moments of (T-k) rho_ij^2 under normal errors.
/// </summary>
/// <remarks>
/// With Q_i an orthonormal basis of unit i's regressors and C = Q_i'Q_j: tr(M_i M_j) = T - k_i - k_j + ||C||_F^2 and
/// tr((M_i M_j)^2) = T - k_i - k_j + ||C C'||_F^2 (expand (I - P_i)(I - P_j) squared). The blocks C of a tile of pairs come from
/// one GEMM of the stacked bases, so nothing of order T^3 is formed per pair and nothing of order N^2 is held.
/// </remarks>
internal static class PuyLmAdj
{
    public static CdStatistic Test(PairwiseCorrelations pc, double[][]? bases, bool balanced, ILinearAlgebra la)
    {
        const string method = "Pesaran-Ullah-Yamagata bias-adjusted LM";
        const string h0 = "No cross-sectional dependence";
        if (bases is null)
            return new("LMAdj", new TestResult(method, h0, double.NaN, ReferenceDistribution.Normal, null, TestValidity.NotApplicable,
                "LM adj. needs residuals of unit-by-unit OLS regressions (econ cd --model unitols)."));
        if (!balanced)
            return new("LMAdj", new TestResult(method, h0, double.NaN, ReferenceDistribution.Normal, null, TestValidity.NotApplicable,
                "LM_adj needs a balanced panel."));
        var (stat, reason) = Compute(pc, bases, la);
        return reason is null
            ? new("LMAdj", TestResult.Create(method, h0, stat, ReferenceDistribution.Normal, Tail.TwoSided))
            : new("LMAdj", new TestResult(method, h0, double.NaN, ReferenceDistribution.Normal, null, TestValidity.NotApplicable, reason));
    }


    public static (double Statistic, string? Reason) Compute(PairwiseCorrelations pc, double[][] bases, ILinearAlgebra la)
    {
        int n = pc.N, t = pc.T;
        int k = bases[0].Length / t;
        if (bases.Any(b => b.Length != k * t)) return (double.NaN, "LM_adj needs the same number of regressors in every unit.");
        if (t <= k + 4) return (double.NaN, $"LM_adj needs T > k + 4 (T = {t}, k = {k}).");
        int total = n * k;
        var q = new double[t * total];
        for (int i = 0; i < n; i++) Array.Copy(bases[i], 0, q, i * k * t, k * t);
        double tk = t - k;
        double a2 = 3 * Math.Pow(((tk - 8) * (tk + 2) + 24) / ((tk + 2) * (tk - 2) * (tk - 4)), 2);
        double a1 = a2 - 1 / (tk * tk);
        double sum = 0;
        var parts = new double[Math.Min(pc.TileSize, n)];
        // The blocks C = Q_i'Q_j of a tile come from one GEMM of the tile's stacked bases.
        pc.ForEachTile(tile =>
        {
            int bi = tile.Bi, bj = tile.Bj, rows = bi * k;
            var qa = new double[t * rows];
            var qb = new double[t * bj * k];
            Array.Copy(q, tile.I0 * k * t, qa, 0, qa.Length);
            Array.Copy(q, tile.J0 * k * t, qb, 0, qb.Length);
            var g = new double[rows * bj * k];
            la.Gemm(true, false, rows, bj * k, t, 1.0, qa, qb, 0.0, g);
            var rho = tile.Rho;
            Parallel.For(0, bj, cj =>
            {
                var c = new double[k * k];
                double part = 0;
                int j = tile.J0 + cj;
                for (int ri = Math.Max(0, j + 1 - tile.I0); ri < bi; ri++)
                {
                    double cc = 0;
                    for (int b = 0; b < k; b++)
                        for (int a = 0; a < k; a++)
                        {
                            double x = g[(ri * k + a) + (cj * k + b) * rows];
                            c[a + b * k] = x; cc += x * x;
                        }
                    double dd = 0;
                    for (int a = 0; a < k; a++)
                        for (int b = 0; b < k; b++)
                        {
                            double x = 0;
                            for (int l = 0; l < k; l++) x += c[a + l * k] * c[b + l * k];
                            dd += x * x;
                        }
                    double tr1 = t - 2 * k + cc, tr2 = t - 2 * k + dd;
                    double mu = tr1 / tk, v = Math.Sqrt(tr1 * tr1 * a1 + 2 * tr2 * a2);
                    double r = rho[ri + cj * bi];
                    part += (tk * r * r - mu) / v;
                }
                parts[cj] = part;
            });
            for (int cj = 0; cj < bj; cj++) sum += parts[cj];
        });
        return (Math.Sqrt(2.0 / (n * (n - 1.0))) * sum, null);
    }
}
