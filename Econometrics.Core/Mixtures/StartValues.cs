using Econometrics.Inference;
using Econometrics.LinearAlgebra;
namespace Econometrics.Mixtures;

/// <summary>
/// Starting values in the style of <c>nlpsem</c> (Liu, Behavior Research Methods 2025): per-person least-squares growth curves (for a
/// scalar curve parameter — knot, rate, acceleration — over a grid of it; for the nonparametric curve with every
/// relative rate 1), k-means on the person-level growth factors and curve parameters, then per-cluster moments with
/// the residual variance inflated x2, Ψ shrunk to 0.8 of the cluster covariance and gating shrunk by 0.7. Starts
/// after the first re-seed k-means and perturb the partition and knots, so the restarts explore other optima.
/// </summary>
internal sealed class StartValues
{
    private readonly GrowthData _d;
    private readonly ModelShape _s;
    private readonly KnotBounds _bounds;
    private readonly double[] _features;   // N x (q + knot), standardised for k-means
    private readonly double[] _eta;        // N x q, person-level growth factors
    private readonly double[] _knot;       // N, person-level scalar curve parameter (knot, rate, acceleration)
    private readonly bool[] _usable;
    private readonly double _theta0;
    private readonly int _f;

    public StartValues(GrowthData data, ModelShape shape, KnotBounds bounds)
    {
        _d = data; _s = shape; _bounds = bounds;
        int n = data.N, q = shape.Q;
        _f = q + (shape.HasKnot ? 1 : 0);
        _eta = new double[n * q]; _knot = new double[n]; _usable = new bool[n];
        var resVar = new List<double>();
        var grid = KnotGrid();
        var lam = new double[q];
        var xtx = new double[q * q];
        var xty = new double[q];
        var gamma = Enumerable.Repeat(1.0, shape.R).ToArray();
        PersonFits(grid);
        if (shape.SmoothGamma && shape.R == 1)
        {
            // A person's own rate or acceleration is poorly determined and drags its growth factors to extremes
            // (c → 0 sends η2 to infinity), so the persons are refitted at the median γ and clustered on η alone.
            double common = SampleStatistics.Median(Enumerable.Range(0, n).Where(i => _usable[i]).Select(i => _knot[i]).ToArray());
            if (double.IsFinite(common)) { resVar.Clear(); Array.Clear(_usable); PersonFits([common]); }
        }
        void PersonFits(double[] grid)
        {
            for (int i = 0; i < n; i++)
            {
                if (data.Observed[i] <= q) continue;
                double best = double.PositiveInfinity;
                var times = data.T.AsSpan(i * data.P, data.P);
                foreach (var g in grid)
                {
                    if (shape.R == 1) gamma[0] = g;
                    Array.Clear(xtx); Array.Clear(xty);
                    for (int j = 0; j < data.P; j++)
                    {
                        double y = data.Y[i * data.P + j];
                        if (double.IsNaN(y)) continue;
                        shape.Loadings(times, j, gamma, lam);
                        for (int a = 0; a < q; a++) { xty[a] += lam[a] * y; for (int b = 0; b < q; b++) xtx[a * q + b] += lam[a] * lam[b]; }
                    }
                    for (int a = 0; a < q; a++) xtx[a * q + a] *= 1 + 1e-10;
                    if (!SmallDense.Cholesky(xtx, q)) continue;
                    SmallDense.Solve(xtx, q, xty);
                    double rss = 0;
                    for (int j = 0; j < data.P; j++)
                    {
                        double y = data.Y[i * data.P + j];
                        if (double.IsNaN(y)) continue;
                        shape.Loadings(times, j, gamma, lam);
                        double fit = 0;
                        for (int a = 0; a < q; a++) fit += lam[a] * xty[a];
                        rss += (y - fit) * (y - fit);
                    }
                    if (rss < best)
                    {
                        best = rss; _knot[i] = g; _usable[i] = true;
                        for (int a = 0; a < q; a++) _eta[i * q + a] = xty[a];
                    }
                }
                if (_usable[i]) resVar.Add(best / (data.Observed[i] - q));
            }
        }
        _theta0 = resVar.Count > 0 ? 2 * SampleStatistics.Median(resVar.ToArray()) : EmAlgorithm.OutcomeVariance(data);
        if (!(_theta0 > 0)) _theta0 = 1;
        _features = new double[n * _f];
        for (int c = 0; c < _f; c++)
        {
            double s = 0, ss = 0; int cnt = 0;
            for (int i = 0; i < n; i++) if (_usable[i]) { double v = Feature(i, c); s += v; ss += v * v; cnt++; }
            double mean = cnt > 0 ? s / cnt : 0, sd = cnt > 1 ? Math.Sqrt(Math.Max((ss - s * s / cnt) / (cnt - 1), 0)) : 1;
            if (!(sd > 0)) sd = 1;
            for (int i = 0; i < n; i++) _features[i * _f + c] = _usable[i] ? (Feature(i, c) - mean) / sd : 0;
        }
    }

    public int UsablePersons => _usable.Count(u => u);

    private double Feature(int i, int c) => c < _s.Q ? _eta[i * _s.Q + c] : _knot[i];

    private double[] KnotGrid()
    {
        if (_s.R != 1) return [double.NaN];
        if (!_s.HasKnot)
        {
            // Rates (b > 0) and accelerations (mostly c < 0) on a geometric grid inside the admissible range.
            double span = _s.Curve == GrowthCurve.NegativeExponential ? 0.01 / _bounds.Lower : -30 / _bounds.Lower;
            var mags = Enumerable.Range(0, 12).Select(j => 0.1 * Math.Pow(100, j / 11.0) / span);
            var grid = _s.Curve == GrowthCurve.NegativeExponential ? mags : mags.Select(v => -v).Concat([0.1 / span, 0.5 / span, 1 / span]);
            return [.. grid.Where(v => v > _bounds.Lower && v < _bounds.Upper)];
        }
        var times = _d.T.Where(t => !double.IsNaN(t)).OrderBy(t => t).ToArray();
        double lo = Math.Max(SampleStatistics.Quantile(times, 0.2), _bounds.Lower), hi = Math.Min(SampleStatistics.Quantile(times, 0.8), _bounds.Upper);
        if (!(hi > lo)) { lo = _bounds.Lower; hi = _bounds.Upper; }
        return Enumerable.Range(0, 15).Select(j => lo + (hi - lo) * j / 14.0).ToArray();
    }

    /// <summary>Builds start number <paramref name="index"/> with its own seeded generator (thread-independent).</summary>
    public ParameterSet Create(int index, int seed, IReadOnlyList<double>? fixedKnots)
    {
        var rng = new Random(HashCode(seed, index));
        int n = _d.N, K = _s.K;
        var labels = KMeans(K, rng);
        if (index > 0)
            for (int i = 0; i < n; i++) if (rng.NextDouble() < 0.3) labels[i] = rng.Next(K);
        var ps = new ParameterSet(_s);
        for (int k = 0; k < K; k++) ClassMoments(ps, k, labels, index > 0 ? rng : null);
        if (_s.HasKnot && fixedKnots is not null)
            for (int k = 0; k < K; k++) ps.Gamma[k][0] = fixedKnots[k];
        var tau = new double[n * K];
        for (int i = 0; i < n; i++) tau[i * K + labels[i]] = 1;
        Gating.Update(ps, _d, tau, 10, ridge: 1e-4);
        for (int j = 0; j < ps.Gate.Length; j++) ps.Gate[j] *= 0.7;
        return ps;
    }

    private void ClassMoments(ParameterSet ps, int k, int[] labels, Random? jitter)
    {
        int q = _s.Q, m = _s.M, n = _d.N, u = 1 + m;
        var members = Enumerable.Range(0, n).Where(i => _usable[i] && labels[i] == k).ToList();
        if (members.Count < Math.Max(u + q + 2, 5)) members = Enumerable.Range(0, n).Where(i => _usable[i]).ToList();
        // α and B: least squares of person-level growth factors on u = (1, x) within the cluster.
        var uu = new double[u * u]; var hu = new double[q * u];
        foreach (var i in members)
            for (int r = 0; r < u; r++)
            {
                double ur = r == 0 ? 1 : _d.X[i * m + r - 1];
                for (int c = 0; c < u; c++) uu[r * u + c] += ur * (c == 0 ? 1 : _d.X[i * m + c - 1]);
                for (int a = 0; a < q; a++) hu[a * u + r] += _eta[i * q + a] * ur;
            }
        for (int r = 0; r < u; r++) uu[r * u + r] *= 1 + 1e-8;
        bool ok = SmallDense.Cholesky(uu, u);
        for (int a = 0; a < q; a++)
        {
            var row = hu.AsSpan(a * u, u);
            if (ok) SmallDense.Solve(uu, u, row);
            ps.Alpha[k][a] = ok ? row[0] : members.Average(i => _eta[i * q + a]);
            for (int c = 0; c < m; c++) ps.B[k][a * m + c] = ok ? row[1 + c] : 0;
        }
        var psi = ps.Psi[k];
        foreach (var i in members)
            for (int a = 0; a < q; a++)
            {
                double ra = _eta[i * q + a] - Mean(ps, k, i, a);
                for (int b = 0; b < q; b++) psi[a * q + b] += ra * (_eta[i * q + b] - Mean(ps, k, i, b));
            }
        double tr = 0;
        for (int a = 0; a < q * q; a++) psi[a] *= 0.8 / Math.Max(members.Count - 1, 1);
        for (int a = 0; a < q; a++) tr += psi[a * q + a];
        SmallDense.FloorEigenvalues(psi, q, Math.Max(1e-3 * tr / q, 1e-8));
        ps.Theta[k] = _theta0;
        if (_s.HasKnot)
        {
            var ks = members.Select(i => _knot[i]).ToList();
            double g = SampleStatistics.Median(ks.ToArray());
            if (jitter is not null) g += jitter.NextDouble() - 0.5;
            ps.Gamma[k][0] = Math.Clamp(g, _bounds.Lower + 1e-3, _bounds.Upper - 1e-3);
        }
        else if (_s.R == 1)
        {
            double g = SampleStatistics.Median(members.Select(i => _knot[i]).ToArray());
            if (jitter is not null) g *= Math.Exp(jitter.NextDouble() - 0.5);
            double w = 1e-3 * (_bounds.Upper - _bounds.Lower);
            ps.Gamma[k][0] = Math.Clamp(g, _bounds.Lower + w, _bounds.Upper - w);
        }
        else
            for (int r = 0; r < _s.R; r++) ps.Gamma[k][r] = jitter is null ? 1 : 1 + 0.4 * (jitter.NextDouble() - 0.5);
        if (_s.JointX)
        {
            var mu = ps.MuX[k]; var phi = ps.Phi[k];
            foreach (var i in members) for (int c = 0; c < m; c++) mu[c] += _d.X[i * m + c] / members.Count;
            foreach (var i in members)
                for (int r = 0; r < m; r++) for (int c = 0; c < m; c++)
                    phi[r * m + c] += (_d.X[i * m + r] - mu[r]) * (_d.X[i * m + c] - mu[c]) / members.Count;
            double trp = 0;
            for (int a = 0; a < m; a++) trp += phi[a * m + a];
            SmallDense.FloorEigenvalues(phi, m, Math.Max(1e-6 * trp / m, 1e-10));
        }
    }

    private double Mean(ParameterSet ps, int k, int i, int a)
    {
        double v = ps.Alpha[k][a];
        for (int c = 0; c < _s.M; c++) v += ps.B[k][a * _s.M + c] * _d.X[i * _s.M + c];
        return v;
    }

    /// <summary>Lloyd's k-means with k-means++ seeding on the standardised person-level features.</summary>
    private int[] KMeans(int K, Random rng)
    {
        int n = _d.N, f = _f;
        var idx = Enumerable.Range(0, n).Where(i => _usable[i]).ToArray();
        var labels = new int[n];
        if (K == 1 || idx.Length < K) return labels;
        var centers = new double[K * f];
        var d2 = new double[idx.Length];
        int first = idx[rng.Next(idx.Length)];
        Array.Copy(_features, first * f, centers, 0, f);
        for (int c = 1; c < K; c++)
        {
            double total = 0;
            for (int j = 0; j < idx.Length; j++)
            {
                double best = double.PositiveInfinity;
                for (int h = 0; h < c; h++) best = Math.Min(best, Dist(idx[j], centers, h));
                d2[j] = best; total += best;
            }
            double r = rng.NextDouble() * total, acc = 0;
            int pick = idx[^1];
            for (int j = 0; j < idx.Length; j++) { acc += d2[j]; if (acc >= r) { pick = idx[j]; break; } }
            Array.Copy(_features, pick * f, centers, c * f, f);
        }
        for (int it = 0; it < 100; it++)
        {
            bool changed = it == 0;
            foreach (var i in idx)
            {
                int best = 0; double bd = double.PositiveInfinity;
                for (int c = 0; c < K; c++) { double dd = Dist(i, centers, c); if (dd < bd) { bd = dd; best = c; } }
                if (labels[i] != best) { labels[i] = best; changed = true; }
            }
            if (!changed) break;
            var counts = new int[K];
            Array.Clear(centers);
            foreach (var i in idx) { counts[labels[i]]++; for (int c = 0; c < f; c++) centers[labels[i] * f + c] += _features[i * f + c]; }
            for (int c = 0; c < K; c++)
            {
                if (counts[c] == 0) { Array.Copy(_features, idx[rng.Next(idx.Length)] * f, centers, c * f, f); continue; }
                for (int h = 0; h < f; h++) centers[c * f + h] /= counts[c];
            }
        }
        // Persons without a usable individual fit join a class at random (they still enter the likelihood).
        for (int i = 0; i < n; i++) if (!_usable[i]) labels[i] = rng.Next(K);
        return labels;
    }

    private double Dist(int i, double[] centers, int c)
    {
        double s = 0;
        for (int h = 0; h < _f; h++) { double d = _features[i * _f + h] - centers[c * _f + h]; s += d * d; }
        return s;
    }

    /// <summary>
    /// The seed of start <paramref name="index"/>. It predates <see cref="SplitMix64.StreamKey"/> and keeps its own key
    /// (seed·golden + index·c1 + c2, mixed by SplitMix64) so that fits, golden summaries and fixtures keep their numbers;
    /// new streams (the bootstrap's) use <see cref="StreamSeed"/>.
    /// </summary>
    internal static int HashCode(int seed, int index)
    {
        unchecked
        {
            ulong z = (ulong)(uint)seed * SplitMix64.Golden + (ulong)(uint)index * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
            return SplitMix64.ToSeed(z);
        }
    }

    /// <summary>The seed of stream (index, purpose) under <paramref name="seed"/>: the SplitMix64 stream key of the project.</summary>
    internal static int StreamSeed(int seed, int index, int purpose) =>
        SplitMix64.ToSeed(SplitMix64.StreamKey((uint)seed, (uint)index, (uint)purpose));


}
