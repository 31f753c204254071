using System.Runtime.CompilerServices;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// lavaan's ML objective F = 0.5 [log|Sigma| + tr(S Sigma^-1) - log|S| - p + (ybar - mu)' Sigma^-1 (ybar - mu)] (the
/// last term only with a mean structure), its gradient g_a = 0.5 tr(W dSigma_a) - e' dmu_a with
/// W = Sigma^-1 (Sigma - S - d d') Sigma^-1, d = ybar - mu, e = Sigma^-1 d, and the expected information per observation
/// I_ab = 0.5 tr(Sigma^-1 dSigma_a Sigma^-1 dSigma_b) + dmu_a' Sigma^-1 dmu_b.
/// </summary>
internal sealed class MlObjective(RamEvaluator eval, Matrix<double> sample, double logDetS, Vector<double>? sampleMean = null) : IGroupObjective
{
    // S and ybar as flat arrays for the loops below (S is symmetric, so its storage order does not matter).
    private readonly double[] _s = sample.ToColumnMajorArray();
    private readonly double[]? _ybar = sampleMean?.ToArray();

    /// <inheritdoc/>
    public RamEvaluator Evaluator => eval;

    /// <summary>The objective at theta, or null outside the parameter space (I - A singular or Sigma not positive definite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public GroupState? At(double[] theta)
    {
        var mom = eval.Implied(theta);
        if (mom is null) return null;
        var sigma = mom.Sigma;
        int p = sigma.RowCount;
        var l = sigma.ToColumnMajorArray();
        if (!SmallDense.Cholesky(l, p)) return null;
        double logDet = SmallDense.LogDeterminant(l, p);
        if (!double.IsFinite(logDet)) return null;
        var inv = new double[p * p];
        InverseFromCholesky(l, p, inv);
        double tr = 0;
        for (int i = 0; i < inv.Length; i++) tr += _s[i] * inv[i];
        if (mom.Mu is { } mu)
        {
            var d = Residual(mu);
            for (int j = 0; j < p; j++)
                for (int i = 0; i < p; i++) tr += d[i] * inv[i + j * p] * d[j];
        }
        double f = 0.5 * (logDet + tr - logDetS - p);
        return double.IsFinite(f) ? new GroupState(theta, f, sigma, Matrix<double>.Build.Dense(p, p, inv), mom) : null;
    }

    private double[] Residual(Vector<double> mu)
    {
        var d = new double[mu.Count];
        for (int i = 0; i < d.Length; i++) d[i] = _ybar![i] - mu[i];
        return d;
    }

    // (L L')^-1 into the column-major inv, one column per forward and back substitution.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InverseFromCholesky(double[] l, int n, double[] inv)
    {
        Span<double> col = n <= 128 ? stackalloc double[n] : new double[n];
        for (int j = 0; j < n; j++)
        {
            col.Clear();
            col[j] = 1;
            SmallDense.Solve(l, n, col);
            col.CopyTo(inv.AsSpan(j * n, n));
        }
    }

    // Every dSigma_a is a sum of symmetric rank-2 terms w (x y^T + y x^T) whose vectors are columns of V = [F B | F C]:
    // an A-cell (i, j) gives x = (FB)_i, y = (FC)_j; an S-cell (i, j) gives x = (FB)_i, y = (FB)_j (w = 1/2 on the diagonal).
    private readonly (int X, int Y, double W)[][] _terms = BuildTerms(eval.Model);

    // Every dmu_a is a sum of columns of F B: an m-cell j gives (FB)_j; an A-cell (i, j) gives (FB)_i (B m)_j (Index = j).
    private readonly (int X, int BmIndex)[][] _meanTerms = BuildMeanTerms(eval.Model);

    internal static (int X, int Y, double W)[][] BuildTerms(RamModel model)
    {
        int m = model.Size;
        var terms = Enumerable.Range(0, model.FreeCount).Select(_ => new List<(int, int, double)>()).ToArray();
        foreach (var c in model.Cells.Where(c => c.IsFree && !c.IsMean))
            terms[c.Free].Add(c.IsA ? (c.Row, m + c.Col, 1.0) : (c.Row, c.Col, c.Row == c.Col ? 0.5 : 1.0));
        return terms.Select(t => t.ToArray()).ToArray();
    }

    internal static (int X, int BmIndex)[][] BuildMeanTerms(RamModel model)
    {
        var terms = Enumerable.Range(0, model.FreeCount).Select(_ => new List<(int, int)>()).ToArray();
        if (model.HasMeans)
            foreach (var c in model.Cells.Where(c => c.IsFree && (c.IsMean || c.IsA)))
                terms[c.Free].Add(c.IsMean ? (c.Row, -1) : (c.Row, c.Col));
        return terms.Select(t => t.ToArray()).ToArray();
    }

    // The products of V = [F B | F C] (p x 2m, column-major) that the gradient and information read: P V with P = Sigma^-1,
    // D P V with D = Sigma - S - d d' (so that V' W V = (P V)' D (P V), W = P D P), and e = (P V)' d.
    private sealed class Products
    {
        public required double[] V, PV, DPV;
        public double[]? E;
        public int P, Cols;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Dot(double[] x, int a, double[] y, int b)
        {
            double sum = 0;
            int xa = a * P, yb = b * P;
            for (int i = 0; i < P; i++) sum += x[xa + i] * y[yb + i];
            return sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Products Multiply(GroupState s)
    {
        var fb = s.FB.AsColumnMajorArray() ?? s.FB.ToColumnMajorArray();
        var fc = s.FC.AsColumnMajorArray() ?? s.FC.ToColumnMajorArray();
        var pinv = s.SigmaInv.AsColumnMajorArray() ?? s.SigmaInv.ToColumnMajorArray();
        var sig = s.Sigma.AsColumnMajorArray() ?? s.Sigma.ToColumnMajorArray();
        int p = s.Sigma.RowCount, cols = fb.Length / p + fc.Length / p;
        var v = new double[p * cols];
        fb.CopyTo(v, 0);
        fc.CopyTo(v, fb.Length);
        var pv = Product(pinv, v, p, cols);
        var dm = new double[p * p];
        for (int i = 0; i < dm.Length; i++) dm[i] = sig[i] - _s[i];
        double[]? e = null;
        if (s.Moments.Mu is { } mu)
        {
            var d = Residual(mu);
            for (int j = 0; j < p; j++)
                for (int i = 0; i < p; i++) dm[i + j * p] -= d[i] * d[j];
            e = new double[cols];
            for (int x = 0; x < cols; x++)
            {
                double sum = 0;
                for (int i = 0; i < p; i++) sum += pv[i + x * p] * d[i];
                e[x] = sum;
            }
        }
        return new Products { V = v, PV = pv, DPV = Product(dm, pv, p, cols), E = e, P = p, Cols = cols };
    }

    // M X for a p x p matrix M and a p x cols matrix X (column-major).
    private static double[] Product(double[] m, double[] x, int p, int cols)
    {
        var r = new double[p * cols];
        SmallDense.MultiplyAdd(m, p, p, x, p, cols, r);
        return r;
    }

    /// <summary>
    /// Gradient and expected information from V = [F B | F C]: with Q = V^T Sigma^-1 V and R = V^T W V,
    /// g_a = sum w R[x, y] and
    /// tr(Sigma^-1 (xy' + yx') Sigma^-1 (zu' + uz')) = Q_yz Q_ux + Q_yu Q_zx + Q_xz Q_uy + Q_xu Q_zy.
    /// </summary>
    public (Vector<double> Gradient, Matrix<double> Information) GradientAndInformation(GroupState s)
    {
        var pr = Multiply(s);
        var g = Gradient(s, pr);
        var qa = SmallDense.CrossProduct(pr.V, pr.PV, pr.P, pr.Cols);
        return (g, Matrix<double>.Build.Dense(_terms.Length, _terms.Length, ExpectedInformation(s, qa, pr.Cols, pr.E is not null)));
    }

    // I_ab from Q = V' Sigma^-1 V (column-major, leading dimension ld).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] ExpectedInformation(GroupState s, double[] qa, int ld, bool means)
    {
        int n = _terms.Length;
        var bm = s.Moments.BM;
        double Weight(int j) => j < 0 ? 1.0 : bm![j];
        var info = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                double sum = 0;
                foreach (var (x, y, wa) in _terms[a])
                    foreach (var (z, u, wb) in _terms[b])
                        sum += wa * wb * (qa[y + z * ld] * qa[u + x * ld] + qa[y + u * ld] * qa[z + x * ld]
                                          + qa[x + z * ld] * qa[u + y * ld] + qa[x + u * ld] * qa[z + y * ld]);
                double meanPart = 0;
                if (means)
                    foreach (var (x, i) in _meanTerms[a])
                        foreach (var (z, j) in _meanTerms[b])
                            meanPart += Weight(i) * Weight(j) * qa[x + z * ld];
                info[a + b * n] = info[b + a * n] = 0.5 * sum + meanPart;
            }
        return info;
    }

    /// <summary>
    /// The observed information per observation, the Hessian of F, in closed form: with P = Sigma^-1, W = P (Sigma - S - d d') P,
    /// e = P d and the second derivatives Sigma_ab, mu_ab of the RAM moments,
    /// H_ab = I_ab - tr(P Sigma_a W Sigma_b) + e' Sigma_a P mu_b + e' Sigma_b P mu_a + 0.5 tr(W Sigma_ab) - e' mu_ab,
    /// all read off Q = V' P V and R = V' W V. The second derivatives: with b_i, c_j the columns of B and C = B S B',
    /// d2C/dA_ij dA_kl = B_li (b_k c_j' + c_j b_k') + C_lj (b_i b_k' + b_k b_i') + B_jk (b_i c_l' + c_l b_i'),
    /// d2C/dA_ij dS_kl = b_i (b_k B_jl + b_l B_jk)' + transpose, d2mu/dA_ij dA_kl = F (b_k B_li (Bm)_j + b_i B_jk (Bm)_l) and
    /// d2mu/dA_ij dm_k = F b_i B_jk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix<double> Hessian(GroupState s)
    {
        var pr = Multiply(s);
        int ld = pr.Cols, m = ld / 2, n = _terms.Length;
        var qa = SmallDense.CrossProduct(pr.V, pr.PV, pr.P, ld);
        var ra = SmallDense.CrossProduct(pr.PV, pr.DPV, pr.P, ld);
        var (bFull, tFull) = s.Moments.Full ?? throw new InvalidOperationException("The moments carry no B (internal).");
        // C = B T, all m x m.
        var c = new double[m * m];
        SmallDense.MultiplyAdd(bFull, m, m, tFull, m, m, c);
        double B(int i, int j) => bFull[i + j * m];
        double C(int i, int j) => c[i + j * m];
        double Q(int i, int j) => qa[i + j * ld];
        double R(int i, int j) => ra[i + j * ld];
        var e = pr.E;
        var bm = s.Moments.BM;
        double Weight(int j) => j < 0 ? 1.0 : bm![j];
        var h = ExpectedInformation(s, qa, ld, e is not null);
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                double sum = 0;
                foreach (var (x, y, wa) in _terms[a])
                    foreach (var (z, u, wb) in _terms[b])
                    {
                        sum -= wa * wb * (R(y, z) * Q(u, x) + R(y, u) * Q(z, x) + R(x, z) * Q(u, y) + R(x, u) * Q(z, y));
                        sum += 0.5 * SecondDerivativeTrace(x, y, wa, z, u, wb) + 0.5 * SecondDerivativeTrace(z, u, wb, x, y, wa);
                    }
                if (e is not null)
                {
                    // e' Sigma_a P mu_b + e' Sigma_b P mu_a, with Sigma_a = sum w (x y' + y x') and mu_b = sum c F b_z.
                    foreach (var (x, y, wa) in _terms[a])
                        foreach (var (z, j) in _meanTerms[b]) sum += wa * Weight(j) * (e[x] * Q(y, z) + e[y] * Q(x, z));
                    foreach (var (x, y, wb) in _terms[b])
                        foreach (var (z, j) in _meanTerms[a]) sum += wb * Weight(j) * (e[x] * Q(y, z) + e[y] * Q(x, z));
                    sum -= MeanSecondDerivative(a, b);
                }
                h[a + b * n] += sum;
                if (a != b) h[b + a * n] = h[a + b * n];
            }
        return Matrix<double>.Build.Dense(n, n, h);

        // The half of 0.5 tr(W Sigma_ab) owed to an A-term (x, y) = (i, m + j) differentiated by the term (z, u): an A-term
        // (k, m + l) or an S-term (k, l, w). Called in both orders, each contributing half of the symmetric total.
        double SecondDerivativeTrace(int x, int y, double wx, int z, int u, double wz)
        {
            if (y < m) return 0; // an S-term is linear in theta
            int i = x, j = y - m;
            if (u >= m)
            {
                int k = z, l = u - m;
                // tr(W d2Sigma) = 2 [B_li R(k, m + j) + C_lj R(i, k) + B_jk R(i, m + l)]; this order owns half of it.
                return wx * wz * (B(l, i) * R(k, m + j) + C(l, j) * R(i, k) + B(j, k) * R(i, m + l));
            }
            {
                int k = z, l = u;
                // tr(W d2Sigma) = 2 w [B_jl R(i, k) + B_jk R(i, l)], all owed to this order (the S-term order gives 0).
                return 2 * wx * wz * (B(j, l) * R(i, k) + B(j, k) * R(i, l));
            }
        }

        // e' mu_ab over the mean terms' cells: A(i, j) with A(k, l) gives e_k B_li (Bm)_j + e_i B_jk (Bm)_l; A(i, j) with m(k)
        // gives e_i B_jk.
        double MeanSecondDerivative(int a, int b)
        {
            double sum = 0;
            foreach (var (i, j) in _meanTerms[a])
                foreach (var (k, l) in _meanTerms[b])
                {
                    if (j >= 0 && l >= 0) sum += e![k] * B(l, i) * bm![j] + e[i] * B(j, k) * bm![l];
                    else if (j >= 0) sum += e![i] * B(j, k);
                    else if (l >= 0) sum += e![k] * B(l, i);
                }
            return sum;
        }
    }

    /// <summary>The gradient of F alone (no information), for numerical second derivatives.</summary>
    public Vector<double> Gradient(GroupState s) => Gradient(s, Multiply(s));

    // g_a = 0.5 tr(W dSigma_a) - e' dmu_a = sum w R[x, y] - sum c e_x, with R[x, y] = (P V)_x' D (P V)_y.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector<double> Gradient(GroupState s, Products pr)
    {
        int n = _terms.Length;
        var g = new double[n];
        for (int a = 0; a < n; a++)
            foreach (var (x, y, wt) in _terms[a]) g[a] += wt * pr.Dot(pr.PV, x, pr.DPV, y);
        var bm = s.Moments.BM;
        if (pr.E is { } e)
            for (int a = 0; a < n; a++) foreach (var (x, j) in _meanTerms[a]) g[a] -= (j < 0 ? 1.0 : bm![j]) * e[x];
        return Vector<double>.Build.Dense(g);
    }

    /// <summary>
    /// The expected information with the moments of the fixed.x covariates left out (their covariance block and means):
    /// lavaan's h1 information with x.idx, which is what its modification indices use for parameters that move those
    /// moments. I_ab = 0.5 tr(Sigma^-1 dS_a Sigma^-1 dS_b) + dm_a' Sigma^-1 dm_b with dS, dm zero on the x block.
    /// </summary>
    public Matrix<double> InformationWithoutFixedX(GroupState s, IReadOnlyCollection<int> fixedX)
    {
        int n = _terms.Length, p = s.Sigma.RowCount;
        var isX = new bool[p];
        foreach (var i in fixedX) isX[i] = true;
        var (dSigma, dMu) = Derivatives(s);
        var products = new Matrix<double>[n];
        var means = new Vector<double>?[n];
        for (int a = 0; a < n; a++)
        {
            var d = dSigma[a];
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++)
                    if (isX[i] && isX[j]) d[i, j] = 0;
            products[a] = s.SigmaInv * d;
            if (dMu[a] is { } dm)
            {
                for (int i = 0; i < p; i++) if (isX[i]) dm[i] = 0;
                means[a] = dm;
            }
        }
        var info = Matrix<double>.Build.Dense(n, n);
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                double tr = 0;
                var ma = products[a];
                var mb = products[b];
                for (int i = 0; i < p; i++)
                    for (int j = 0; j < p; j++) tr += ma[i, j] * mb[j, i];
                double mean = means[a] is { } ua && means[b] is { } ub ? ua.DotProduct(s.SigmaInv * ub) : 0;
                info[a, b] = info[b, a] = 0.5 * tr + mean;
            }
        return info;
    }

    /// <summary>dSigma/dtheta_a (p x p) and dmu/dtheta_a (null without a mean structure) for every parameter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (Matrix<double>[] DSigma, Vector<double>?[] DMu) Derivatives(GroupState s)
    {
        int n = _terms.Length, p = s.Sigma.RowCount;
        var v = s.FB.Append(s.FC);
        var bm = s.Moments.BM;
        var dSigma = new Matrix<double>[n];
        var dMu = new Vector<double>?[n];
        for (int a = 0; a < n; a++)
        {
            var d = Matrix<double>.Build.Dense(p, p);
            foreach (var (x, y, w) in _terms[a])
            {
                var outer = v.Column(x).OuterProduct(v.Column(y));
                d += w * (outer + outer.Transpose());
            }
            dSigma[a] = d;
            if (s.Moments.Mu is not null)
            {
                var dm = Vector<double>.Build.Dense(p);
                foreach (var (x, j) in _meanTerms[a]) dm += (j < 0 ? 1.0 : bm![j]) * s.FB.Column(x);
                dMu[a] = dm;
            }
        }
        return (dSigma, dMu);
    }
}
