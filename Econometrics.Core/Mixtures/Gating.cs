using Econometrics.LinearAlgebra;
namespace Econometrics.Mixtures;

/// <summary>
/// The gating M-step: Newton steps on the weighted multinomial logit Σ_i Σ_k τ_ik log π_k(z_i) (class 1 fixed at 0),
/// with a tiny ridge for classes separated by z; closed form when there are no gating covariates.
/// </summary>
internal static class Gating
{
    public static void Update(ParameterSet ps, GrowthData d, double[] tau, int steps, double ridge = 1e-8)
    {
        int K = ps.Shape.K, G = ps.Shape.G, w = G + 1, N = d.N;
        if (K == 1) return;
        if (G == 0)
        {
            var nk = new double[K];
            for (int i = 0; i < N; i++) for (int k = 0; k < K; k++) nk[k] += tau[i * K + k];
            for (int k = 1; k < K; k++) ps.Gate[k] = Math.Log(Math.Max(nk[k], 1e-300) / Math.Max(nk[0], 1e-300));
            return;
        }
        int dim = (K - 1) * w;
        var grad = new double[dim];
        var H = new double[dim * dim];
        Span<double> logPi = stackalloc double[K];
        Span<double> wi = stackalloc double[w];
        for (int step = 0; step < steps; step++)
        {
            Array.Clear(grad); Array.Clear(H);
            for (int i = 0; i < N; i++)
            {
                Probabilities(ps, d, i, logPi);
                wi[0] = 1;
                for (int c = 0; c < G; c++) wi[1 + c] = d.Z[i * G + c];
                for (int a = 1; a < K; a++)
                {
                    double pa = logPi[a];
                    double ga = tau[i * K + a] - pa;
                    for (int r = 0; r < w; r++) grad[(a - 1) * w + r] += ga * wi[r];
                    for (int b = 1; b < K; b++)
                    {
                        double h = pa * ((a == b ? 1 : 0) - logPi[b]);
                        for (int r = 0; r < w; r++) for (int c = 0; c < w; c++) H[((a - 1) * w + r) * dim + (b - 1) * w + c] += h * wi[r] * wi[c];
                    }
                }
            }
            for (int r = 0; r < dim; r++) H[r * dim + r] += ridge * (1 + H[r * dim + r]);
            if (!SmallDense.Cholesky(H, dim)) return;
            SmallDense.Solve(H, dim, grad);
            double max = 0;
            for (int a = 1; a < K; a++) for (int r = 0; r < w; r++)
            {
                ps.Gate[a * w + r] += grad[(a - 1) * w + r]; max = Math.Max(max,
                Math.Abs(grad[(a - 1) * w + r]));
            }
            if (max < 1e-10) return;
        }
    }

    /// <summary>π_k(z_i) (not logs) into <paramref name="pi"/>.</summary>
    public static void Probabilities(ParameterSet ps, GrowthData d, int i, Span<double> pi)
    {
        int K = ps.Shape.K, G = ps.Shape.G;
        double max = double.NegativeInfinity;
        for (int k = 0; k < K; k++)
        {
            double v = ps.Gate[k * (G + 1)];
            for (int c = 0; c < G; c++) v += ps.Gate[k * (G + 1) + 1 + c] * d.Z[i * G + c];
            pi[k] = v; if (v > max) max = v;
        }
        double s = 0;
        for (int k = 0; k < K; k++) { pi[k] = Math.Exp(pi[k] - max); s += pi[k]; }
        for (int k = 0; k < K; k++) pi[k] /= s;
    }
}
