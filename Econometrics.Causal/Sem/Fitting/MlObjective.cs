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
    /// <inheritdoc/>
    public RamEvaluator Evaluator => eval;

    /// <summary>The objective at theta, or null outside the parameter space (I - A singular or Sigma not positive definite).</summary>
    public GroupState? At(double[] theta)
    {
        var mom = eval.Implied(theta);
        if (mom is null) return null;
        var sigma = mom.Sigma;
        int p = sigma.RowCount;
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> ch;
        try { ch = sigma.Cholesky(); } catch (ArgumentException) { return null; }
        double logDet = SmallDense.LogDeterminant(ch.Factor);
        if (!double.IsFinite(logDet)) return null;
        var inv = ch.Solve(Matrix<double>.Build.DenseIdentity(p));
        double tr = sample.PointwiseMultiply(inv).Enumerate().Sum();
        if (mom.Mu is { } mu)
        {
            var d = sampleMean! - mu;
            tr += d.DotProduct(inv * d);
        }
        double f = 0.5 * (logDet + tr - logDetS - p);
        return double.IsFinite(f) ? new GroupState(theta, f, sigma, inv, mom) : null;
    }

    // Every dSigma_a is a sum of symmetric rank-2 terms w (x y^T + y x^T) whose vectors are columns of V = [F B | F C]:
    // an A-cell (i, j) gives x = (FB)_i, y = (FC)_j; an S-cell (i, j) gives x = (FB)_i, y = (FB)_j (w = 1/2 on the diagonal).
    private readonly (int X, int Y, double W)[][] _terms = BuildTerms(eval.Model);

    // Every dmu_a is a sum of columns of F B: an m-cell j gives (FB)_j; an A-cell (i, j) gives (FB)_i (B m)_j (Index = j).
    private readonly (int X, int BmIndex)[][] _meanTerms = BuildMeanTerms(eval.Model);

    private static (int, int, double)[][] BuildTerms(RamModel model)
    {
        int m = model.Size;
        var terms = Enumerable.Range(0, model.FreeCount).Select(_ => new List<(int, int, double)>()).ToArray();
        foreach (var c in model.Cells.Where(c => c.IsFree && !c.IsMean))
            terms[c.Free].Add(c.IsA ? (c.Row, m + c.Col, 1.0) : (c.Row, c.Col, c.Row == c.Col ? 0.5 : 1.0));
        return terms.Select(t => t.ToArray()).ToArray();
    }

    private static (int, int)[][] BuildMeanTerms(RamModel model)
    {
        var terms = Enumerable.Range(0, model.FreeCount).Select(_ => new List<(int, int)>()).ToArray();
        if (model.HasMeans)
            foreach (var c in model.Cells.Where(c => c.IsFree && (c.IsMean || c.IsA)))
                terms[c.Free].Add(c.IsMean ? (c.Row, -1) : (c.Row, c.Col));
        return terms.Select(t => t.ToArray()).ToArray();
    }

    /// <summary>
    /// Gradient and expected information from two Gram matrices of V: Q = V^T Sigma^-1 V and R = V^T W V
    /// (BLAS-3 products). Then g_a = sum w R[x, y] and
    /// tr(Sigma^-1 (xy' + yx') Sigma^-1 (zu' + uz')) = Q_yz Q_ux + Q_yu Q_zx + Q_xz Q_uy + Q_xu Q_zy.
    /// </summary>
    public (Vector<double> Gradient, Matrix<double> Information) GradientAndInformation(GroupState s)
    {
        var v = s.FB.Append(s.FC);
        var q = v.TransposeThisAndMultiply(s.SigmaInv * v);
        var g = Gradient(s, v, out var ve);
        int n = _terms.Length;
        var bm = s.Moments.BM;
        double Weight(int j) => j < 0 ? 1.0 : bm![j];
        // The O(q^2) double loop reads Q through its column-major array: the matrix indexer's checks dominated it.
        var qa = q.AsColumnMajorArray() ?? q.ToColumnMajorArray();
        int ld = q.RowCount;
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
                if (ve is not null)
                    foreach (var (x, i) in _meanTerms[a])
                        foreach (var (z, j) in _meanTerms[b])
                            meanPart += Weight(i) * Weight(j) * qa[x + z * ld];
                info[a + b * n] = info[b + a * n] = 0.5 * sum + meanPart;
            }
        return (g, Matrix<double>.Build.Dense(n, n, info));
    }

    /// <summary>The gradient of F alone (no information), for numerical second derivatives.</summary>
    public Vector<double> Gradient(GroupState s) => Gradient(s, s.FB.Append(s.FC), out _);

    private Vector<double> Gradient(GroupState s, Matrix<double> v, out Vector<double>? ve)
    {
        var resid = s.Sigma - sample;
        ve = null;
        if (s.Moments.Mu is { } mu)
        {
            var d = sampleMean! - mu;
            resid -= d.OuterProduct(d);
            ve = s.FB.TransposeThisAndMultiply(s.SigmaInv * d);
        }
        var w = s.SigmaInv * resid * s.SigmaInv;
        var r = v.TransposeThisAndMultiply(w * v);
        int n = _terms.Length;
        var g = Vector<double>.Build.Dense(n);
        for (int a = 0; a < n; a++) foreach (var (x, y, wt) in _terms[a]) g[a] += wt * r[x, y];
        var bm = s.Moments.BM;
        if (ve is not null)
            for (int a = 0; a < n; a++) foreach (var (x, j) in _meanTerms[a]) g[a] -= (j < 0 ? 1.0 : bm![j]) * ve[x];
        return g;
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
