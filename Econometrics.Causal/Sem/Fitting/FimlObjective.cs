using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The full-information ML objective (Arbuckle 1996; lavaan's <c>missing = "ml"</c>): the normal log-likelihood of each row's
/// observed values under the implied moments, l = sum over patterns k of -n_k/2 [p_k log 2pi + log|Sigma_k| + tr(P_k M_k)]
/// with Sigma_k the observed block of Sigma, P_k its inverse, M_k = S_k + d_k d_k' (S_k the pattern's covariance, divisor
/// n_k, and d_k its mean minus mu_k). The objective is F = (l_H1 - l) / N, so that 2 N F is the chi-square against the
/// saturated model. Per pattern: one Cholesky of Sigma_k and small matrix products on the pattern's moments.
/// The gradient has MlObjective's form g_a = [0.5 tr(W dSigma_a) - e' dmu_a] / N with W = sum n_k (P_k - P_k M_k P_k) and
/// e = sum n_k P_k d_k (each embedded in p x p); the observed information is analytic (see <see cref="Information"/>).
/// </summary>
internal sealed class FimlObjective
{
    private const double Log2Pi = 1.8378770664093453;
    private readonly RamEvaluator _eval;
    private readonly MissingPatterns _data;
    private readonly double _logLikH1;
    private readonly (int X, int Y, double W)[][] _terms;
    private readonly (int X, int BmIndex)[][] _meanTerms;
    private readonly int[] _used;    // the columns of V = [F B | F C] that some derivative uses

    public FimlObjective(RamEvaluator eval, MissingPatterns data, double logLikH1)
    {
        if (!eval.Model.HasMeans) throw new ArgumentException("Full-information ML needs the mean structure.", nameof(eval));
        _eval = eval; _data = data; _logLikH1 = logLikH1;
        _terms = MlObjective.BuildTerms(eval.Model);
        _meanTerms = MlObjective.BuildMeanTerms(eval.Model);
        var used = new SortedSet<int>();
        foreach (var t in _terms) foreach (var (x, y, _) in t) { used.Add(x); used.Add(y); }
        foreach (var t in _meanTerms) foreach (var (x, _) in t) used.Add(x);
        _used = used.ToArray();
        var pos = new Dictionary<int, int>();
        for (int i = 0; i < _used.Length; i++) pos[_used[i]] = i;
        _terms = _terms.Select(t => t.Select(u => (pos[u.X], pos[u.Y], u.W)).ToArray()).ToArray();
        _meanTerms = _meanTerms.Select(t => t.Select(u => (pos[u.X], u.BmIndex)).ToArray()).ToArray();
    }

    /// <summary>Per pattern: P_k = Sigma_k^-1 and d_k = pattern mean - mu_k.</summary>
    internal sealed record PatternState(Matrix<double> P, Vector<double> D, double LogDet);

    internal sealed record State(double[] Theta, double F, double LogLikelihood, RamEvaluator.Moments Moments, PatternState[] Patterns)
    {
        public Matrix<double> Sigma => Moments.Sigma;
    }

    public MissingPatterns Data => _data;

    /// <summary>The objective at theta, or null outside the parameter space (I - A singular or a Sigma_k not positive definite).</summary>
    public State? At(double[] theta)
    {
        var mom = _eval.Implied(theta);
        if (mom?.Mu is not { } mu) return null;
        var sigma = mom.Sigma;
        var states = new PatternState[_data.Patterns.Length];
        double ll = 0;
        for (int k = 0; k < states.Length; k++)
        {
            var pt = _data.Patterns[k];
            var o = pt.Observed;
            int pk = o.Length;
            var a = new double[pk * pk];
            for (int j = 0; j < pk; j++)
                for (int i = 0; i < pk; i++) a[i + j * pk] = sigma[o[i], o[j]];
            var inv = new double[pk * pk];
            if (!SmallDense.TryInvertSpd(a, pk, inv, out double logDet) || !double.IsFinite(logDet)) return null;
            var p = Matrix<double>.Build.Dense(pk, pk, inv);
            var d = Vector<double>.Build.Dense(pk, i => pt.Mean[i] - mu[o[i]]);
            double tr = p.PointwiseMultiply(pt.Covariance).Enumerate().Sum() + d.DotProduct(p * d);
            ll -= 0.5 * pt.Count * (pk * Log2Pi + logDet + tr);
            states[k] = new PatternState(p, d, logDet);
        }
        double f = (_logLikH1 - ll) / _data.N;
        return double.IsFinite(f) ? new State(theta, f, ll, mom, states) : null;
    }

    private Matrix<double> V(State s) => s.Moments.FB.Append(s.Moments.FC);

    private Matrix<double> UsedColumns(Matrix<double> v, int[] rows) =>
        Matrix<double>.Build.Dense(rows.Length, _used.Length, (i, j) => v[rows[i], _used[j]]);

    private double MeanWeight(State s, int j) => j < 0 ? 1.0 : s.Moments.BM![j];

    /// <summary>W = sum n_k (P_k - P_k M_k P_k) and e = sum n_k P_k d_k, embedded in p x p and p.</summary>
    private (Matrix<double> W, Vector<double> E) Weights(State s)
    {
        int p = _data.Variables;
        var w = Matrix<double>.Build.Dense(p, p);
        var e = Vector<double>.Build.Dense(p);
        for (int k = 0; k < s.Patterns.Length; k++)
        {
            var pt = _data.Patterns[k];
            var (pk, d, _) = s.Patterns[k];
            var pd = pk * d;
            var pmp = pk * pt.Covariance * pk + pd.OuterProduct(pd);
            var o = pt.Observed;
            for (int j = 0; j < o.Length; j++)
            {
                e[o[j]] += pt.Count * pd[j];
                for (int i = 0; i < o.Length; i++) w[o[i], o[j]] += pt.Count * (pk[i, j] - pmp[i, j]);
            }
        }
        return (w, e);
    }

    /// <summary>The gradient of F.</summary>
    public Vector<double> Gradient(State s)
    {
        var (w, e) = Weights(s);
        return Map(s.Moments, w, e) / _data.N;
    }

    // g_a = 0.5 tr(W dSigma_a) - e' dmu_a through dSigma_a = sum w (V_x V_y' + V_y V_x') and dmu_a = sum c V_x.
    private Vector<double> Map(RamEvaluator.Moments mom, Matrix<double> w, Vector<double> e)
    {
        var v = mom.FB.Append(mom.FC);
        var vu = Matrix<double>.Build.Dense(v.RowCount, _used.Length, (i, j) => v[i, _used[j]]);
        var r = vu.TransposeThisAndMultiply(w * vu);
        var ve = vu.TransposeThisAndMultiply(e);
        int q = _terms.Length;
        var g = Vector<double>.Build.Dense(q);
        for (int a = 0; a < q; a++)
        {
            foreach (var (x, y, wt) in _terms[a]) g[a] += wt * r[x, y];
            foreach (var (x, j) in _meanTerms[a]) g[a] -= (j < 0 ? 1.0 : mom.BM![j]) * ve[x];
        }
        return g;
    }

    /// <summary>
    /// The information per observation (the Hessian of F). Per pattern, with Q = V_k' P_k V_k, R = V_k' P_k M_k P_k V_k and
    /// h = V_k' P_k d_k, the second derivative of log|Sigma_k| + tr(P_k M_k) in directions (A, m), (B, n) is
    /// -tr(P A P B) + 2 tr(P A P B P M) + 2 (m' P B P d + n' P A P d) + 2 m' P n, each trace a sum of products of entries
    /// of Q and R; the term of the model's own second derivatives, 0.5 tr(W d2Sigma_ab) - e' d2mu_ab, is the central
    /// difference of the map theta -&gt; [0.5 tr(W dSigma_a(theta)) - e' dmu_a(theta)] at the fixed W and e (data-free).
    /// With <paramref name="observed"/> false: the expected information (the R, h and second-derivative terms vanish in
    /// expectation), always positive semi-definite, for Fisher-scoring steps far from the optimum.
    /// </summary>
    public Matrix<double> Information(State s, bool observed = true)
    {
        int q = _terms.Length, c = _used.Length;
        var v = V(s);
        var info = new double[q * q];
        var qa = new double[c * c];
        var ra = new double[c * c];
        var h = new double[c];
        for (int k = 0; k < s.Patterns.Length; k++)
        {
            var pt = _data.Patterns[k];
            var (pk, d, _) = s.Patterns[k];
            var vo = UsedColumns(v, pt.Observed);
            var pv = pk * vo;
            var qm = vo.TransposeThisAndMultiply(pv);
            qm.CopyTo(Matrix<double>.Build.Dense(c, c, qa));
            if (observed)
            {
                var hv = pv.TransposeThisAndMultiply(d);
                var rm = pv.TransposeThisAndMultiply(pt.Covariance * pv) + hv.OuterProduct(hv);
                rm.CopyTo(Matrix<double>.Build.Dense(c, c, ra));
                hv.CopyTo(Vector<double>.Build.Dense(h));
            }
            double nk = pt.Count;
            for (int a = 0; a < q; a++)
                for (int b = 0; b <= a; b++)
                {
                    double sum = 0;
                    foreach (var (x, y, wa) in _terms[a])
                        foreach (var (z, u, wb) in _terms[b])
                        {
                            double t1 = qa[y + z * c] * qa[u + x * c] + qa[y + u * c] * qa[z + x * c] + qa[x + z * c] * qa[u + y * c]
                                        + qa[x + u * c] * qa[z + y * c];
                            double t2 = observed
                                ? qa[y + z * c] * ra[u + x * c] + qa[y + u * c] * ra[z + x * c] + qa[x + z * c] * ra[u + y * c]
                                  + qa[x + u * c] * ra[z + y * c]
                                : t1;   // E[M_k] = Sigma_k turns tr(PAPBPM) into tr(PAPB)
                            sum += wa * wb * 0.5 * (2 * t2 - t1);
                        }
                    foreach (var (x, i) in _meanTerms[a])
                    {
                        double ca = MeanWeight(s, i);
                        foreach (var (z, j) in _meanTerms[b]) sum += ca * MeanWeight(s, j) * qa[x + z * c];
                        if (observed)
                            foreach (var (z, u, wb) in _terms[b]) sum += ca * wb * (qa[x + z * c] * h[u] + qa[x + u * c] * h[z]);
                    }
                    if (observed)
                        foreach (var (x, j) in _meanTerms[b])
                        {
                            double cb = MeanWeight(s, j);
                            foreach (var (z, u, wa) in _terms[a]) sum += cb * wa * (qa[x + z * c] * h[u] + qa[x + u * c] * h[z]);
                        }
                    info[a + b * q] += nk * sum;
                }
        }
        var result = Matrix<double>.Build.Dense(q, q, (a, b) => a >= b ? info[a + b * q] : info[b + a * q]);
        if (observed) result += SecondOrderTerm(s);
        return result / _data.N;
    }

    // The Jacobian of theta -> [0.5 tr(W dSigma_a(theta)) - e' dmu_a(theta)] at fixed W, e: five-point central differences.
    private Matrix<double> SecondOrderTerm(State s)
    {
        var (w, e) = Weights(s);
        int q = _terms.Length;
        var jac = Matrix<double>.Build.Dense(q, q);
        for (int b = 0; b < q; b++)
        {
            double step = 1e-4 * Math.Max(1, Math.Abs(s.Theta[b]));
            Vector<double> At(double t)
            {
                var th = (double[])s.Theta.Clone();
                th[b] += t;
                var mom = _eval.Implied(th) ?? throw new InvalidOperationException("I - A is singular near the estimates.");
                return Map(mom, w, e);
            }
            jac.SetColumn(b, (At(-2 * step) - 8 * At(-step) + 8 * At(step) - At(2 * step)) / (12 * step));
        }
        return (jac + jac.Transpose()) * 0.5;
    }

    /// <summary>Each kept row's log-likelihood of its observed values (lavaan's <c>loglik.casewise</c>), in row order.</summary>
    public double[] CasewiseLogLikelihood(State s)
    {
        var ll = new double[_data.N];
        for (int k = 0; k < s.Patterns.Length; k++)
        {
            var pt = _data.Patterns[k];
            var (pk, _, logDet) = s.Patterns[k];
            var r = Residuals(s, pt);
            var z = r * pk;
            for (int i = 0; i < pt.Count; i++)
            {
                double quad = 0;
                for (int j = 0; j < pt.Observed.Length; j++) quad += z[i, j] * r[i, j];
                ll[pt.Rows[i]] = -0.5 * (pt.Observed.Length * Log2Pi + logDet + quad);
            }
        }
        return ll;
    }

    /// <summary>
    /// Casewise scores dl_i/dtheta_a (N x q, row order): with u = P_k r_i, s_ia = sum w [(u'V_x)(u'V_y) - Q_xy] + sum c u'V_x.
    /// </summary>
    public Matrix<double> Scores(State s)
    {
        int q = _terms.Length;
        var v = V(s);
        var scores = Matrix<double>.Build.Dense(_data.N, q);
        for (int k = 0; k < s.Patterns.Length; k++)
        {
            var pt = _data.Patterns[k];
            var pk = s.Patterns[k].P;
            var vo = UsedColumns(v, pt.Observed);
            var pv = pk * vo;
            var qm = vo.TransposeThisAndMultiply(pv);
            var uv = Residuals(s, pt) * pv;
            for (int i = 0; i < pt.Count; i++)
            {
                int row = pt.Rows[i];
                for (int a = 0; a < q; a++)
                {
                    double sc = 0;
                    foreach (var (x, y, w) in _terms[a]) sc += w * (uv[i, x] * uv[i, y] - qm[x, y]);
                    foreach (var (x, j) in _meanTerms[a]) sc += MeanWeight(s, j) * uv[i, x];
                    scores[row, a] = sc;
                }
            }
        }
        return scores;
    }

    private static Matrix<double> Residuals(State s, MissingPatterns.Pattern pt)
    {
        var mu = s.Moments.Mu!;
        return Matrix<double>.Build.Dense(pt.Count, pt.Observed.Length, (i, j) => pt.Data[i, j] - mu[pt.Observed[j]]);
    }
}
