using MathNet.Numerics.LinearAlgebra;
using Xunit;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;

namespace Econometrics.Tests.Sem;

/// <summary>Known-truth checks of the ML fit on data simulated from a non-recursive model (research note R6).</summary>
public class SemMonteCarloTests
{
    // y1 = .3 y2 + .6 x1 + e1, y2 = .4 y1 + .5 x2 + e2, Var(e) = I, Var(x) = I, Cov(x1, x2) = .3 (no error covariance).
    private static LinearSem Truth() => new(
        new MixedGraph(["y1", "y2", "x1", "x2"], [("y2", "y1"), ("x1", "y1"), ("y1", "y2"), ("x2", "y2")], [("x1", "x2")]),
        [0.3, 0.6, 0.4, 0.5, 1, 1, 1, 1, 0.3]);

    [Fact]
    public void Simulate_IsReproducible_AndHasTheModelCovariance()
    {
        var sem = Truth();
        var a = sem.Simulate(20000, 42);
        Assert.Equal(a, sem.Simulate(20000, 42));
        var means = a.ColumnSums() / a.RowCount;
        var centered = a - Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount, (_, j) => means[j]);
        var s = centered.TransposeThisAndMultiply(centered) / (a.RowCount - 1);
        Assert.True((s - sem.Covariance()).Enumerate().Max(Math.Abs) < 0.08);
    }

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarlo")]
    public void NonRecursiveModel_CoverageAndTestSize_WithinBinomialError()
    {
        var sem = Truth();
        var est = new SemEstimator("y1 ~ x1 + y2\ny2 ~ x2 + y1");
        const int reps = 400, n = 500;
        int covered = 0, rejected = 0;
        string[] names = ["y1", "y2", "x1", "x2"];
        for (int r = 0; r < reps; r++)
        {
            var x = sem.Simulate(n, 1000 + r);
            var means = x.ColumnSums() / n;
            var centered = x - Matrix<double>.Build.Dense(n, 4, (_, j) => means[j]);
            var fit = est.Fit(centered.TransposeThisAndMultiply(centered) / (n - 1), names, n);
            var b = fit.Get("y1", "~", "y2");
            if (Math.Abs(b.Estimate - 0.3) <= 1.959964 * b.StdError!.Value) covered++;
            if (fit.FitMeasures.PValue < 0.05) rejected++;
        }
        // 95% coverage and 5% size, each within 3 binomial standard errors.
        double se = Math.Sqrt(0.05 * 0.95 / reps);
        Assert.InRange(covered / (double)reps, 0.95 - 3 * se, 0.95 + 3 * se);
        Assert.InRange(rejected / (double)reps, 0.05 - 3 * se, 0.05 + 3 * se);
    }
}
