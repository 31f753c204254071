using System.Runtime.CompilerServices;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The pieces of robust ML with Huber-White standard errors and the Yuan-Bentler (2000) scaled test, as lavaan's MLR
/// computes them on complete data (its Mplus variant of the test): the bread is the observed information H (the Hessian of
/// F per case), the meat B0 the mean outer product of the casewise scores at the model-implied moments, so that
/// Cov(theta) = H^-1 B0 H^-1 / N, and tr(U Gamma) = tr(A1^-1 B1) - tr(H^-1 B0) with A1 and B1 the expected and first-order
/// information of the unrestricted (saturated) model at the sample moments; the scaling factor is tr(U Gamma) / df.
/// </summary>
internal static class HuberWhite
{
    /// <summary>
    /// Casewise scores of the normal log-likelihood, s_ia = dmu_a' u_i + 0.5 (u_i' dSigma_a u_i - tr(Sigma^-1 dSigma_a)) with
    /// u_i = Sigma^-1 r_i (N x q).
    /// </summary>
    /// <param name="residuals">Each case minus the mean it is scored at (N x p).</param>
    /// <param name="sigmaInv">The inverse of the covariance it is scored at.</param>
    /// <param name="dSigma">dSigma/dtheta_a for each parameter.</param>
    /// <param name="dMu">dmu/dtheta_a for each parameter (null entries without a mean structure).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Matrix<double> Scores(Matrix<double> residuals, Matrix<double> sigmaInv, IReadOnlyList<Matrix<double>> dSigma,
        IReadOnlyList<Vector<double>?> dMu)
    {
        int n = residuals.RowCount, p = residuals.ColumnCount, q = dSigma.Count;
        var pinv = sigmaInv.AsColumnMajorArray() ?? sigmaInv.ToColumnMajorArray();
        var u = SmallDense.Product(residuals, sigmaInv).AsColumnMajorArray()!;   // U = R Sigma^-1 (N x p, column-major)
        var scores = new double[n * q];
        var nonzero = new List<(int J, int K, double D)>();
        for (int a = 0; a < q; a++)
        {
            // u_i' dSigma_a u_i over the nonzero entries of dSigma_a (a derivative of Sigma touches a few rows and columns),
            // with the symmetric pairs (j, k) and (k, j) counted once, doubled.
            var d = dSigma[a];
            nonzero.Clear();
            double tr = 0;
            for (int j = 0; j < p; j++)
                for (int k = 0; k <= j; k++)
                {
                    double v = j == k ? d[j, j] : d[j, k] + d[k, j];
                    if (v != 0) nonzero.Add((j, k, v));
                    tr += j == k ? pinv[j + j * p] * d[j, j] : pinv[j + k * p] * d[j, k] + pinv[k + j * p] * d[k, j];
                }
            int col = a * n;
            foreach (var (j, k, v) in nonzero)
                for (int i = 0; i < n; i++) scores[col + i] += 0.5 * v * u[i + j * n] * u[i + k * n];
            for (int i = 0; i < n; i++) scores[col + i] -= 0.5 * tr;
            if (dMu[a] is { } dm)
                for (int j = 0; j < p; j++)
                {
                    double w = dm[j];
                    if (w == 0) continue;
                    for (int i = 0; i < n; i++) scores[col + i] += u[i + j * n] * w;
                }
        }
        return Matrix<double>.Build.Dense(n, q, scores);
    }

    /// <summary>
    /// tr(A1^-1 B1) of the unrestricted model at the sample moments, with the moments of the fixed.x covariates (their means
    /// and covariance block) left out as in lavaan. Without covariates it is Mardia's multivariate kurtosis in disguise:
    /// with a_i = r_i' S^-1 r_i it equals 0.5 mean(a_i^2) + p/2 with a mean structure and 0.5 mean(a_i^2) - p/2 without.
    /// </summary>
    /// <param name="centered">The data minus its means (N x p).</param>
    /// <param name="sample">The sample covariance (divisor N).</param>
    /// <param name="isX">Which observed variables are fixed.x covariates.</param>
    /// <param name="means">Whether the moments include the means.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double UnrestrictedTrace(Matrix<double> centered, Matrix<double> sample, bool[] isX, bool means)
    {
        int n = centered.RowCount, p = centered.ColumnCount;
        var sInv = SmallDense.InverseSpd(sample) ?? throw new ArgumentException("The sample covariance is not positive definite.", nameof(sample));
        var u = SmallDense.Product(centered, sInv);
        if (!isX.Any(x => x))
        {
            var ua = u.AsColumnMajorArray()!;
            var ca = centered.AsColumnMajorArray() ?? centered.ToColumnMajorArray();
            var a = new double[n];
            for (int j = 0; j < p; j++)
                for (int i = 0; i < n; i++) a[i] += ua[i + j * n] * ca[i + j * n];
            double sum = 0;
            for (int i = 0; i < n; i++) sum += a[i] * a[i];
            return 0.5 * sum / n + (means ? 0.5 * p : -0.5 * p);
        }
        // With covariates the reduced information has no closed-form inverse: form A1 and the scores over the kept moments.
        var meanIdx = means ? Enumerable.Range(0, p).Where(j => !isX[j]).ToArray() : [];
        var pairs = new List<(int A, int B)>();
        for (int b = 0; b < p; b++)
            for (int a = b; a < p; a++)
                if (!(isX[a] && isX[b])) pairs.Add((a, b));
        int m = meanIdx.Length, k = m + pairs.Count;
        var a1 = Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) a1[i, j] = sInv[meanIdx[i], meanIdx[j]];
        for (int i = 0; i < pairs.Count; i++)
            for (int j = 0; j < pairs.Count; j++)
            {
                // 0.5 D'(S^-1 (x) S^-1) D: the sum over the distinct orderings of both index pairs.
                var (a, b) = pairs[i];
                var (c, d) = pairs[j];
                double v = sInv[a, c] * sInv[b, d];
                if (c != d) v += sInv[a, d] * sInv[b, c];
                if (a != b) v += sInv[b, c] * sInv[a, d] + (c != d ? sInv[b, d] * sInv[a, c] : 0);
                a1[m + i, m + j] = 0.5 * v;
            }
        var sc = Matrix<double>.Build.Dense(n, k);
        for (int r = 0; r < n; r++)
        {
            for (int i = 0; i < m; i++) sc[r, i] = u[r, meanIdx[i]];
            for (int i = 0; i < pairs.Count; i++)
            {
                var (a, b) = pairs[i];
                double v = u[r, a] * u[r, b] - sInv[a, b];
                sc[r, m + i] = a == b ? 0.5 * v : v;
            }
        }
        var solved = a1.Cholesky().Solve(sc.Transpose());
        return sc.Transpose().PointwiseMultiply(solved).Enumerate().Sum() / n;
    }
}
