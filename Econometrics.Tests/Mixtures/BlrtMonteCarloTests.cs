using Econometrics.Mixtures;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>
/// Monte Carlo acceptance of the bootstrap likelihood-ratio test of 1 against 2 classes (Mplus TECH14): its size under
/// a one-class truth and its power under a clearly two-class one (linear growth, 5 occasions, B = 19, so p ≤ 0.05
/// exactly when the observed LR exceeds all 19 bootstrap LRs). The VLMR rejection rates are printed beside.
/// </summary>
/// <remarks>
/// Category MonteCarlo (CI) runs small versions; MonteCarloLong (run with ECONOMETRICS_MONTECARLO=1 and
/// --filter Category=MonteCarloLong) the same checks with more data sets. Before the growth-factor density was computed
/// without Ψ⁻¹, near-singular Ψ in bootstrap fits gave spurious likelihood ratios (up to 689 on one-class data) and
/// the power check rejected 0.375 of 40 sets.
/// </remarks>
public sealed class BlrtMonteCarloTests(ITestOutputHelper output)
{
    private const int B = 19;

    private static GrowthClassParameters Class(double a0, double a1) => new(
        Vector<double>.Build.DenseOfArray([a0, a1]), double.NaN, Matrix<double>.Build.Dense(2, 0),
        Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.1 }, { 0.1, 0.2 } }), 1.0, Vector<double>.Build.Dense(0), Matrix<double>.Build.Dense(0, 0));

    private static readonly MixtureParameters OneClass = new([Class(10, 1)], Matrix<double>.Build.Dense(1, 1));

    private static readonly MixtureParameters TwoClasses = new([Class(10, 1), Class(7, 0)], Matrix<double>.Build.Dense(2, 1));

    /// <summary>BLRT p-values and VLMR rejections at 5% over <paramref name="datasets"/> simulated sets.</summary>
    private (double[] BlrtP, double Vlmr, int Redrawn) Run(MixtureParameters truth, int n, int datasets, int seed)
    {
        var design = new GrowthMixtureDesign { Truth = truth, Curve = GrowthCurve.Linear, N = n, Occasions = 5 };
        var p = new double[datasets];
        var vlmr = new bool[datasets];
        var redrawn = new int[datasets];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, datasets, r =>
        {
            var e = new ClassEnumeration
            {
                MaxClasses = 2, BootstrapReplicates = B, VuongLoMendellRubin = true,
                Model = new GrowthMixture
                {
                    Curve = GrowthCurve.Linear, Starts = 4, FinalStarts = 2, StandardErrors = false, MaxDegreeOfParallelism = 1,
                    Seed = seed + 7919 * r,
                },
            }.Fit(design.Simulate(seed + r).Data);
            // A set where no start carries two classes ends the enumeration at K = 1: no test, no rejection (p NaN).
            p[r] = e.Models.Count > 1 ? e.Models[1].BlrtP!.Value : double.NaN;
            vlmr[r] = e.Models.Count > 1 && e.Models[1].VlmrP <= 0.05;
            redrawn[r] = e.Models.Count > 1 ? e.Blrt!.Redrawn![0] : 0;
        });
        double rate = p.Average(v => v <= 0.05 ? 1.0 : 0.0);
        var tested = p.Where(double.IsFinite).ToArray();
        output.WriteLine($"{truth.K} class(es), N = {n}, {datasets} data sets ({datasets - tested.Length} without a 2-class fit), B = {B}: BLRT " +
            $"rejects {rate:F3} (mean p {tested.DefaultIfEmpty(double.NaN).Average():F3}), VLMR rejects {vlmr.Average(v => v ? 1.0 : 0.0):F3}; " +
            $"{redrawn.Sum()} bootstrap samples redrawn; {watch.Elapsed.TotalSeconds:F0} s");
        return (p, vlmr.Average(v => v ? 1.0 : 0.0), redrawn.Sum());
    }

    /// <summary>
    /// Under one class the p-values are (nearly) uniform on {1, ..., 20}/20: rejections at 5% must stay within the
    /// binomial bound 0.05 + 3 sqrt(0.05 · 0.95 / R), and the mean p of the sets with a 2-class fit within 3 standard errors (sd 0.288/sqrt n) of 0.525
    /// (a conservative test, e.g. spurious bootstrap ratios, raises the mean; too few starts in the bootstrap fits lowers it).
    /// </summary>
    private void Size(int R, int seed)
    {
        var (p, _, _) = Run(OneClass, 100, R, seed);
        double rate = p.Average(v => v <= 0.05 ? 1.0 : 0.0);
        Assert.True(rate <= 0.05 + 3 * Math.Sqrt(0.05 * 0.95 / R), $"size {rate}");
        double sd = Math.Sqrt(((B + 1) * (B + 1) - 1) / 12.0) / (B + 1);
        var tested = p.Where(double.IsFinite).ToArray();
        Assert.True(tested.Length >= R / 2, $"only {tested.Length} of {R} sets had a 2-class fit");
        Assert.InRange(tested.Average(), 0.525 - 3 * sd / Math.Sqrt(tested.Length), 0.525 + 3 * sd / Math.Sqrt(tested.Length));
    }

    /// <summary>Under two clearly separated classes (Mahalanobis distance 3.4 between the growth-factor means) BLRT rejects at 5%
    /// in at least 70% of the sets (the long run measures the power).</summary>
    private void Power(int R, int seed)
    {
        var (p, _, _) = Run(TwoClasses, 150, R, seed);
        double rate = p.Average(v => v <= 0.05 ? 1.0 : 0.0);
        Assert.True(rate >= 0.7, $"power {rate}");
    }

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarlo")]
    public void BlrtHoldsItsSizeUnderOneClass() => Size(int.Parse(Environment.GetEnvironmentVariable("BLRT_MC_SETS") ?? "20"), 1000);

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarlo")]
    public void BlrtHasPowerUnderTwoClasses() => Power(int.Parse(Environment.GetEnvironmentVariable("BLRT_MC_SETS") ?? "10"), 5000);

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarloLong")]
    public void BlrtHoldsItsSizeUnderOneClassLong() => Size(200, 100000);

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarloLong")]
    public void BlrtHasPowerUnderTwoClassesLong() => Power(100, 500000);
}
