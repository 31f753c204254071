using Econometrics.LinearAlgebra;

namespace Econometrics.Panel;

/// <summary>Juodis and Reese (2022): the randomized CD_W (eqs. 29/30, draws combined by eq. 33) and the power-enhancement term (eq. 32).</summary>
internal static class JuodisReese
{
    /// <summary>
    /// CD_W over G draws (w is N x G): sum_g CD_W^(g) / sqrt(G). Each draw's double sum over pairs is
    /// (||U w||^2 - sum u^2)/2, so all draws are one GEMM of the T x N data with the N x G weights.
    /// </summary>
    public static double Cdw(double[] e, int t, int n, double[] w, CdwNormalization normalization, ILinearAlgebra la)
    {
        int g = w.Length / n;
        double[] u; double diag, scale;
        if (normalization == CdwNormalization.PooledVariance)
        {
            u = (double[])e.Clone();
            PanelMath.DemeanColumns(u, t, n);
            diag = 0;
            foreach (var v in u) diag += v * v;
            double s2 = diag / ((double)n * t);
            scale = Math.Sqrt(2.0 / (t * (double)n * (n - 1))) / s2;
        }
        else
        {
            // Standardized columns: the pair sums are sum w_i w_j rho_ij, scaled by sqrt(2T/(N(N-1))).
            u = PanelMath.StandardizedColumns(e, t, n, out _);
            diag = n;
            scale = Math.Sqrt(2.0 * t / (n * (n - 1.0)));
        }
        var uw = new double[t * g];
        la.Gemm(false, false, t, g, n, 1.0, u, w, 0.0, uw);
        double total = 0;
        for (int d = 0; d < g; d++)
        {
            double ss = 0;
            for (int s = 0; s < t; s++) ss += uw[s + d * t] * uw[s + d * t];
            total += scale * (ss - diag) / 2;
        }
        return total / Math.Sqrt(g);
    }

    /// <summary>Eq. (32): sum over pairs of |rho_ij| where |rho_ij| &gt; 2 sqrt(ln N / T) (raw correlations, not times sqrt(T)).</summary>
    public static double PowerEnhancement(PairwiseCorrelations pc)
    {
        int n = pc.N;
        double threshold = 2 * Math.Sqrt(Math.Log(n) / pc.T), sum = 0;
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
            {
                double a = Math.Abs(pc.Rho[i + j * n]);
                if (a > threshold) sum += a;
            }
        return sum;
    }
}
