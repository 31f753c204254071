namespace Econometrics.LinearAlgebra;

/// <summary>
/// Least squares on dense column-major designs through the linear-algebra seam: every fit in Panel goes through
/// <see cref="ILinearAlgebra.LeastSquares"/> (thin Householder QR with a rank check), never the normal equations.
/// </summary>
internal static class Ols
{
    /// <summary>The b minimizing ||X b - y|| for X (m x p) and one or more right-hand sides y (m x nrhs).</summary>
    public static double[] Solve(double[] x, int m, int p, double[] y, ILinearAlgebra la, int nrhs = 1)
    {
        var b = new double[p * nrhs];
        if (p > 0) la.LeastSquares(m, p, nrhs, x, y, b);
        return b;
    }

    /// <summary>y - X b, for X (m x p) column-major.</summary>
    public static double[] Residuals(double[] x, int m, int p, double[] y, double[] b, ILinearAlgebra la)
    {
        var e = (double[])y.Clone();
        if (p > 0) la.Gemm(false, false, m, 1, p, -1.0, x, b, 1.0, e);
        return e;
    }

    /// <summary>
    /// (X'X)^-1 (p x p) for a design whose full column rank the QR fit has already established: the cross-product
    /// is scaled to unit diagonal before its Cholesky inverse, so the columns' units do not cost precision.
    /// </summary>
    public static double[] CrossProductInverse(double[] x, int m, int p, ILinearAlgebra la)
    {
        var g = new double[p * p];
        if (p == 0) return g;
        la.Syrk(true, p, m, 1.0, x, 0.0, g);
        return InverseSpd(g, p, la);
    }

    /// <summary>The inverse of a symmetric positive definite matrix (p x p), equilibrated to unit diagonal first.</summary>
    public static double[] InverseSpd(double[] g, int p, ILinearAlgebra la)
    {
        var d = new double[p];
        for (int j = 0; j < p; j++) d[j] = g[j + j * p] > 0 ? 1 / Math.Sqrt(g[j + j * p]) : 1;
        var s = new double[p * p];
        for (int j = 0; j < p; j++) for (int i = 0; i < p; i++) s[i + j * p] = g[i + j * p] * d[i] * d[j];
        if (!la.TryInvertSpd(p, s))
            throw new ArgumentException("The regressors' cross-product matrix is singular: the design does not have full column rank.", "formula");
        for (int j = 0; j < p; j++) for (int i = 0; i < p; i++) s[i + j * p] *= d[i] * d[j];
        return s;
    }

    /// <summary>
    /// An orthonormal basis (m x rank) of the column space of A (m x p) from its thin SVD, dropping directions whose
    /// singular value is below max(m, p) eps times the largest, so rank-deficient A (collinear averages) is fine.
    /// </summary>
    public static double[] OrthonormalBasis(double[] a, int m, int p, ILinearAlgebra la, out int rank)
    {
        int r = Math.Min(m, p);
        var s = new double[r];
        var u = new double[m * r];
        var vt = new double[r * p];
        la.Svd(m, p, a, s, u, vt);
        double tol = (r > 0 ? s[0] : 0) * Math.Max(m, p) * 2.220446049250313e-16;
        rank = 0;
        while (rank < r && s[rank] > tol) rank++;
        return rank == r ? u : u[..(m * rank)];
    }

    /// <summary>A minus its projection on the orthonormal columns of Q (m x q): (I - Q Q') A for A m x c.</summary>
    public static double[] ProjectOff(double[] q, int m, int qc, double[] a, int c, ILinearAlgebra la)
    {
        var res = (double[])a.Clone();
        if (qc == 0 || c == 0) return res;
        var qa = new double[qc * c];
        la.Gemm(true, false, qc, c, m, 1.0, q, a, 0.0, qa);
        la.Gemm(false, false, m, c, qc, -1.0, q, qa, 1.0, res);
        return res;
    }
}
