using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The pieces of Satorra-Bentler (1994) robust inference for normal-theory ML, as lavaan's MLM computes them:
/// with Gamma the asymptotic covariance of the sample moments (vech S, and the means with a mean structure) estimated from
/// the data (divisor N), W the normal-theory weight (expected h1 information at the implied moments; the fixed.x moments
/// left out) and Delta the Jacobian of the moments,
/// B = Delta' W Gamma W Delta (the "meat"), robust Cov(theta) = P B P / N with P = (Delta' W Delta)^-1 (the model's
/// inverse information, constrained if need be), and the scaling factor c = tr(U Gamma) / df with
/// U = W - W Delta P Delta' W, so that tr(U Gamma) = tr(W Gamma) - tr(P B).
/// Gamma is never formed: with z_i the centered moment contributions of case i, Delta' W Gamma W Delta = Z'Z / N where
/// Z = [z_i' W Delta] (N x q), and tr(W Gamma) = mean over cases of z_i' W z_i.
/// </summary>
internal static class SatorraBentler
{
    /// <summary>The meat B and tr(W Gamma).</summary>
    /// <param name="centered">The data minus its means (N x p).</param>
    /// <param name="sample">The sample covariance (divisor N).</param>
    /// <param name="sigmaInv">The inverse implied covariance.</param>
    /// <param name="dSigma">dSigma/dtheta_a for each parameter.</param>
    /// <param name="dMu">dmu/dtheta_a for each parameter (null entries or a null list without a mean structure).</param>
    /// <param name="isX">Which observed variables are fixed.x covariates.</param>
    /// <param name="means">Whether the moments include the means.</param>
    public static (Matrix<double> Meat, double TraceWGamma) Pieces(Matrix<double> centered, Matrix<double> sample, Matrix<double> sigmaInv,
        IReadOnlyList<Matrix<double>> dSigma, IReadOnlyList<Vector<double>?>? dMu, bool[] isX, bool means)
    {
        int n = centered.RowCount, p = centered.ColumnCount, q = dSigma.Count;
        // W Delta_a for the covariance part: the symmetric M_a = Sigma^-1 dSigma_a Sigma^-1 with the x block zeroed, applied
        // to a moment deviation C as 0.5 <M_a, C>; for the means Sigma^-1 dmu_a with the x entries zeroed.
        var m = Matrix<double>.Build.Dense(p * p, q);
        var v = Matrix<double>.Build.Dense(p, q);
        for (int a = 0; a < q; a++)
        {
            var ma = sigmaInv * dSigma[a] * sigmaInv;
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++)
                    m[i * p + j, a] = isX[i] && isX[j] ? 0 : 0.5 * ma[i, j];
            if (means && dMu?[a] is { } dm)
            {
                var wa = sigmaInv * dm;
                for (int i = 0; i < p; i++) v[i, a] = isX[i] ? 0 : wa[i];
            }
        }
        // The moment contributions of each case: vec(y y') and y. With fixed.x covariates lavaan subtracts those of
        // yhat, the data with every non-x column replaced by its least-squares fit on the covariates, so that only the
        // moments conditional on x vary (and the x block is zero).
        var yhat = FittedOnCovariates(centered, isX);
        var r = Matrix<double>.Build.Dense(n, p * p);
        var ym = yhat is null ? centered.Clone() : centered - yhat;
        for (int c = 0; c < n; c++)
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++)
                    r[c, i * p + j] = centered[c, i] * centered[c, j] - (yhat is null ? 0 : yhat[c, i] * yhat[c, j]);
        var colMeans = r.ColumnSums() / n;
        for (int c = 0; c < n; c++)
            for (int k = 0; k < p * p; k++) r[c, k] -= colMeans[k];
        var z = r * m;
        if (means) z += ym * v;
        var meat = z.TransposeThisAndMultiply(z) / n;

        // tr(W Gamma) = mean over cases of 0.5 tr(Sigma^-1 C_i Sigma^-1 C_i) + y_i' Sigma^-1 y_i, x blocks left out.
        double trace = 0;
        var ci = Matrix<double>.Build.Dense(p, p);
        var yx = Vector<double>.Build.Dense(p);
        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < p; i++)
            {
                yx[i] = isX[i] ? 0 : ym[c, i];
                for (int j = 0; j < p; j++) ci[i, j] = isX[i] && isX[j] ? 0 : r[c, i * p + j];
            }
            var t = sigmaInv * ci;
            double tr = 0;
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) tr += t[i, j] * t[j, i];
            trace += 0.5 * tr + (means ? yx.DotProduct(sigmaInv * yx) : 0);
        }
        return (meat, trace / n);
    }

    // The centered data with each non-x column replaced by its least-squares fit on the centered x columns (x kept);
    // null without fixed.x covariates.
    private static Matrix<double>? FittedOnCovariates(Matrix<double> centered, bool[] isX)
    {
        var xs = Enumerable.Range(0, isX.Length).Where(i => isX[i]).ToArray();
        if (xs.Length == 0) return null;
        var x = Matrix<double>.Build.Dense(centered.RowCount, xs.Length, (c, k) => centered[c, xs[k]]);
        var coef = x.QR().Solve(centered);
        var fit = x * coef;
        foreach (var k in xs) fit.SetColumn(k, centered.Column(k));
        return fit;
    }
}
