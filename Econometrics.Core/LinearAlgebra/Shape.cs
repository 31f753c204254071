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
    public static void Symmetrize(double[] c, int n)
    {
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
                c[i * n + j] = c[j * n + i];
    }

    /// <summary>Copies the upper triangle onto the lower one.</summary>
    public static void SymmetrizeFromUpper(double[] c, int n)
    {
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
                c[j * n + i] = c[i * n + j];
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
