using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Panel;

/// <summary>The research note's deterministic panels (cd.md R1 and R6), reproducible without R.</summary>
internal static class SyntheticPanels
{
    /// <summary>R1: T = 5, N = 3 toy panel; <paramref name="unbalanced"/> removes u1[t=1] and u3[t=5].</summary>
    public static Matrix<double> Toy(bool unbalanced = false)
    {
        var m = Matrix<double>.Build.DenseOfColumnArrays([1, 2, 3, 4, 5], [2, 1, 4, 3, 6], [5, 3, 1, 2, 4]);
        if (unbalanced) { m[0, 0] = double.NaN; m[4, 2] = double.NaN; }
        return m;
    }

    /// <summary>R6: the Park-Miller panel Y[t,i] = g_i f_t + (1 + 0.1 i) e[t,i], T = 30, N = 12.</summary>
    public static Matrix<double> ParkMiller(bool unbalanced = false)
    {
        const int T = 30, N = 12;
        long state = 12345;
        double U() { state = 16807 * state % 2147483647; return state / 2147483647.0; }
        var e = new double[T + 1, N + 1];
        for (int i = 1; i <= N; i++)
            for (int t = 1; t <= T; t++)
            {
                double s = 0;
                for (int k = 0; k < 12; k++) s += U();
                e[t, i] = s - 6;
            }
        return Matrix<double>.Build.Dense(T, N, (r, c) =>
        {
            int t = r + 1, i = c + 1;
            if (unbalanced && i <= 6 && (t + 2 * i) % 7 == 0) return double.NaN;
            double f = Math.Sin(0.37 * t) + 0.3 * Math.Cos(1.7 * t), g = 0.5 + (i % 5) / 4.0;
            return g * f + (1 + 0.1 * i) * e[t, i];
        });
    }

    /// <summary>Weights w_i = (+1, -1, +1, ...) as an N x 1 matrix.</summary>
    public static Matrix<double> Alternating(int n) => Matrix<double>.Build.Dense(n, 1, (i, _) => i % 2 == 0 ? 1 : -1);
}
