using Econometrics.Compositional;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Bench.Cases;

/// <summary>
/// Basis-shrinkage log-ratio partial correlations for D = 2000 parts and n = 500 samples against the corpcor-based R
/// computation in pcor-bshrink.R on the same data: the estimate as R computes it (partial correlations; ours also the
/// precision and partial variances), and the estimate with every D x D measure of the result formed.
/// </summary>
public sealed class CodaBench : IBenchSuite
{
    public IEnumerable<BenchCase> Cases()
    {
        const int d = 2000, n = 500;
        var x = Data(n, d, 20260101);
        var spec = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage };
        string script = Path.Combine(AppContext.BaseDirectory, "scripts", "coda", "pcor-bshrink.R").Replace("\\", "/");
        var peer = new BenchCase("coda/pcor-bshrink", $"basis-shrinkage partial correlations (Jin, Notredame & Erb 2023), D = {d}, n = {n}, " +
            $"incl. Composition.From",
            () => spec.Estimate(Composition.From(x)))
        {
            OursLabel = "PartialCorrelations { BasisShrinkage }",
            Prepare = dir =>
            {
                using var w = new BinaryWriter(File.Create(Path.Combine(dir, "x.bin")));
                foreach (var v in x.AsColumnMajorArray()) w.Write(v);   // column-major, as R's matrix() fills
            },
            RSetup = $"source('{script}'); X <- matrix(readBin('x.bin', 'double', {n * d}), {n})",
            RBody = "pcor_bshrink(X)",
            Repetitions = 3,
            BudgetMs = 3000,
        };
        yield return peer;
        // The clr covariance, variation and proportionality are formed on first use; reading them costs one more SYRK
        // and three D x D outputs (R's pcor_bshrink forms none of them).
        yield return peer with
        {
            Name = "coda/pcor-bshrink-all-measures",
            Description = $"as coda/pcor-bshrink, and the clr covariance, variation and proportionality formed, D = {d}, n = {n}",
            Ours = () =>
            {
                var r = spec.Estimate(Composition.From(x));
                _ = (r.ClrCovariance, r.Variation, r.Proportionality);
            },
            OursLabel = "PartialCorrelations { BasisShrinkage } + measures",
        };
    }

    /// <summary>Counts-like data: a 5-factor log-normal basis plus noise, so the shrinkage target is not trivially right.</summary>
    internal static Matrix<double> Data(int n, int d, int seed)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var f = Matrix<double>.Build.Dense(n, 5, (_, _) => Normal());
        var w = Matrix<double>.Build.Dense(5, d, (_, _) => 0.4 * Normal());
        var mu = Enumerable.Range(0, d).Select(_ => 2 + 3 * rng.NextDouble()).ToArray();
        var fw = f * w;
        return Matrix<double>.Build.Dense(n, d, (i, j) => Math.Exp(mu[j] + fw[i, j] + 0.5 * Normal()));
    }
}
