namespace Econometrics.LinearAlgebra;

/// <summary>Small helpers on column-major arrays shared by the backends.</summary>
internal static class Shape
{
    public static void Require(double[] x, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length < length)
            throw new ArgumentException($"Array '{name}' has {x.Length} elements; the dimensions need {length}.", name);
    }

    /// <summary>Copies the lower triangle onto the upper one.</summary>
    public static void Symmetrize(double[] c, int n) => CopyTriangle(c, n, fromLower: true);

    // Blocks of 64 x 64 keep both the read column and the written row of a block in cache (a plain double loop makes one
    // cache miss per written element once n is in the thousands).
    private static void CopyTriangle(double[] c, int n, bool fromLower)
    {
        const int b = 64;
        for (int j0 = 0; j0 < n; j0 += b)
            for (int i0 = j0; i0 < n; i0 += b)
            {
                int jEnd = Math.Min(j0 + b, n), iEnd = Math.Min(i0 + b, n);
                for (int j = j0; j < jEnd; j++)
                    for (int i = Math.Max(i0, j + 1); i < iEnd; i++)
                        if (fromLower) c[i * n + j] = c[j * n + i];
                        else c[j * n + i] = c[i * n + j];
            }
    }

    /// <summary>Copies the upper triangle onto the lower one.</summary>
    public static void SymmetrizeFromUpper(double[] c, int n) => CopyTriangle(c, n, fromLower: false);

    /// <summary>
    /// Rejects a QR factor whose R (upper triangle of the n columns, leading dimension ld) has a pivot below
    /// max|R_ii| * max(rows, n) * eps: the design is numerically rank deficient, as LAPACK's own rank tests judge it.
    /// </summary>
    public static void RequireFullRank(double[] r, int ld, int n, int rows)
    {
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.Max(max, Math.Abs(r[i * ld + i]));
        double tol = max * Math.Max(rows, n) * 2.220446049250313e-16;
        for (int i = 0; i < n; i++)
            if (!(Math.Abs(r[i * ld + i]) > tol))
                throw new ArgumentException($"The design matrix does not have full column rank (column {i + 1} is a linear combination of the others).", "a");
    }

    public static double[] Transpose(double[] a, int m, int n)
    {
        var t = new double[m * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < m; i++)
                t[i * n + j] = a[j * m + i];
        return t;
    }
}
