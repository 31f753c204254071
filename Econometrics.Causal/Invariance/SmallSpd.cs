namespace Econometrics.Causal.Invariance;

/// <summary>
/// Cholesky solves for the tiny (at most ~21 x 21) symmetric systems of the ICP subset search. One set needs a
/// handful of these, and allocating Math.NET matrices for each of 2^p sets would dominate the cost.
/// </summary>
internal static class SmallSpd
{
    /// <summary>In-place Cholesky of the q x q row-major matrix a (lower factor); false if not positive definite.</summary>
    public static bool Factor(double[] a, int q)
    {
        for (int j = 0; j < q; j++)
        {
            double d = a[j * q + j];
            for (int m = 0; m < j; m++) d -= a[j * q + m] * a[j * q + m];
            if (!(d > 0)) return false;
            double ljj = Math.Sqrt(d);
            a[j * q + j] = ljj;
            for (int i = j + 1; i < q; i++)
            {
                double s = a[i * q + j];
                for (int m = 0; m < j; m++) s -= a[i * q + m] * a[j * q + m];
                a[i * q + j] = s / ljj;
            }
        }
        return true;
    }

    /// <summary>Solves L L' x = b in place given the factor from <see cref="Factor"/>.</summary>
    public static void Solve(double[] l, int q, double[] b)
    {
        for (int i = 0; i < q; i++)
        {
            double s = b[i];
            for (int m = 0; m < i; m++) s -= l[i * q + m] * b[m];
            b[i] = s / l[i * q + i];
        }
        for (int i = q - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int m = i + 1; m < q; m++) s -= l[m * q + i] * b[m];
            b[i] = s / l[i * q + i];
        }
    }

    /// <summary>The diagonal of the inverse, (L L')^-1_jj, from the factor.</summary>
    public static void InverseDiagonal(double[] l, int q, double[] diag, double[] work)
    {
        for (int j = 0; j < q; j++)
        {
            Array.Clear(work, 0, q);
            work[j] = 1;
            Solve(l, q, work);
            diag[j] = work[j];
        }
    }
}
