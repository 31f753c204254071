using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>Ordinary least squares through <see cref="Ols"/> (thin Householder QR with a rank check), with the classical covariance.</summary>
internal sealed class LinearFit
{
    private LinearFit(Vector<double> beta, Vector<double> residuals, double rss, int n, int q, Matrix<double> xtxInverse)
    {
        Beta = beta; Residuals = residuals; Rss = rss; N = n; Q = q; XtXInverse = xtxInverse;
    }

    public Vector<double> Beta { get; }
    public Vector<double> Residuals { get; }
    public double Rss { get; }
    public int N { get; }
    public int Q { get; }
    public Matrix<double> XtXInverse { get; }

    /// <summary>The residual variance RSS / (n - q).</summary>
    public double Sigma2 => Rss / (N - Q);

    /// <summary>The classical covariance sigma^2 (X'X)^-1.</summary>
    public Matrix<double> Covariance => XtXInverse * Sigma2;

    /// <summary>Fits y on the columns of <paramref name="design"/> (include a column of ones for an intercept).</summary>
    public static LinearFit Fit(Matrix<double> design, Vector<double> y, ILinearAlgebra la)
    {
        int n = design.RowCount, q = design.ColumnCount;
        var x = design.AsColumnMajorArray() ?? design.ToColumnMajorArray();
        var yv = y.AsArray() ?? y.ToArray();
        var beta = Ols.Solve(x, n, q, yv, la);
        var resid = Ols.Residuals(x, n, q, yv, beta, la);
        var xtxInverse = Matrix<double>.Build.Dense(q, q, Ols.CrossProductInverse(x, n, q, la));
        var r = Vector<double>.Build.Dense(resid);
        return new LinearFit(Vector<double>.Build.Dense(beta), r, r.DotProduct(r), n, q, xtxInverse);
    }

    /// <summary>The design [1, F] for features F.</summary>
    public static Matrix<double> WithIntercept(Matrix<double> f)
    {
        var d = Matrix<double>.Build.Dense(f.RowCount, f.ColumnCount + 1, 1.0);
        d.SetSubMatrix(0, 1, f);
        return d;
    }
}
