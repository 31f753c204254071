using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// Pesaran, Ullah and Yamagata (2008) LM_adj with exact finite-T moments of (T-k) rho_ij^2 under normal errors.
/// </summary>
/// <remarks>
/// With Q_i an orthonormal basis of unit i's regressors and C = Q_i'Q_j: tr(M_i M_j) = T - k_i - k_j + ||C||_F^2 and
/// tr((M_i M_j)^2) = T - k_i - k_j + ||C C'||_F^2 (expand (I - P_i)(I - P_j) squared). All blocks C come from one
/// SYRK of the stacked bases, so nothing of order T^3 is formed per pair.
/// </remarks>
internal static class PuyLmAdj
{
    public static CdStatistic Test(PairwiseCorrelations pc, double[][]? bases, bool balanced, ILinearAlgebra la)
    {
        const string method = "Pesaran-Ullah-Yamagata bias-adjusted LM";
        const string h0 = "No cross-sectional dependence";
        if (bases is null)
            return new("LMAdj", new TestResult(method, h0, double.NaN, ReferenceDistribution.Normal, null, TestValidity.NotApplicable,
                "LM_adj needs residuals of unit-by-unit OLS regressions (PanelModel.UnitOls)."));
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
        var g = new double[total * total];
        la.Syrk(true, total, t, 1.0, q, 0.0, g);
        double tk = t - k;
        double a2 = 3 * Math.Pow(((tk - 8) * (tk + 2) + 24) / ((tk + 2) * (tk - 2) * (tk - 4)), 2);
        double a1 = a2 - 1 / (tk * tk);
        var c = new double[k * k];
        double sum = 0;
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
            {
                double cc = 0;
                for (int b = 0; b < k; b++)
                    for (int a = 0; a < k; a++)
                    {
                        double x = g[(i * k + a) + (j * k + b) * total];
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
                double r = pc.Rho[i + j * n];
                sum += (tk * r * r - mu) / v;
            }
        return (Math.Sqrt(2.0 / (n * (n - 1.0))) * sum, null);
    }
}
