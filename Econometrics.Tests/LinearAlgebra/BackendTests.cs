using Econometrics.LinearAlgebra;
using Econometrics.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.LinearAlgebra;

public class BackendTests
{
    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Gemm_matches_the_triple_loop_for_every_transpose(string backend)
    {
        var la = Backends.Get(backend);
        const int m = 7, n = 5, k = 9;
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var a = Backends.Random(m * k, 1);
            var b = Backends.Random(k * n, 2);
            var c = Backends.Random(m * n, 3);
            var expected = Backends.NaiveProduct(ta, tb, m, n, k, a, b).Select((v, i) => 2.0 * v + 0.5 * c[i]).ToArray();
            la.Gemm(ta, tb, m, n, k, 2.0, a, b, 0.5, c);
            Close.Arrays(expected, c, 1e-13, $"gemm {ta} {tb}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Gemm_and_syrk_use_the_leading_elements_of_longer_arrays(string backend)
    {
        // The first columns of a larger matrix go in without a copy; elements past the product stay untouched.
        var la = Backends.Get(backend);
        const int m = 4, n = 3, k = 6;
        var a = Backends.Random(k * m + 13, 6);
        var b = Backends.Random(k * n + 29, 7);
        var c = Enumerable.Repeat(-7.0, m * n + 5).ToArray();
        la.Gemm(true, false, m, n, k, 1.0, a, b, 0.0, c);
        Close.Arrays(Backends.NaiveProduct(true, false, m, n, k, a[..(k * m)], b[..(k * n)]), c[..(m * n)], 1e-13, "A'B");
        Assert.All(c[(m * n)..], v => Assert.Equal(-7.0, v));
        var s = Enumerable.Repeat(-7.0, m * m + 3).ToArray();
        la.Syrk(true, m, k, 1.0, a, 0.0, s);
        Close.Arrays(Backends.NaiveProduct(true, false, m, m, k, a[..(k * m)], a[..(k * m)]), s[..(m * m)], 1e-13, "A'A");
        Assert.All(s[(m * m)..], v => Assert.Equal(-7.0, v));
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void With_beta_zero_the_old_contents_of_C_are_ignored_even_NaN(string backend)
    {
        // As in BLAS: callers hand uninitialised output arrays to a product with beta = 0.
        var la = Backends.Get(backend);
        const int m = 5, n = 4, k = 3;
        var a = Backends.Random(k * m, 11);
        var b = Backends.Random(k * n, 12);
        var c = Enumerable.Repeat(double.NaN, m * n).ToArray();
        la.Gemm(true, false, m, n, k, 1.0, a, b, 0.0, c);
        Close.Arrays(Backends.NaiveProduct(true, false, m, n, k, a, b), c, 1e-13, "A'B over NaN");
        var s = Enumerable.Repeat(double.NaN, m * m).ToArray();
        la.Syrk(true, m, k, -1.0, a, 0.0, s);
        Close.Arrays(Backends.NaiveProduct(true, false, m, m, k, a, a).Select(v => -v).ToArray(), s, 1e-13, "-A'A over NaN");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Syrk_fills_both_triangles_of_A_transpose_A(string backend)
    {
        var la = Backends.Get(backend);
        const int n = 6, k = 11;
        var a = Backends.Random(k * n, 4);
        var c = new double[n * n];
        la.Syrk(true, n, k, 1.0, a, 0.0, c);
        Close.Arrays(Backends.NaiveProduct(true, false, n, n, k, a, a), c, 1e-13, "A'A");
        var b = Backends.Random(n * k, 5);
        la.Syrk(false, n, k, 1.0, b, 0.0, c);
        Close.Arrays(Backends.NaiveProduct(false, true, n, n, k, b, b), c, 1e-13, "AA'");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Syrk_fills_both_triangles_across_several_copy_blocks(string backend)
    {
        // n = 150 spans three 64 x 64 blocks of the triangle copy, with a ragged last block.
        var la = Backends.Get(backend);
        const int n = 150, k = 7;
        var a = Backends.Random(k * n, 9);
        var c = new double[n * n];
        la.Syrk(true, n, k, 1.0, a, 0.0, c);
        Close.Arrays(Backends.NaiveProduct(true, false, n, n, k, a, a), c, 1e-12, "A'A");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Lower_triangular_solve_inverts_the_Cholesky_factor(string backend)
    {
        var la = Backends.Get(backend);
        const int n = 9, m = 5;
        var l = Backends.Spd(n, 10);
        Assert.True(la.TryCholesky(n, l));
        var b = Backends.Random(n * m, 11);
        var x = (double[])b.Clone();
        la.SolveLowerTriangular(n, m, l, x);
        Close.Arrays(b, Backends.NaiveProduct(false, false, n, m, n, l, x), 1e-12, "L X = B");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Symmetric_eigen_reconstructs_and_sorts_ascending(string backend)
    {
        var la = Backends.Get(backend);
        const int n = 12;
        var s = Backends.Spd(n, 6);
        var v = (double[])s.Clone();
        var w = new double[n];
        la.SymmetricEigen(n, v, w);
        for (int i = 1; i < n; i++) Assert.True(w[i] >= w[i - 1], "eigenvalues ascending");
        var V = Matrix<double>.Build.Dense(n, n, v);
        var rebuilt = V * Matrix<double>.Build.DenseOfDiagonalArray(w) * V.Transpose();
        Close.Arrays(s, rebuilt.ToColumnMajorArray(), 1e-12, "V diag(w) V'");
        Close.Arrays(Matrix<double>.Build.DenseIdentity(n).ToColumnMajorArray(), (V.Transpose() * V).ToColumnMajorArray(), 1e-12, "V'V = I");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Known_eigenvalues_of_a_tridiagonal_matrix(string backend)
    {
        // The n x n second-difference matrix has eigenvalues 2 - 2 cos(k pi / (n + 1)), k = 1..n.
        const int n = 9;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i > 0) { a[i * n + i - 1] = -1; a[(i - 1) * n + i] = -1; }
        }
        var w = new double[n];
        Backends.Get(backend).SymmetricEigen(n, a, w);
        var expected = Enumerable.Range(1, n).Select(k => 2 - 2 * Math.Cos(k * Math.PI / (n + 1))).ToArray();
        Close.Arrays(expected, w, 1e-13, "eigenvalues");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Thin_svd_reconstructs_tall_and_wide_matrices(string backend)
    {
        var la = Backends.Get(backend);
        foreach (var (m, n) in new[] { (10, 4), (4, 10), (6, 6) })
        {
            int r = Math.Min(m, n);
            var a = Backends.Random(m * n, m * 100 + n);
            var s = new double[r];
            var u = new double[m * r];
            var vt = new double[r * n];
            la.Svd(m, n, a, s, u, vt);
            for (int i = 1; i < r; i++) Assert.True(s[i] <= s[i - 1], "singular values descending");
            var rebuilt = Matrix<double>.Build.Dense(m, r, u) * Matrix<double>.Build.DenseOfDiagonalArray(s) * Matrix<double>.Build.Dense(r, n, vt);
            Close.Arrays(a, rebuilt.ToColumnMajorArray(), 1e-12, $"U S V' ({m}x{n})");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Cholesky_solve_and_inverse_of_an_spd_matrix(string backend)
    {
        var la = Backends.Get(backend);
        const int n = 8;
        var a = Backends.Spd(n, 7);
        var l = (double[])a.Clone();
        Assert.True(la.TryCholesky(n, l));
        var L = Matrix<double>.Build.Dense(n, n, l);
        Assert.Equal(0.0, L.UpperTriangle().Subtract(Matrix<double>.Build.DenseDiagonal(n, n, i => L[i, i])).Enumerate().Select(Math.Abs).Max());
        Close.Arrays(a, (L * L.Transpose()).ToColumnMajorArray(), 1e-13, "L L'");

        var x = Backends.Random(n * 2, 8);
        var b = Backends.NaiveProduct(false, false, n, 2, n, a, x);
        Assert.True(la.TrySolveSpd(n, 2, a, b));
        Close.Arrays(x, b, 1e-12, "solve");

        var inv = (double[])a.Clone();
        Assert.True(la.TryInvertSpd(n, inv));
        Close.Arrays(Matrix<double>.Build.DenseIdentity(n).ToColumnMajorArray(), Backends.NaiveProduct(false, false, n, n, n, a, inv), 1e-12, "A A^-1");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Indefinite_matrices_are_reported_not_factored(string backend)
    {
        var la = Backends.Get(backend);
        var a = new double[] { 1, 2, 2, 1 };
        Assert.False(la.TryCholesky(2, (double[])a.Clone()));
        Assert.False(la.TrySolveSpd(2, 1, a, [1, 1]));
        Assert.False(la.TryInvertSpd(2, (double[])a.Clone()));
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Least_squares_matches_the_normal_equations(string backend)
    {
        var la = Backends.Get(backend);
        const int m = 30, n = 4;
        var x = Backends.Random(m * n, 9);
        var y = Backends.Random(m, 10);
        var beta = new double[n];
        la.LeastSquares(m, n, 1, x, y, beta);
        var X = Matrix<double>.Build.Dense(m, n, x);
        var expected = (X.TransposeThisAndMultiply(X)).Solve(X.TransposeThisAndMultiply(Vector<double>.Build.Dense(y)));
        Close.Arrays(expected.ToArray(), beta, 1e-12, "beta");
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Least_squares_rejects_a_rank_deficient_design(string backend)
    {
        var la = Backends.Get(backend);
        const int m = 10;
        var x = new double[m * 2];
        for (int i = 0; i < m; i++) { x[i] = i; x[m + i] = 2 * i; }
        var e = Assert.Throws<ArgumentException>(() => la.LeastSquares(m, 2, 1, x, new double[m], new double[2]));
        Assert.Contains("full column rank", e.Message);
    }

    [Fact]
    public void OpenBlas_and_managed_agree_to_1e10_on_large_problems()
    {
        var native = LinearAlgebraBackends.OpenBlas;
        if (native is null) return; // the managed-only CI leg has nothing to compare; the default leg installs OpenBLAS
        var managed = LinearAlgebraBackends.Managed;
        const int n = 150;
        var a = Backends.Random(n * n, 11);
        var b = Backends.Random(n * n, 12);
        var c1 = new double[n * n]; var c2 = new double[n * n];
        managed.Gemm(false, true, n, n, n, 1.0, a, b, 0.0, c1);
        native.Gemm(false, true, n, n, n, 1.0, a, b, 0.0, c2);
        Close.Arrays(c1, c2, 1e-10, "gemm");

        var s = Backends.Spd(n, 13);
        var w1 = new double[n]; var w2 = new double[n];
        managed.SymmetricEigen(n, (double[])s.Clone(), w1);
        native.SymmetricEigen(n, (double[])s.Clone(), w2);
        Close.Arrays(w1, w2, 1e-10, "eigenvalues");

        var i1 = (double[])s.Clone(); var i2 = (double[])s.Clone();
        managed.TryInvertSpd(n, i1); native.TryInvertSpd(n, i2);
        Close.Arrays(i1, i2, 1e-10, "inverse");

        var s1 = new double[n]; var s2 = new double[n];
        managed.Svd(n, n, a, s1, new double[n * n], new double[n * n]);
        native.Svd(n, n, a, s2, new double[n * n], new double[n * n]);
        Close.Arrays(s1, s2, 1e-10, "singular values");
    }

    [Fact]
    public void The_environment_setting_selects_or_rejects_a_backend()
    {
        Assert.Same(LinearAlgebraBackends.Managed, LinearAlgebraBackends.Resolve("managed"));
        Assert.Same(LinearAlgebraBackends.Managed, LinearAlgebraBackends.Resolve(" Managed "));
        var unknown = Assert.Throws<InvalidOperationException>(() => LinearAlgebraBackends.Resolve("mkl"));
        Assert.Contains("'managed' or 'openblas'", unknown.Message);
        if (LinearAlgebraBackends.OpenBlas is null)
        {
            var absent = Assert.Throws<InvalidOperationException>(() => LinearAlgebraBackends.Resolve("openblas"));
            Assert.Contains("apt-get install libopenblas0 liblapacke", absent.Message);
            Assert.Same(LinearAlgebraBackends.Managed, LinearAlgebraBackends.Resolve(null));
        }
        else
        {
            Assert.Same(LinearAlgebraBackends.OpenBlas, LinearAlgebraBackends.Resolve("openblas"));
            Assert.Same(LinearAlgebraBackends.OpenBlas, LinearAlgebraBackends.Resolve(""));
        }
    }

    [Fact]
    public void Choosing_the_default_backend_leaves_MathNet_managed()
    {
        var before = MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider;
        _ = LinearAlgebraBackends.Default;
        var after = MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider;
        // No process-wide provider swap: Math.NET's own operations do not depend on which backend was chosen.
        Assert.Same(before, after);
        Assert.IsType<MathNet.Numerics.Providers.LinearAlgebra.ManagedLinearAlgebraProvider>(after);
        // Products and factorizations through Math.NET agree with the textbook result.
        const int n = 40;
        var a = Backends.Random(n * n, 14);
        var A = Matrix<double>.Build.Dense(n, n, a);
        Close.Arrays(Backends.NaiveProduct(true, false, n, n, n, a, a), A.TransposeThisAndMultiply(A).ToColumnMajorArray(), 1e-12, "A'A");
        var S = Matrix<double>.Build.Dense(n, n, Backends.Spd(n, 15));
        var evd = S.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        Close.Arrays(S.ToColumnMajorArray(), (evd.EigenVectors * evd.D * evd.EigenVectors.Transpose()).ToColumnMajorArray(), 1e-12, "EVD");
        var chol = S.Cholesky();
        Close.Arrays(S.ToColumnMajorArray(), (chol.Factor * chol.Factor.Transpose()).ToColumnMajorArray(), 1e-12, "Cholesky");
        var R = Matrix<double>.Build.Dense(n, n / 2, Backends.Random(n * n / 2, 16));
        var svd = R.Svd(true);
        Close.Arrays(R.ToColumnMajorArray(), (svd.U * svd.W * svd.VT).ToColumnMajorArray(), 1e-12, "SVD");
    }
}
