using Econometrics.Mixtures;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using Xunit.Abstractions;

namespace Econometrics.Tests.Mixtures;

/// <summary>
/// Monte Carlo acceptance of the bootstrap likelihood-ratio test of 1 against 2 classes (Mplus TECH14): its size under
/// a one-class truth and its power under a clearly two-class one (linear growth, N = 150, 5 occasions, B = 19, so
/// p ≤ 0.05 exactly when the observed LR exceeds all 19 bootstrap LRs). The VLMR rejection rates are printed beside.
/// </summary>
/// <remarks>
/// Category MonteCarloLong, outside CI's Monte Carlo step: the power check fits 1,600 models (about 12 minutes on one
/// core) and the size check 8,000. Run with ECONOMETRICS_MONTECARLO=1 and --filter Category=MonteCarloLong. The power
/// check fails at the time of writing (BLRT rejects 0.375 of 40 sets, VLMR 0.825); not yet diagnosed.
/// </remarks>
public sealed class BlrtMonteCarloTests(ITestOutputHelper output)
{
    private const int B = 19;

    private static GrowthClassParameters Class(double a0, double a1) => new(
        Vector<double>.Build.DenseOfArray([a0, a1]), double.NaN, Matrix<double>.Build.Dense(2, 0),
        Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.1 }, { 0.1, 0.2 } }), 1.0, Vector<double>.Build.Dense(0), Matrix<double>.Build.Dense(0, 0));

    /// <summary>Rejection rates at 5% of BLRT and VLMR over <paramref name="datasets"/> simulated sets.</summary>
    private (double Blrt, double Vlmr) Rejections(MixtureParameters truth, int datasets, int seed)
    {
        var design = new GrowthMixtureDesign { Truth = truth, Curve = GrowthCurve.Linear, N = 150, Occasions = 5 };
        var blrt = new bool[datasets];
        var vlmr = new bool[datasets];
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
            blrt[r] = e.Models[1].BlrtP <= 0.05;
            vlmr[r] = e.Models[1].VlmrP <= 0.05;
        });
        return (blrt.Average(v => v ? 1.0 : 0.0), vlmr.Average(v => v ? 1.0 : 0.0));
    }

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarloLong")]
    public void BlrtHoldsItsSizeUnderOneClass()
    {
        const int R = 200;
        var (blrt, vlmr) = Rejections(new MixtureParameters([Class(10, 1)], Matrix<double>.Build.Dense(1, 1)), R, 1000);
        double se = Math.Sqrt(0.05 * 0.95 / R);
        output.WriteLine($"one class, {R} data sets, B = {B}: BLRT rejects {blrt:F3} (MC SE {se:F3}), VLMR {vlmr:F3}");
        Assert.InRange(blrt, 0.05 - 3 * se, 0.05 + 3 * se);
    }

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarloLong")]
    public void BlrtHasPowerUnderTwoClasses()
    {
        const int R = 40;
        var (blrt, vlmr) = Rejections(new MixtureParameters([Class(10, 1), Class(7, 0)], Matrix<double>.Build.Dense(2, 1)), R, 5000);
        output.WriteLine($"two classes, {R} data sets, B = {B}: BLRT rejects {blrt:F3}, VLMR {vlmr:F3}");
        Assert.True(blrt >= 0.8, $"power {blrt}");
    }
}
