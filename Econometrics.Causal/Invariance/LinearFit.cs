using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Econometrics.Causal.Invariance;

/// <summary>Ordinary least squares by Householder QR (never the normal equations), with the classical covariance.</summary>
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
    public static LinearFit Fit(Matrix<double> design, Vector<double> y)
    {
        var qr = design.QR(QRMethod.Thin);
        var beta = qr.Solve(y);
        var resid = y - design * beta;
        // (X'X)^-1 = R^-1 R^-T from the triangular factor, so the covariance inherits QR's accuracy.
        var rInv = qr.R.Inverse();
        return new LinearFit(beta, resid, resid.DotProduct(resid), design.RowCount, design.ColumnCount, rInv.TransposeAndMultiply(rInv));
    }

    /// <summary>The design [1, F] for features F.</summary>
    public static Matrix<double> WithIntercept(Matrix<double> f)
    {
        var d = Matrix<double>.Build.Dense(f.RowCount, f.ColumnCount + 1, 1.0);
        d.SetSubMatrix(0, 1, f);
        return d;
    }
}
