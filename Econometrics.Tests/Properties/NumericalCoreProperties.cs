using Econometrics.Compositional;
using Econometrics.LinearAlgebra;
using Econometrics.Tests.LinearAlgebra;
using Econometrics.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Properties;

/// <summary>
/// FsCheck properties of the numerical core: log-ratio transforms, the variation matrix, the linear-algebra seam,
/// least squares, the small dense kernels, reference distributions, p-value adjustment and seed streams. Each
/// property draws its data from a generated seed and sizes, so a failure shrinks to a small reproducible case.
/// </summary>
public sealed class NumericalCoreProperties
{
    private const int Cases = 40;

    // A strictly positive n x d composition with parts spread over three orders of magnitude.
    private static Matrix<double> Positive(int seed, int n, int d)
    {
        var rng = new Random(seed);
        return Matrix<double>.Build.Dense(n, d, (_, _) => Math.Exp(3 * rng.NextDouble() - 1.5));
    }

    private static int Size(int raw, int lo, int hi) => lo + (int)((uint)raw % (uint)(hi - lo + 1));

    private static bool Near(Matrix<double> a, Matrix<double> b, double tol) =>
        a.RowCount == b.RowCount && a.ColumnCount == b.ColumnCount && (a - b).Enumerate().All(v => Math.Abs(v) <= tol);

    private static bool Near(double[] a, double[] b, double tol) =>
        a.Length == b.Length && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= tol * Math.Max(1, Math.Abs(p.Second)));

    private static IEnumerable<ILinearAlgebra> AllBackends() =>
        LinearAlgebraBackends.OpenBlas is { } native ? [LinearAlgebraBackends.Managed, native] : [LinearAlgebraBackends.Managed];

    [SeededProperty(Cases)]
    public bool Clr_then_inverse_clr_returns_the_closed_composition(int seed, int rows, int parts)
    {
        var c = Composition.From(Positive(seed, Size(rows, 1, 8), Size(parts, 2, 7)));
        return Near(Composition.FromClr(c.Clr()).Values, c.Closure().Values, 1e-12);
    }

    [SeededProperty(Cases)]
    public bool Ilr_then_inverse_ilr_returns_the_closed_composition(int seed, int rows, int parts)
    {
        var c = Composition.From(Positive(seed, Size(rows, 1, 8), Size(parts, 2, 7)));
        return Near(Composition.FromIlr(c.Ilr()).Values, c.Closure().Values, 1e-12);
    }

    [SeededProperty(Cases)]
    public bool Alr_then_inverse_alr_returns_the_closed_composition(int seed, int rows, int parts)
    {
        var c = Composition.From(Positive(seed, Size(rows, 1, 8), Size(parts, 2, 7)));
        return Near(Composition.FromAlr(c.Alr()).Values, c.Closure().Values, 1e-12);
    }

    [SeededProperty(Cases)]
    public bool Clr_rows_sum_to_zero_and_ilr_preserves_aitchison_distance(int seed, int rows, int parts)
    {
        var c = Composition.From(Positive(seed, Size(rows, 2, 8), Size(parts, 2, 7)));
        var clr = c.Clr();
        var ilr = c.Ilr();
        bool centred = clr.EnumerateRows().All(r => Math.Abs(r.Sum()) <= 1e-12 * clr.Enumerate().Max(Math.Abs) * r.Count);
        // The pivot basis is orthonormal: ||clr(x) - clr(y)|| = ||ilr(x) - ilr(y)|| for every pair of rows.
        double dClr = (clr.Row(0) - clr.Row(1)).L2Norm(), dIlr = (ilr.Row(0) - ilr.Row(1)).L2Norm();
        return centred && Math.Abs(dClr - dIlr) <= 1e-12 * Math.Max(1, dClr);
    }

    [SeededProperty(Cases)]
    public bool Log_ratios_are_invariant_to_the_closure_constant_of_each_row(int seed, int rows, int parts)
    {
        var x = Positive(seed, Size(rows, 1, 8), Size(parts, 2, 7));
        var rng = new Random(seed ^ 0x5EED);
        var scaled = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++) scaled.SetRow(i, x.Row(i) * Math.Exp(6 * rng.NextDouble() - 3));
        return Near(Composition.From(x).Clr(), Composition.From(scaled).Clr(), 1e-12)
            && Near(Composition.From(x).Ilr(), Composition.From(scaled).Ilr(), 1e-12);
    }

    [SeededProperty(Cases)]
    public bool Variation_matrix_is_symmetric_non_negative_with_zero_diagonal(int seed, int rows, int parts)
    {
        var v = LogRatioMeasures.Variation(Composition.From(Positive(seed, Size(rows, 3, 20), Size(parts, 2, 7))));
        int d = v.RowCount;
        for (int i = 0; i < d; i++)
        {
            if (Math.Abs(v[i, i]) > 1e-12) return false;
            for (int j = 0; j < d; j++)
                if (v[i, j] < -1e-12 || Math.Abs(v[i, j] - v[j, i]) > 1e-12) return false;
        }
        return true;
    }

    [SeededProperty(Cases)]
    public bool Variation_matrix_is_perturbation_invariant_and_subcompositionally_coherent(int seed, int rows, int parts)
    {
        int n = Size(rows, 3, 20), d = Size(parts, 3, 7);
        var x = Positive(seed, n, d);
        var c = Composition.From(x);
        var v = LogRatioMeasures.Variation(c);
        // Perturbation: multiply part j by a_j in every row; var(log(a_i x_i / a_j x_j)) = var(log(x_i / x_j)).
        var rng = new Random(seed ^ 0xA11);
        var a = Enumerable.Range(0, d).Select(_ => Math.Exp(4 * rng.NextDouble() - 2)).ToArray();
        var perturbed = LogRatioMeasures.Variation(Composition.From(Matrix<double>.Build.Dense(n, d, (i, j) => x[i, j] * a[j])));
        // Coherence: the variation of the subcomposition of the first d - 1 parts is the sub-block of v.
        var sub = LogRatioMeasures.Variation(c.Subcomposition(c.Parts.Take(d - 1).ToArray()));
        double scale = Math.Max(1, v.Enumerate().Max());
        return Near(v, perturbed, 1e-10 * scale) && Near(sub, v.SubMatrix(0, d - 1, 0, d - 1), 1e-10 * scale);
    }

    [SeededProperty(Cases)]
    public bool Backends_agree_on_gemm_syrk_and_spd_solve(int seed, int rows, int cols)
    {
        int m = Size(rows, 1, 60), k = Size(cols, 1, 30);
        var a = Backends.Random(m * k, seed);
        var spd = Backends.Spd(k, seed ^ 7);
        var reference = Backends.NaiveProduct(true, false, k, k, m, a, a);
        foreach (var la in AllBackends())
        {
            var g = new double[k * k];
            la.Gemm(true, false, k, k, m, 1.0, a, a, 0.0, g);
            var s = new double[k * k];
            la.Syrk(true, k, m, 1.0, a, 0.0, s);
            var b = Backends.Random(k, seed ^ 11);
            var x = (double[])b.Clone();
            if (!la.TrySolveSpd(k, 1, spd, x)) return false;
            var back = Backends.NaiveProduct(false, false, k, 1, k, spd, x);
            if (!Near(g, reference, 1e-12) || !Near(s, reference, 1e-12) || !Near(back, b, 1e-10)) return false;
        }
        return true;
    }

    [SeededProperty(Cases)]
    public bool Least_squares_equals_the_normal_equations_on_well_conditioned_designs(int seed, int rows, int cols)
    {
        int p = Size(cols, 1, 8), m = p + Size(rows, 2, 80);
        // Columns: an intercept and uniform draws, far from collinear, so (X'X)^-1 X'y is accurate too.
        var x = Backends.Random(m * p, seed);
        for (int i = 0; i < m; i++) x[i] = 1;
        var y = Backends.Random(m, seed ^ 3);
        var xtx = Backends.NaiveProduct(true, false, p, p, m, x, x);
        var xty = Backends.NaiveProduct(true, false, p, 1, m, x, y);
        if (!LinearAlgebraBackends.Managed.TrySolveSpd(p, 1, xtx, xty)) return false;
        return AllBackends().All(la => Near(Ols.Solve(x, m, p, y, la), xty, 1e-9));
    }

    [SeededProperty(Cases)]
    public bool Least_squares_residuals_are_orthogonal_to_the_design(int seed, int rows, int cols)
    {
        int p = Size(cols, 1, 8), m = p + Size(rows, 2, 80);
        var x = Backends.Random(m * p, seed);
        var y = Backends.Random(m, seed ^ 5);
        foreach (var la in AllBackends())
        {
            var e = Ols.Residuals(x, m, p, y, Ols.Solve(x, m, p, y, la), la);
            var xte = Backends.NaiveProduct(true, false, p, 1, m, x, e);
            double scale = Math.Sqrt(y.Sum(v => v * v) * m);
            if (xte.Any(v => Math.Abs(v) > 1e-11 * scale)) return false;
        }
        return true;
    }

    [SeededProperty(Cases)]
    public bool Small_cholesky_solves_inverts_and_gives_the_log_determinant(int seed, int order)
    {
        int n = Size(order, 1, 12);
        var a = Backends.Spd(n, seed);
        var b = Backends.Random(n, seed ^ 13);
        var l = (double[])a.Clone();
        if (!SmallDense.Cholesky(l, n)) return false;
        var x = (double[])b.Clone();
        SmallDense.Solve(l, n, x);
        var inv = new double[n * n];
        if (!SmallDense.TryInvertSpd(a, n, inv, out double logDet)) return false;
        var identity = Backends.NaiveProduct(false, false, n, n, n, a, inv);
        var expectedLogDet = Math.Log(Matrix<double>.Build.Dense(n, n, a).LU().Determinant);
        return Near(Backends.NaiveProduct(false, false, n, 1, n, a, x), b, 1e-10)
            && Near(identity, Matrix<double>.Build.DenseIdentity(n).ToColumnMajorArray(), 1e-10)
            && Math.Abs(logDet - SmallDense.LogDeterminant(l, n)) <= 1e-12 * Math.Max(1, Math.Abs(logDet))
            && Math.Abs(logDet - expectedLogDet) <= 1e-10 * Math.Max(1, Math.Abs(logDet));
    }

    [SeededProperty(Cases)]
    public bool Small_cholesky_rejects_indefinite_matrices(int seed, int order)
    {
        int n = Size(order, 1, 10);
        var a = Backends.Spd(n, seed);
        int j = (int)((uint)seed % (uint)n);
        a[j * n + j] = -1;
        return !SmallDense.Cholesky((double[])a.Clone(), n) && !SmallDense.TryInvertSpd(a, n, new double[n * n], out _);
    }

    [SeededProperty(Cases)]
    public bool Eigenvalue_floor_is_reached_and_idempotent(int seed, int order)
    {
        int n = Size(order, 2, 8);
        var r = Backends.Random(n * n, seed);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i * n + j] = r[i * n + j] + r[j * n + i];
        const double floor = 0.05;
        SmallDense.FloorEigenvalues(a, n, floor);
        var min = Matrix<double>.Build.Dense(n, n, a).Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        var again = (double[])a.Clone();
        bool changed = SmallDense.FloorEigenvalues(again, n, floor * (1 - 1e-9));
        return min >= floor * (1 - 1e-9) && !changed && Near(again, a, 0);
    }

    [SeededProperty(Cases)]
    public bool P_values_lie_in_the_unit_interval_and_fall_as_the_statistic_grows(int raw, int df1, int df2)
    {
        double s = Math.Abs(raw % 4000) / 100.0, t = s + 0.5;
        int d1 = Size(df1, 1, 50), d2 = Size(df2, 1, 500);
        var laws = new[]
        {
            ReferenceDistribution.Normal, ReferenceDistribution.StudentT(d2),
            ReferenceDistribution.ChiSquared(d1), ReferenceDistribution.F(d1, d2),
        };
        foreach (var law in laws)
            foreach (var tail in new[] { Tail.Upper, Tail.TwoSided })
            {
                double ps = law.PValue(s, tail)!.Value, pt = law.PValue(t, tail)!.Value;
                if (!(ps >= 0 && ps <= 1 && pt >= 0 && pt <= 1 && pt <= ps)) return false;
                if (tail == Tail.Upper && Math.Abs(law.Survival(s) + law.Cdf(s) - 1) > 1e-12) return false;
            }
        return true;
    }

    [SeededProperty(Cases)]
    public bool Adjusted_p_values_dominate_raw_ones_keep_their_order_and_stay_below_one(int seed, int count)
    {
        var rng = new Random(seed);
        var p = Enumerable.Range(0, Size(count, 1, 40)).Select(_ => Math.Pow(rng.NextDouble(), 3)).ToArray();
        foreach (var method in new[] { PValueAdjustment.Holm, PValueAdjustment.BenjaminiHochberg })
        {
            var adj = MultipleTesting.Adjust(p, method);
            for (int i = 0; i < p.Length; i++)
            {
                if (!(adj[i] >= p[i] - 1e-15 && adj[i] <= 1)) return false;
                for (int j = 0; j < p.Length; j++)
                    if (p[i] < p[j] && adj[i] > adj[j] + 1e-15) return false;
            }
        }
        return true;
    }

    [SeededProperty(Cases)]
    public bool Seed_streams_do_not_depend_on_the_thread_count(int seed, int streams)
    {
        int count = Size(streams, 1, 64);
        long[] Draw(int threads)
        {
            var first = new long[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, s =>
            {
                var rng = new Random(SplitMix64.ToSeed(SplitMix64.StreamKey((ulong)(uint)seed, (uint)(s / 8), (uint)(s % 8))));
                first[s] = rng.NextInt64();
            });
            return first;
        }
        var one = Draw(1);
        return one.SequenceEqual(Draw(2)) && one.SequenceEqual(Draw(7)) && one.Distinct().Count() == count;
    }

    [SeededProperty(Cases)]
    public bool Stream_keys_of_distinct_coordinates_differ(int seed, int a, int b)
    {
        ulong s = (ulong)(uint)seed;
        ulong k = SplitMix64.StreamKey(s, (uint)a, (uint)b);
        return k != SplitMix64.StreamKey(s, (uint)a + 1, (uint)b)
            && k != SplitMix64.StreamKey(s, (uint)a, (uint)b + 1)
            && SplitMix64.Mix(k) != SplitMix64.Mix(SplitMix64.StreamKey(s + 1, (uint)a, (uint)b));
    }
}
