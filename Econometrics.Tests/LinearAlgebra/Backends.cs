using Econometrics.LinearAlgebra;

namespace Econometrics.Tests.LinearAlgebra;

/// <summary>The backends the numeric tests run against: managed always, OpenBLAS when installed.</summary>
public static class Backends
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string> { "managed" };
        if (LinearAlgebraBackends.OpenBlas is not null) data.Add("openblas");
        return data;
    }

    public static ILinearAlgebra Get(string name) => name == "managed" ? LinearAlgebraBackends.Managed : LinearAlgebraBackends.OpenBlas!;

    public static double[] Random(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>A random symmetric positive definite matrix A A' + n I.</summary>
    public static double[] Spd(int n, int seed)
    {
        var a = Random(n * n, seed);
        var c = new double[n * n];
        LinearAlgebraBackends.Managed.Gemm(false, true, n, n, n, 1.0, a, a, 0.0, c);
        for (int i = 0; i < n; i++) c[i * n + i] += n;
        return c;
    }

    /// <summary>Textbook triple loop, the independent reference for products.</summary>
    public static double[] NaiveProduct(bool ta, bool tb, int m, int n, int k, double[] a, double[] b)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int l = 0; l < k; l++)
                    s += (ta ? a[i * k + l] : a[l * m + i]) * (tb ? b[l * n + j] : b[j * k + l]);
                c[j * m + i] = s;
            }
        return c;
    }
}
