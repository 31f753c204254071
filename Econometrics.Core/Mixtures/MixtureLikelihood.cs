using System.Runtime.CompilerServices;
using Econometrics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>
/// The observed-data log-likelihood of the mixture of experts (Liu and Perera 2023) and its pieces: per-person class
/// densities through the Woodbury identity (V⁻¹ = θ⁻¹I − θ⁻¹Λ A⁻¹ Λᵀθ⁻¹ with A = Ψ⁻¹ + ΛᵀΛ/θ, so every person costs
/// O(p q²) instead of a p x p Cholesky), posterior class probabilities, growth-factor posterior moments for the EM,
/// and the analytic score in the packed parameterisation without the curve parameters γ (a knot's derivative jumps at
/// observed times; the smooth curves' γ are differenced by the callers).
/// </summary>
internal sealed class MixtureLikelihood
{
    private const double Log2Pi = 1.8378770664093453;
    private readonly GrowthData _d;
    private readonly ModelShape _s;

    public MixtureLikelihood(GrowthData data, ModelShape shape) { _d = data; _s = shape; }

    public GrowthData Data => _d;
    public ModelShape Shape => _s;

    /// <summary>Per-class Cholesky factor of Ψ, inverse and log determinant of Φ.</summary>
    internal sealed class ClassCache
    {
        public ClassCache(int q, int m) { PsiChol = new double[q * q]; PhiInv = new double[m * m]; }

        /// <summary>Lower-triangular L with Ψ = L Lᵀ (row-major).</summary>
        public double[] PsiChol { get; }
        public double[] PhiInv { get; }
        public double LogDetPhi { get; set; }
    }

    public ClassCache[]? Prepare(ParameterSet ps)
    {
        var caches = new ClassCache[_s.K];
        for (int k = 0; k < _s.K; k++)
        {
            var c = new ClassCache(_s.Q, _s.M);
            if (!(ps.Theta[k] > 0) || !double.IsFinite(ps.Theta[k])) return null;
            ps.Psi[k].AsSpan().CopyTo(c.PsiChol);
            if (!SmallDense.Cholesky(c.PsiChol, _s.Q)) return null;
            if (_s.JointX)
            {
                if (!SmallDense.TryInvertSpd(ps.Phi[k], _s.M, c.PhiInv, out var lp)) return null;
                c.LogDetPhi = lp;
            }
            caches[k] = c;
        }
        return caches;
    }

    /// <summary>
    /// log φ(y_i; Λ_i(γ)(α + B x_i), Λ Ψ Λᵀ + θ I) for class k at curve parameters <paramref name="gamma"/>. When
    /// <paramref name="hhat"/> is non-empty it receives E[η | y_i] and <paramref name="cpost"/> Cov[η | y_i];
    /// when <paramref name="score"/> is non-empty it receives (∂/∂m (q), ∂/∂Ψ (q x q, symmetric full), ∂/∂θ).
    /// Returns −∞ when A is not positive definite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double LogDensityY(int i, ParameterSet ps, int k, ClassCache cache, ReadOnlySpan<double> gamma, Span<double> hhat, Span<double> cpost,
        Span<double> score)
    {
        int q = _s.Q, m = _s.M, p = _d.P;
        Span<double> mean = stackalloc double[q];
        Span<double> lam = stackalloc double[q];
        Span<double> S = stackalloc double[q * q];
        Span<double> b = stackalloc double[q];
        Span<double> A = stackalloc double[q * q];
        Span<double> dvec = stackalloc double[q];
        var alpha = ps.Alpha[k]; var B = ps.B[k];
        for (int r = 0; r < q; r++)
        {
            double v = alpha[r];
            for (int c = 0; c < m; c++) v += B[r * m + c] * _d.X[i * m + c];
            mean[r] = v;
        }
        S.Clear(); b.Clear();
        double rr = 0; int n = 0;
        int off = i * p;
        var times = _d.T.AsSpan(off, p);
        for (int j = 0; j < p; j++)
        {
            double y = _d.Y[off + j];
            if (double.IsNaN(y)) continue;
            _s.Loadings(times, j, gamma, lam);
            double mu = 0;
            for (int r = 0; r < q; r++) mu += lam[r] * mean[r];
            double res = y - mu;
            rr += res * res; n++;
            for (int r = 0; r < q; r++)
            {
                b[r] += lam[r] * res;
                for (int c = 0; c <= r; c++) S[r * q + c] += lam[r] * lam[c];
            }
        }
        for (int r = 0; r < q; r++) for (int c = r + 1; c < q; c++) S[r * q + c] = S[c * q + r];
        double theta = ps.Theta[k];
        // The posterior covariance C = (Ψ⁻¹ + S/θ)⁻¹ = L (I + Lᵀ S L/θ)⁻¹ Lᵀ with Ψ = L Lᵀ, and log det Ψ + log det(Ψ⁻¹ +
        // S/θ) = log det(I + Lᵀ S L/θ): no Ψ⁻¹, whose rounding error grows without bound as Ψ nears singularity (a
        // growth-factor correlation near ±1) and once handed the optimiser likelihoods hundreds of units too high there.
        var L = cache.PsiChol;
        Span<double> SL = stackalloc double[q * q];
        for (int r = 0; r < q; r++)
            for (int c = 0; c < q; c++)
            {
                double v = 0;
                for (int t = c; t < q; t++) v += S[r * q + t] * L[t * q + c];
                SL[r * q + c] = v;
            }
        for (int r = 0; r < q; r++)
            for (int c = 0; c <= r; c++)
            {
                double v = 0;
                for (int t = r; t < q; t++) v += L[t * q + r] * SL[t * q + c];
                A[r * q + c] = A[c * q + r] = (r == c ? 1 : 0) + v / theta;
            }
        if (!SmallDense.Cholesky(A, q)) return double.NegativeInfinity;
        double logDetA = SmallDense.LogDeterminant(A, q);
        // With A = R Rᵀ, C = L A⁻¹ Lᵀ = M Mᵀ for M = L R⁻ᵀ, so cᵀC c = ‖u‖² with u = R⁻¹ Lᵀ c (c = Λᵀr/θ) and d = C c =
        // L R⁻ᵀ u: two triangular solves for the likelihood alone; C itself only when the moments or the score need it.
        Span<double> cvec = stackalloc double[q];
        Span<double> u = stackalloc double[q];
        for (int r = 0; r < q; r++) cvec[r] = b[r] / theta;
        for (int r = 0; r < q; r++)
        {
            double v = 0;
            for (int t = r; t < q; t++) v += L[t * q + r] * cvec[t];
            for (int t = 0; t < r; t++) v -= A[r * q + t] * u[t];
            u[r] = v / A[r * q + r];
        }
        double quad = rr / theta;
        for (int r = 0; r < q; r++) quad -= u[r] * u[r];
        double logf = -0.5 * (n * Log2Pi + n * Math.Log(theta) + logDetA + quad);
        if (hhat.Length == 0 && score.Length == 0) return logf;
        for (int r = q - 1; r >= 0; r--)                        // u ← R⁻ᵀ u, then d = L u
        {
            double v = u[r];
            for (int t = r + 1; t < q; t++) v -= A[t * q + r] * u[t];
            u[r] = v / A[r * q + r];
        }
        for (int r = 0; r < q; r++)
        {
            double v = 0;
            for (int t = 0; t <= r; t++) v += L[r * q + t] * u[t];
            dvec[r] = v;
        }
        Span<double> C = stackalloc double[q * q];
        for (int w = 0; w < q; w++)                             // row w of M = L R⁻ᵀ solves R x = (row w of L)ᵀ
            for (int r = 0; r < q; r++)
            {
                double v = r <= w ? L[w * q + r] : 0;
                for (int t = 0; t < r; t++) v -= A[r * q + t] * SL[w * q + t];
                SL[w * q + r] = v / A[r * q + r];
            }
        for (int r = 0; r < q; r++)
            for (int c = 0; c <= r; c++)
            {
                double v = 0;
                for (int t = 0; t < q; t++) v += SL[r * q + t] * SL[c * q + t];
                C[r * q + c] = C[c * q + r] = v;
            }
        if (hhat.Length > 0)
        {
            for (int r = 0; r < q; r++) hhat[r] = mean[r] + dvec[r];
            C.CopyTo(cpost);
        }
        if (score.Length > 0)
        {
            // g_m = Λᵀ V⁻¹ r = c − S d / θ
            Span<double> gm = score[..q];
            for (int r = 0; r < q; r++)
            {
                double s = 0;
                for (int c = 0; c < q; c++) s += S[r * q + c] * dvec[c];
                gm[r] = cvec[r] - s / theta;
            }
            // Λᵀ V⁻¹ Λ = S/θ − (S/θ) C (S/θ)
            Span<double> SC = stackalloc double[q * q];
            for (int r = 0; r < q; r++)
                for (int c = 0; c < q; c++)
                {
                    double s = 0;
                    for (int t = 0; t < q; t++) s += S[r * q + t] * C[t * q + c];
                    SC[r * q + c] = s / theta;
                }
            var gpsi = score.Slice(q, q * q);
            for (int r = 0; r < q; r++)
                for (int c = 0; c < q; c++)
                {
                    double s = 0;
                    for (int t = 0; t < q; t++) s += SC[r * q + t] * S[t * q + c];
                    double lvl = S[r * q + c] / theta - s / theta;
                    gpsi[r * q + c] = 0.5 * (gm[r] * gm[c] - lvl);
                }
            // vᵀv with v = (r − Λ d)/θ; tr V⁻¹ = n/θ − tr(C S)/θ²
            double bd = 0, dSd = 0, trCS = 0;
            for (int r = 0; r < q; r++)
            {
                bd += b[r] * dvec[r];
                for (int c = 0; c < q; c++) { dSd += dvec[r] * S[r * q + c] * dvec[c]; trCS += C[r * q + c] * S[c * q + r]; }
            }
            double vv = (rr - 2 * bd + dSd) / (theta * theta);
            double trV = n / theta - trCS / (theta * theta);
            score[q + q * q] = 0.5 * (vv - trV);
            if (score.Length > q + q * q + 1) GammaScore(i, ps, k, gamma, mean, gm, S, C, dvec, theta, score[(q + q * q + 1)..]);
        }
        return logf;
    }

    /// <summary>
    /// ∂ log f/∂γ of a smooth curve: with v = V⁻¹r, the loading gradient is G = v mᵀ + (v vᵀ − V⁻¹) Λ Ψ, whose row j
    /// is v_j (m + Ψ Λᵀv) − Ψ (I − S C/θ) λ_j / θ (Woodbury: V⁻¹Λ = Λ (I − C S/θ)/θ, v_j = (r_j − λ_jᵀ d)/θ), contracted
    /// with ∂λ_j/∂γ.
    /// </summary>
    private void GammaScore(int i, ParameterSet ps, int k, ReadOnlySpan<double> gamma, ReadOnlySpan<double> mean, ReadOnlySpan<double> gm,
        ReadOnlySpan<double> S, ReadOnlySpan<double> C, ReadOnlySpan<double> d, double theta, Span<double> sg)
    {
        int q = _s.Q, R = _s.R, p = _d.P;
        var psi = ps.Psi[k];
        Span<double> u = stackalloc double[q];
        Span<double> W = stackalloc double[q * q];
        Span<double> M = stackalloc double[q * q];
        Span<double> lam = stackalloc double[q];
        Span<double> dl = stackalloc double[q * R];
        Span<double> g = stackalloc double[q];
        for (int r = 0; r < q; r++)
        {
            double s = mean[r];
            for (int c = 0; c < q; c++) s += psi[r * q + c] * gm[c];
            u[r] = s;
        }
        // M = I − S C/θ; W = Ψ M / θ.
        for (int r = 0; r < q; r++)
            for (int c = 0; c < q; c++)
            {
                double s = 0;
                for (int t = 0; t < q; t++) s += S[r * q + t] * C[t * q + c];
                M[r * q + c] = (r == c ? 1 : 0) - s / theta;
            }
        for (int r = 0; r < q; r++)
            for (int c = 0; c < q; c++)
            {
                double s = 0;
                for (int t = 0; t < q; t++) s += psi[r * q + t] * M[t * q + c];
                W[r * q + c] = s / theta;
            }
        sg[..R].Clear();
        int off = i * p;
        var times = _d.T.AsSpan(off, p);
        for (int j = 0; j < p; j++)
        {
            double y = _d.Y[off + j];
            if (double.IsNaN(y)) continue;
            _s.Loadings(times, j, gamma, lam);
            _s.LoadingDerivatives(times, j, gamma, dl);
            double mu = 0, ld = 0;
            for (int r = 0; r < q; r++) { mu += lam[r] * mean[r]; ld += lam[r] * d[r]; }
            double v = (y - mu - ld) / theta;
            for (int r = 0; r < q; r++)
            {
                double s = v * u[r];
                for (int c = 0; c < q; c++) s -= W[r * q + c] * lam[c];
                g[r] = s;
            }
            for (int e = 0; e < R; e++)
            {
                double s = 0;
                for (int r = 0; r < q; r++) s += g[r] * dl[r * R + e];
                sg[e] += s;
            }
        }
    }

    /// <summary>log φ(x_i; μx_k, Φ_k); when <paramref name="score"/> is non-empty it receives ∂/∂μx (m) and ∂/∂Φ (m x m).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double LogDensityX(int i, ParameterSet ps, int k, ClassCache cache, Span<double> score)
    {
        int m = _s.M;
        Span<double> e = stackalloc double[m];
        Span<double> w = stackalloc double[m];
        for (int c = 0; c < m; c++) e[c] = _d.X[i * m + c] - ps.MuX[k][c];
        double quad = 0;
        for (int r = 0; r < m; r++)
        {
            double s = 0;
            for (int c = 0; c < m; c++) s += cache.PhiInv[r * m + c] * e[c];
            w[r] = s; quad += e[r] * s;
        }
        if (score.Length > 0)
        {
            for (int r = 0; r < m; r++) score[r] = w[r];
            for (int r = 0; r < m; r++) for (int c = 0; c < m; c++) score[m + r * m + c] = 0.5 * (w[r] * w[c] - cache.PhiInv[r * m + c]);
        }
        return -0.5 * (m * Log2Pi + cache.LogDetPhi + quad);
    }

    /// <summary>log π_k(z_i) for all k.</summary>
    public void LogGate(int i, ParameterSet ps, Span<double> logPi)
    {
        int g = _s.G;
        double max = double.NegativeInfinity;
        for (int k = 0; k < _s.K; k++)
        {
            double v = ps.Gate[k * (g + 1)];
            for (int c = 0; c < g; c++) v += ps.Gate[k * (g + 1) + 1 + c] * _d.Z[i * g + c];
            logPi[k] = v; if (v > max) max = v;
        }
        double s = 0;
        for (int k = 0; k < _s.K; k++) s += Math.Exp(logPi[k] - max);
        double lse = max + Math.Log(s);
        for (int k = 0; k < _s.K; k++) logPi[k] -= lse;
    }

    /// <summary>
    /// The log-likelihood; optionally per-person contributions (N), posteriors τ (N x K row-major), and the growth-factor
    /// posterior moments per class (hhat[k]: N x q, cpost[k]: N x q x q). −∞ when the parameters are invalid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ParameterSet ps, double[]? perPerson = null, double[]? post = null, double[][]? hhat = null, double[][]? cpost = null)
    {
        var caches = Prepare(ps);
        if (caches is null) return double.NegativeInfinity;
        int K = _s.K, q = _s.Q;
        Span<double> a = stackalloc double[K];
        double total = 0;
        for (int i = 0; i < _d.N; i++)
        {
            LogGate(i, ps, a);
            for (int k = 0; k < K; k++)
            {
                var h = hhat is null ? Span<double>.Empty : hhat[k].AsSpan(i * q, q);
                var c = cpost is null ? Span<double>.Empty : cpost[k].AsSpan(i * q * q, q * q);
                a[k] += LogDensityY(i, ps, k, caches[k], ps.Gamma[k], h, c, Span<double>.Empty);
                if (_s.JointX) a[k] += LogDensityX(i, ps, k, caches[k], Span<double>.Empty);
            }
            double li = LogSumExp(a);
            if (!double.IsFinite(li)) return double.NegativeInfinity;
            total += li;
            if (perPerson is not null) perPerson[i] = li;
            if (post is not null) for (int k = 0; k < K; k++) post[i * K + k] = Math.Exp(a[k] - li);
        }
        return total;
    }

    /// <summary>The log-likelihood and its gradient over the packed parameters without γ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Gradient(ParameterSet ps, double[] grad) => Gradient(ps, grad, false);

    /// <summary>
    /// The log-likelihood and its gradient over the packed parameters, with the smooth curves' γ when
    /// <paramref name="withGamma"/> (a spline's knots never: their derivative jumps at observed times).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Gradient(ParameterSet ps, double[] grad, bool withGamma)
    {
        if (withGamma && !(_s.SmoothGamma && _s.FreeGamma)) withGamma = false;
        int rg = withGamma ? _s.R : 0;
        Array.Clear(grad);
        var caches = Prepare(ps);
        if (caches is null) return double.NegativeInfinity;
        int K = _s.K, q = _s.Q, m = _s.M, G = _s.G;
        int ny = q + q * q + 1 + rg, nx = m + m * m;
        var sy = new double[K * ny];
        var sx = new double[K * nx];
        Span<double> a = stackalloc double[K];
        Span<double> logPi = stackalloc double[K];
        var per = _s.PerClass - (_s.FreeGamma ? _s.R : 0) + rg;
        double total = 0;
        for (int i = 0; i < _d.N; i++)
        {
            LogGate(i, ps, logPi);
            for (int k = 0; k < K; k++)
            {
                a[k] = logPi[k] + LogDensityY(i, ps, k, caches[k], ps.Gamma[k], Span<double>.Empty, Span<double>.Empty, sy.AsSpan(k * ny, ny));
                if (_s.JointX) a[k] += LogDensityX(i, ps, k, caches[k], sx.AsSpan(k * nx, nx));
            }
            double li = LogSumExp(a);
            if (!double.IsFinite(li)) return double.NegativeInfinity;
            total += li;
            for (int k = 0; k < K; k++)
            {
                double tau = Math.Exp(a[k] - li);
                int o = k * per;
                var s = sy.AsSpan(k * ny, ny);
                // α, then Ψ (upper triangle; off-diagonals count twice), θ, B (by covariate then factor), μx, Φ.
                for (int r = 0; r < q; r++) grad[o + r] += tau * s[r];
                o += q;
                for (int r = 0; r < rg; r++) grad[o++] += tau * s[q + q * q + 1 + r];
                for (int r = 0; r < q; r++) for (int c = r; c < q; c++) grad[o++] += tau * (r == c ? s[q + r * q + c] : 2 * s[q + r * q + c]);
                grad[o++] += tau * s[q + q * q];
                for (int c = 0; c < m; c++) for (int r = 0; r < q; r++) grad[o++] += tau * s[r] * _d.X[i * m + c];
                if (_s.JointX)
                {
                    var x = sx.AsSpan(k * nx, nx);
                    for (int c = 0; c < m; c++) grad[o++] += tau * x[c];
                    for (int r = 0; r < m; r++) for (int c = r; c < m; c++) grad[o++] += tau * (r == c ? x[m + r * m + c] : 2 * x[m + r * m + c]);
                }
                if (k > 0)
                {
                    int go = K * per + (k - 1) * (G + 1);
                    double d = tau - Math.Exp(logPi[k]);
                    grad[go] += d;
                    for (int c = 0; c < G; c++) grad[go + 1 + c] += d * _d.Z[i * G + c];
                }
            }
        }
        return total;
    }

    public static double LogSumExp(ReadOnlySpan<double> a)
    {
        double max = double.NegativeInfinity;
        foreach (var v in a) if (v > max) max = v;
        if (double.IsNegativeInfinity(max)) return max;
        double s = 0;
        foreach (var v in a) s += Math.Exp(v - max);
        return max + Math.Log(s);
    }
}
