using System.Globalization;
using Econometrics.LinearAlgebra;

namespace Econometrics.Bench.Cases;

/// <summary>The seam's two headline operations, OpenBLAS against managed, and R's own BLAS on the same matrices.</summary>
public sealed class LinearAlgebraBench : IBenchSuite
{
    public IEnumerable<BenchCase> Cases()
    {
        var native = LinearAlgebraBackends.OpenBlas;
        var managed = LinearAlgebraBackends.Managed;
        var ours = native ?? managed;
        string label = native is null ? "managed (OpenBLAS not installed)" : ours.Name;

        const int n = 2000;
        var a = Random(n * n, 1); var b = Random(n * n, 2); var c = new double[n * n];
        yield return new BenchCase("linalg/gemm-2000", "C = A B, 2000 x 2000 doubles",
            () => ours.Gemm(false, false, n, n, n, 1.0, a, b, 0.0, c))
        {
            OursLabel = label,
            Baseline = () => managed.Gemm(false, false, n, n, n, 1.0, a, b, 0.0, c),
            BaselineLabel = managed.Name,
            Prepare = dir => { Write(dir, "a.bin", a); Write(dir, "b.bin", b); },
            RSetup = $"A <- matrix(readBin('a.bin', 'double', {n * n}), {n}); B <- matrix(readBin('b.bin', 'double', {n * n}), {n})",
            RBody = "A %*% B",
            Repetitions = 3,
        };

        const int m = 1000;
        var s = Spd(m);
        yield return new BenchCase("linalg/eigen-1000", "symmetric eigendecomposition with vectors, 1000 x 1000",
            () => ours.SymmetricEigen(m, (double[])s.Clone(), new double[m]))
        {
            OursLabel = label,
            Baseline = () => managed.SymmetricEigen(m, (double[])s.Clone(), new double[m]),
            BaselineLabel = managed.Name,
            Prepare = dir => Write(dir, "s.bin", s),
            RSetup = $"S <- matrix(readBin('s.bin', 'double', {m * m}), {m})",
            RBody = "eigen(S, symmetric = TRUE)",
            Repetitions = 3,
        };
    }

    private static double[] Random(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => rng.NextDouble() - 0.5).ToArray();
    }

    private static double[] Spd(int n)
    {
        var x = Random(n * n, 3);
        var s = new double[n * n];
        LinearAlgebraBackends.Managed.Syrk(true, n, n, 1.0, x, 0.0, s);
        return s;
    }

    private static void Write(string dir, string name, double[] values)
    {
        using var w = new BinaryWriter(File.Create(Path.Combine(dir, name)));
        foreach (var v in values) w.Write(v); // little-endian doubles, what R's readBin reads by default here
    }
}
