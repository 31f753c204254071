using System.Buffers;
using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// The pairwise correlations rho_ij of the columns of a T x N matrix with NaN gaps, each over the pair's common
/// periods and demeaned over that overlap (R's <c>cor(use = "pairwise.complete.obs")</c>), with the overlaps T_ij,
/// held as O(NT) data and produced in B x B tiles on demand.
/// </summary>
/// <remarks>
/// Balanced input keeps Z, the columns centred and scaled to unit norm, so a tile is one GEMM <c>Z_I' Z_J</c>; up to
/// <see cref="GramLimit"/> units (and the default tiles) a pair sum instead forms the lower triangle of <c>Z' Z</c> in
/// row panels of <see cref="GramPanelRows"/> rows (a GEMM left of the diagonal, a SYRK on it), half the flops of square tiles
/// and holds at most 4 MB (one SYRK up to 512 units).
/// Unbalanced input keeps the 0/1 mask M, X0 (the data shifted by each column's own mean, zero at gaps) and X0 o X0;
/// a tile is six GEMMs, <c>T_ij = (M'M)_ij</c>, <c>Sx = X0'M</c>, <c>Sxx = (X0 o X0)'M</c> and <c>Sxy = X0'X0</c>,
/// which give every overlap mean, variance and covariance. Nothing of size N x N exists unless <see cref="Rho"/> is
/// asked for; sums over pairs visit the tiles with at most one B x B block of each kind in memory.
/// </remarks>
internal sealed class PairwiseCorrelations
{
    /// <summary>Largest N for which the N x N matrices are materialised (32768^2 doubles = 8 GB is never reached).</summary>
    public const int DenseLimit = 8192;

    /// <summary>Largest N of a balanced panel whose pair sums form Z'Z in row panels (beyond it CD and LM come from moments).</summary>
    public const int GramLimit = 2048;

    private readonly double[]? _z, _mask, _x0, _x0sq;
    private readonly ILinearAlgebra _la;
    private double[]? _rho, _overlap;

    private PairwiseCorrelations(int n, int t, double[]? z, double[]? mask, double[]? x0, double[]? x0sq, ILinearAlgebra la, int tile, bool gram)
    {
        N = n; T = t; _z = z; _mask = mask; _x0 = x0; _x0sq = x0sq; _la = la; TileSize = tile; UsesGram = gram;
    }

    /// <summary>
    /// Whether pair sums form <c>Z' Z</c> in row panels (balanced, N &lt;= <see cref="GramLimit"/>, default tiles)
    /// rather than in tiles.
    /// </summary>
    public bool UsesGram { get; }

    /// <summary>Number of units.</summary>
    public int N { get; }

    /// <summary>Number of periods (rows).</summary>
    public int T { get; }

    /// <summary>Whether every unit is observed in every period (then T_ij = T).</summary>
    public bool IsBalanced => _z is not null;

    /// <summary>Tile side B of the blocked pair pass.</summary>
    public int TileSize { get; }

    /// <summary>The standardized columns (balanced only): T x N, column-major, each centred with unit norm.</summary>
    public double[]? Z => _z;

    /// <summary>N x N correlations, column-major; NaN where the pair has fewer than 2 common periods or no variance there.</summary>
    /// <exception cref="InvalidOperationException">N exceeds <see cref="DenseLimit"/>.</exception>
    public double[] Rho
    {
        get
        {
            if (_rho is null) Materialise();
            return _rho!;
        }
    }

    /// <summary>N x N common-period counts T_ij, or null when balanced (every T_ij = T).</summary>
    public double[]? Overlap
    {
        get
        {
            if (IsBalanced) return null;
            if (_overlap is null) Materialise();
            return _overlap;
        }
    }

    /// <summary>The overlap of a pair (from the materialised matrix when unbalanced).</summary>
    public double Tij(int i, int j) => IsBalanced ? T : Overlap![i + j * N];

    /// <summary>Prepares the correlations of the columns of <paramref name="e"/> (T x N column-major, NaN for gaps).</summary>
    /// <param name="e">The data.</param>
    /// <param name="t">Rows.</param>
    /// <param name="n">Columns.</param>
    /// <param name="la">The BLAS backend for the tiles.</param>
    /// <param name="tile">Tile side; 0 for the default (1024).</param>
    public static PairwiseCorrelations Compute(double[] e, int t, int n, ILinearAlgebra la, int tile = 0)
    {
        bool balanced = true;
        for (int k = 0; k < e.Length && balanced; k++) balanced = !double.IsNaN(e[k]);
        return Compute(e, t, n, la, tile, balanced, overwrite: false);
    }

    /// <summary>
    /// As <see cref="Compute(double[], int, int, ILinearAlgebra, int)"/> with the balance already known; with
    /// <paramref name="overwrite"/> a balanced <paramref name="e"/> is standardized in place and becomes Z (no copy).
    /// </summary>
    public static PairwiseCorrelations Compute(double[] e, int t, int n, ILinearAlgebra la, int tile, bool balanced, bool overwrite)
    {
        int b = tile > 0 ? tile : 1024;
        if (balanced)
        {
            var z = overwrite ? e : new double[t * n];
            PanelMath.Standardize(e, z, t, n);
            return new(n, t, z, null, null, null, la, b, tile <= 0 && n <= GramLimit);
        }
        var mask = new double[t * n];
        var x0 = new double[t * n];
        var x0sq = new double[t * n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0; int count = 0;
            for (int s = 0; s < t; s++) { double v = e[s + i * t]; if (!double.IsNaN(v)) { sum += v; count++; } }
            double mean = count > 0 ? sum / count : 0;
            for (int s = 0; s < t; s++)
            {
                double v = e[s + i * t];
                if (double.IsNaN(v)) continue;
                int k = s + i * t;
                mask[k] = 1; x0[k] = v - mean; x0sq[k] = x0[k] * x0[k];
            }
        }
        return new(n, t, null, mask, x0, x0sq, la, b, false);
    }

    /// <summary>One tile: rows I = [I0, I0 + Bi), columns J = [J0, J0 + Bj), both Bi x Bj column-major.</summary>
    public sealed class Tile
    {
        public int I0, Bi, J0, Bj;
        public double[] Rho = [];
        public double[]? Overlap;
    }

    /// <summary>
    /// Visits the tiles covering the strict lower triangle (i &gt; j) in a fixed order: column blocks left to right,
    /// row blocks from the diagonal down. Entries of a diagonal tile with i &lt;= j are to be ignored by the caller.
    /// </summary>
    public void ForEachTile(Action<Tile> body)
    {
        int b = Math.Min(TileSize, N);
        var tile = new Tile();
        var scratch = new Scratch();
        for (int j0 = 0; j0 < N; j0 += b)
            for (int i0 = j0; i0 < N; i0 += b)
            {
                Fill(tile, i0, Math.Min(b, N - i0), j0, Math.Min(b, N - j0), scratch);
                body(tile);
            }
    }

    /// <summary>
    /// Sums an accumulator over every pair i &gt; j, tile by tile; within a tile the columns run in parallel and their
    /// partial sums are merged in column order, so the result does not depend on the number of threads.
    /// </summary>
    public TAcc Reduce<TAcc>(TAcc seed) where TAcc : struct, IPairAccumulator<TAcc>
    {
        if (_rho is { } dense) return ReduceDense(seed, dense, _overlap);
        if (UsesGram) return ReduceGram(seed);
        var total = seed.Empty();
        TAcc[] parts = new TAcc[Math.Min(TileSize, N)];
        ForEachTile(tile =>
        {
            int bi = tile.Bi, i0 = tile.I0, j0 = tile.J0;
            var rho = tile.Rho; var overlap = tile.Overlap;
            double t = T;
            Parallel.For(0, tile.Bj, c =>
            {
                var acc = seed.Empty();
                int j = j0 + c;
                for (int r = Math.Max(0, j + 1 - i0); r < bi; r++)
                    acc.Add(i0 + r, j, rho[r + c * bi], overlap is null ? t : overlap[r + c * bi]);
                parts[c] = acc;
            });
            for (int c = 0; c < tile.Bj; c++) total.Merge(parts[c]);
        });
        return total;
    }

    /// <summary>Rows of Z'Z formed per GEMM on the Gram path: the panel holds about GramPanelRows x N doubles (4 MB at N = 2048).</summary>
    public const int GramPanelRows = 256;

    // The Gram path without the N x N matrix: row panels I = [i0, i0 + b) of Z'Z, the block left of the diagonal by one
    // GEMM Z_I' Z_[0, i0) (the B operand is the leading columns of Z itself, no copy) and the diagonal block by one SYRK,
    // swept into per-column accumulators as they are formed. Column j's accumulator sees rows i > j in ascending order
    // across panels, exactly as the dense sum adds them, and the columns merge in column order, so threads change nothing.
    private TAcc ReduceGram<TAcc>(TAcc seed) where TAcc : struct, IPairAccumulator<TAcc>
    {
        int n = N, t = T;
        var z = _z!;
        // Up to 2 x GramPanelRows units one panel holds the whole triangle (one SYRK, at most 2 MB): fewer BLAS calls,
        // each of which synchronises the BLAS threads.
        int b = n <= 2 * GramPanelRows ? n : GramPanelRows;
        var parts = new TAcc[n];
        for (int j = 0; j < n; j++) parts[j] = seed.Empty();
        // Pooled work arrays: a short call (N in the hundreds, milliseconds) would otherwise spend a good part of its time
        // zeroing and faulting in fresh large-object pages. The backends read only the leading elements.
        var pool = ArrayPool<double>.Shared;
        var zi = pool.Rent(t * b);
        var left = pool.Rent(Math.Max(1, b * (n - b)));
        var diagonal = pool.Rent(b * b);
        // As in the dense sum: below about a million pairs, threads cost more than they save.
        bool parallel = (long)n * n >= 2_000_000;
        for (int i0 = 0; i0 < n; i0 += b)
        {
            int bi = Math.Min(b, n - i0), i1 = i0 + bi;
            Array.Copy(z, i0 * t, zi, 0, t * bi);
            if (i0 > 0) _la.Gemm(true, false, bi, i0, t, 1.0, zi, z, 0.0, left);
            _la.Syrk(true, bi, t, 1.0, zi, 0.0, diagonal);
            var d = diagonal;
            void Column(int j)
            {
                var acc = parts[j];   // a local copy: the sweep keeps the sums in registers
                if (j < i0)
                {
                    int c = j * bi;
                    for (int r = 0; r < bi; r++) acc.Add(i0 + r, j, left[r + c], t);
                }
                else
                {
                    int c = (j - i0) * bi;
                    for (int r = j - i0 + 1; r < bi; r++) acc.Add(i0 + r, j, d[r + c], t);
                }
                parts[j] = acc;
            }
            if (parallel) Parallel.For(0, i1, Column);
            else for (int j = 0; j < i1; j++) Column(j);
        }
        pool.Return(zi); pool.Return(left); pool.Return(diagonal);
        var total = seed.Empty();
        for (int j = 0; j < n; j++) total.Merge(parts[j]);
        return total;
    }

    // The same sum over the materialised matrix: columns in parallel, partial sums merged in column order.
    private TAcc ReduceDense<TAcc>(TAcc seed, double[] rho, double[]? overlap) where TAcc : struct, IPairAccumulator<TAcc>
    {
        int n = N;
        double t = T;
        var parts = new TAcc[n];
        void Column(int j)
        {
            var acc = seed.Empty();
            int c = j * n;
            for (int i = j + 1; i < n; i++) acc.Add(i, j, rho[i + c], overlap is null ? t : overlap[i + c]);
            parts[j] = acc;
        }
        // A million pairs take about a millisecond: below that, threads cost more than they save.
        if ((long)n * n < 2_000_000) for (int j = 0; j < n; j++) Column(j);
        else Parallel.For(0, n, Column);
        var total = seed.Empty();
        for (int j = 0; j < n; j++) total.Merge(parts[j]);
        return total;
    }

    // Work arrays of exact sizes (BLAS backends may insist), reused across tiles of the same shape.
    private sealed class Scratch
    {
        private readonly Dictionary<(int Slot, int Length), double[]> _arrays = [];

        public double[] Get(int slot, int length)
        {
            if (!_arrays.TryGetValue((slot, length), out var a)) _arrays[(slot, length)] = a = new double[length];
            return a;
        }
    }

    // Columns [c0, c0 + count) of a T x N array into a dense T x count scratch block (contiguous in column-major order).
    private double[] Columns(double[] source, int c0, int count, double[] target)
    {
        Array.Copy(source, c0 * T, target, 0, count * T);
        return target;
    }

    private void Fill(Tile tile, int i0, int bi, int j0, int bj, Scratch s)
    {
        tile.I0 = i0; tile.Bi = bi; tile.J0 = j0; tile.Bj = bj;
        int ta = T * bi, tb = T * bj, bb = bi * bj;
        var rho = tile.Rho = s.Get(0, bb);
        if (IsBalanced)
        {
            var za = Columns(_z!, i0, bi, s.Get(1, ta));
            var zb = Columns(_z!, j0, bj, s.Get(2, tb));
            Gemm(bi, bj, za, zb, rho);
            tile.Overlap = null;
            // Diagonal entries are exactly 1 (as the dense SYRK path sets them).
            if (i0 == j0) for (int k = 0; k < Math.Min(bi, bj); k++) rho[k + k * bi] = 1.0;
            return;
        }
        var xa = Columns(_x0!, i0, bi, s.Get(1, ta)); var xb = Columns(_x0!, j0, bj, s.Get(2, tb));
        var ma = Columns(_mask!, i0, bi, s.Get(3, ta)); var mb = Columns(_mask!, j0, bj, s.Get(4, tb));
        var qa = Columns(_x0sq!, i0, bi, s.Get(5, ta)); var qb = Columns(_x0sq!, j0, bj, s.Get(6, tb));
        var m = s.Get(7, bb); var sx = s.Get(8, bb); var sxT = s.Get(9, bb); var sxx = s.Get(10, bb); var sxxT = s.Get(11, bb);
        Gemm(bi, bj, ma, mb, m);        // T_ij
        Gemm(bi, bj, xa, mb, sx);       // sum over the overlap of x0_i
        Gemm(bi, bj, ma, xb, sxT);      // sum over the overlap of x0_j
        Gemm(bi, bj, qa, mb, sxx);      // sum over the overlap of x0_i^2
        Gemm(bi, bj, ma, qb, sxxT);     // sum over the overlap of x0_j^2
        Gemm(bi, bj, xa, xb, rho);      // zero-filled gaps make this the overlap cross-product
        for (int k = 0; k < bb; k++)
        {
            double n = m[k];
            if (n < 2) { rho[k] = double.NaN; continue; }
            double cov = rho[k] - sx[k] * sxT[k] / n;
            double vi = sxx[k] - sx[k] * sx[k] / n;
            double vj = sxxT[k] - sxT[k] * sxT[k] / n;
            rho[k] = vi > 0 && vj > 0 ? Math.Clamp(cov / Math.Sqrt(vi * vj), -1.0, 1.0) : double.NaN;
        }
        tile.Overlap = m;
    }

    private void Gemm(int bi, int bj, double[] a, double[] b, double[] c)
    {
        _la.Gemm(true, false, bi, bj, T, 1.0, a, b, 0.0, c);
    }

    /// <summary>
    /// Loadings of the units on the first principal component of the standardized data (unbalanced: the centred,
    /// zero-filled data scaled to unit norm), from the T x T side when N &gt; T: the unit order of the heatmaps.
    /// </summary>
    public double[] LeadingLoadings()
    {
        var a = _z;
        if (a is null)
        {
            a = (double[])_x0!.Clone();
            for (int i = 0; i < N; i++)
            {
                var col = a.AsSpan(i * T, T);
                double ss = 0;
                foreach (var x in col) ss += x * x;
                if (ss > 0) { double norm = Math.Sqrt(ss); foreach (ref var x in col) x /= norm; }
            }
        }
        var (_, loadings) = PanelMath.LeadingRightVectors(a, T, N, 1, _la);
        return loadings;
    }

    /// <summary>
    /// Mean correlation over each pair of unit groups (group[i] in 0..G-1; a unit with itself counts as 1, dropped
    /// pairs are left out): G x G, column-major. Balanced panels use the group sums of Z (O(N T + G^2 T)); unbalanced
    /// ones visit the pair tiles.
    /// </summary>
    public double[] BlockMeans(int[] group, int g)
    {
        var sums = new double[g * g];
        var counts = new double[g * g];
        if (_z is { } z)
        {
            var s = new double[T * g];
            var size = new double[g];
            for (int i = 0; i < N; i++)
            {
                size[group[i]]++;
                for (int t = 0; t < T; t++) s[t + group[i] * T] += z[t + i * T];
            }
            _la.Gemm(true, false, g, g, T, 1.0, s, s, 0.0, sums);
            for (int a = 0; a < g; a++) for (int b = 0; b < g; b++) counts[a + b * g] = size[a] * size[b];
        }
        else
        {
            for (int i = 0; i < N; i++) { sums[group[i] * (g + 1)] += 1; counts[group[i] * (g + 1)] += 1; }
            ForEachTile(tile =>
            {
                for (int c = 0; c < tile.Bj; c++)
                    for (int r = 0; r < tile.Bi; r++)
                    {
                        int i = tile.I0 + r, j = tile.J0 + c;
                        double v = tile.Rho[r + c * tile.Bi];
                        if (i <= j || double.IsNaN(v)) continue;
                        int ab = group[i] + group[j] * g, ba = group[j] + group[i] * g;
                        sums[ab] += v; counts[ab]++;
                        sums[ba] += v; counts[ba]++;
                    }
            });
        }
        for (int k = 0; k < sums.Length; k++) sums[k] = counts[k] > 0 ? sums[k] / counts[k] : 0;
        return sums;
    }

    private void Materialise()
    {
        if (N > DenseLimit)
            throw new InvalidOperationException(
                $"The N x N correlation matrix of N = {N} units would take {8.0 * N * N / 1e9:F1} GB; use the pair sums, the tiles or the block " +
                    $"heatmap instead.");
        var rho = new double[N * N];
        if (UsesGram)
        {
            _la.Syrk(true, N, T, 1.0, _z!, 0.0, rho);
            for (int i = 0; i < N; i++) rho[i + i * N] = 1.0;   // exactly, as the tiles set it
            _rho = rho;
            return;
        }
        var overlap = IsBalanced ? null : new double[N * N];
        for (int i = 0; i < N; i++) { rho[i + i * N] = 1.0; if (overlap is not null) overlap[i + i * N] = double.NaN; }
        ForEachTile(tile =>
        {
            for (int c = 0; c < tile.Bj; c++)
                for (int r = 0; r < tile.Bi; r++)
                {
                    int i = tile.I0 + r, j = tile.J0 + c;
                    if (i <= j) continue;
                    double v = tile.Rho[r + c * tile.Bi];
                    rho[i + j * N] = v; rho[j + i * N] = v;
                    if (overlap is not null) { double o = tile.Overlap![r + c * tile.Bi]; overlap[i + j * N] = o; overlap[j + i * N] = o; }
                }
        });
        if (overlap is not null) Diagonal(rho, overlap);
        _overlap = overlap;
        _rho = rho;
    }

    // T_ii = number of observed periods of unit i (the diagonal of M'M); rho_ii = 1 where a correlation exists.
    private void Diagonal(double[] rho, double[] overlap)
    {
        for (int i = 0; i < N; i++)
        {
            double count = 0, ss = 0;
            for (int s = 0; s < T; s++) { count += _mask![s + i * T]; ss += _x0sq![s + i * T]; }
            overlap[i + i * N] = count;
            rho[i + i * N] = count >= 2 && ss > 0 ? 1.0 : double.NaN;
        }
    }

}

/// <summary>A sum over pairs (i, j) with i &gt; j, visited by <see cref="PairwiseCorrelations.Reduce{TAcc}"/>.</summary>
internal interface IPairAccumulator<TSelf> where TSelf : struct, IPairAccumulator<TSelf>
{
    /// <summary>A zero sum with the same settings (thresholds, masks) as this one.</summary>
    TSelf Empty();

    /// <summary>Adds pair (i, j): its correlation (NaN when dropped) and overlap.</summary>
    void Add(int i, int j, double rho, double tij);

    /// <summary>Adds another partial sum.</summary>
    void Merge(in TSelf other);
}
