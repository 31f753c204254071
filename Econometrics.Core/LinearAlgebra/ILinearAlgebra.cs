namespace Econometrics.LinearAlgebra;

/// <summary>
/// The dense linear-algebra operations every estimator is built on, over column-major <c>double[]</c> arrays.
/// </summary>
/// <remarks>
/// Two implementations exist: <see cref="ManagedLinearAlgebra"/> (Math.NET's managed code, always available) and
/// <see cref="OpenBlasLinearAlgebra"/> (OpenBLAS and LAPACKE through P/Invoke). Arrays hold matrices in
/// column-major order with the leading dimension equal to the row count. <see cref="Gemm"/> and <see cref="Syrk"/> accept
/// arrays longer than their matrices and use the leading elements, so the first columns of a larger matrix need no
/// copy. <see cref="LinearAlgebraBackends"/> chooses one per process.
/// </remarks>
public interface ILinearAlgebra
{
    /// <summary>Short name of the backend, e.g. "OpenBLAS 0.3.21" or "managed (Math.NET 5.0.0)".</summary>
    string Name { get; }

    /// <summary>Number of threads the backend uses for BLAS-3 work.</summary>
    int Threads { get; }

    /// <summary>General matrix product <c>C = alpha op(A) op(B) + beta C</c> (BLAS dgemm).</summary>
    /// <param name="transA">Whether <c>op(A) = A'</c>.</param>
    /// <param name="transB">Whether <c>op(B) = B'</c>.</param>
    /// <param name="m">Rows of <c>op(A)</c> and of <c>C</c>.</param>
    /// <param name="n">Columns of <c>op(B)</c> and of <c>C</c>.</param>
    /// <param name="k">Columns of <c>op(A)</c> and rows of <c>op(B)</c>.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A, stored <c>m x k</c> (or <c>k x m</c> when transposed).</param>
    /// <param name="b">B, stored <c>k x n</c> (or <c>n x k</c> when transposed).</param>
    /// <param name="beta">Scale of the existing C; with 0 its old contents are ignored, even NaN (as in BLAS).</param>
    /// <param name="c">C, <c>m x n</c>, updated in place.</param>
    void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c);

    /// <summary>Symmetric rank-k update (BLAS dsyrk); both triangles of C are filled on return.</summary>
    /// <param name="trans">False: <c>C = alpha A A' + beta C</c> with A <c>n x k</c>; true: <c>C = alpha A' A + beta C</c> with A <c>k x n</c>.</param>
    /// <param name="n">Order of C.</param>
    /// <param name="k">Inner dimension.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">The factor A.</param>
    /// <param name="beta">Scale of the existing C; with 0 its old contents are ignored, even NaN (as in BLAS).</param>
    /// <param name="c">C, <c>n x n</c>, updated in place.</param>
    void Syrk(bool trans, int n, int k, double alpha, double[] a, double beta, double[] c);

    /// <summary>Eigendecomposition of a symmetric matrix (LAPACK dsyevd).</summary>
    /// <param name="n">Order of the matrix.</param>
    /// <param name="a">On entry the symmetric matrix; on return the orthonormal eigenvectors as columns.</param>
    /// <param name="w">On return the eigenvalues in ascending order (length n).</param>
    void SymmetricEigen(int n, double[] a, double[] w);

    /// <summary>Thin singular value decomposition <c>A = U diag(s) V'</c> (LAPACK dgesdd).</summary>
    /// <param name="m">Rows of A.</param>
    /// <param name="n">Columns of A.</param>
    /// <param name="a">A, <c>m x n</c>; not modified.</param>
    /// <param name="s">On return the <c>r = min(m, n)</c> singular values, descending.</param>
    /// <param name="u">On return U, <c>m x r</c>.</param>
    /// <param name="vt">On return V', <c>r x n</c>.</param>
    void Svd(int m, int n, double[] a, double[] s, double[] u, double[] vt);

    /// <summary>Cholesky factor <c>A = L L'</c> in place (LAPACK dpotrf); the strict upper triangle is zeroed.</summary>
    /// <param name="n">Order of A.</param>
    /// <param name="a">On entry a symmetric matrix; on success L.</param>
    /// <returns>False when A is not positive definite (A is then undefined).</returns>
    bool TryCholesky(int n, double[] a);

    /// <summary>Solves <c>L X = B</c> in place for a lower-triangular L with nonzero diagonal (BLAS dtrsm, left side).</summary>
    /// <param name="n">Order of L.</param>
    /// <param name="nrhs">Columns of B.</param>
    /// <param name="l">L, <c>n x n</c> (e.g. from <see cref="TryCholesky"/>); only the lower triangle is read.</param>
    /// <param name="b">On entry B (<c>n x nrhs</c>); on return X = L^-1 B.</param>
    void SolveLowerTriangular(int n, int nrhs, double[] l, double[] b);

    /// <summary>Solves <c>A X = B</c> for symmetric positive definite A (LAPACK dposv).</summary>
    /// <param name="n">Order of A.</param>
    /// <param name="nrhs">Columns of B.</param>
    /// <param name="a">A; not modified.</param>
    /// <param name="b">On entry B (<c>n x nrhs</c>); on success X.</param>
    /// <returns>False when A is not positive definite.</returns>
    bool TrySolveSpd(int n, int nrhs, double[] a, double[] b);

    /// <summary>Inverse of a symmetric positive definite matrix in place (LAPACK dpotrf + dpotri), both triangles filled.</summary>
    /// <param name="n">Order of A.</param>
    /// <param name="a">On entry A; on success its inverse.</param>
    /// <returns>False when A is not positive definite.</returns>
    bool TryInvertSpd(int n, double[] a);

    /// <summary>Least-squares solution of <c>min ||A X - B||</c> by Householder QR (LAPACK dgels); A must have full column rank.</summary>
    /// <param name="m">Rows of A (m &gt;= n).</param>
    /// <param name="n">Columns of A.</param>
    /// <param name="nrhs">Columns of B.</param>
    /// <param name="a">A; not modified.</param>
    /// <param name="b">B, <c>m x nrhs</c>; not modified.</param>
    /// <param name="x">On return X, <c>n x nrhs</c>.</param>
    void LeastSquares(int m, int n, int nrhs, double[] a, double[] b, double[] x);
}
