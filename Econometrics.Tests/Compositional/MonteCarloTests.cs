using Econometrics.Compositional;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Compositional;

/// <summary>
/// Size of the t test and coverage of the Fisher-z interval under a true zero log-ratio partial correlation.
/// n = D + 2 makes the degrees of freedom matter: df = n - D + 1 = 3 is right; ppcor's clr-column df of n - D = 2
/// would reject far too rarely, and a Fisher SE of 1/sqrt(n - D - 1) far too often.
/// </summary>
public sealed class MonteCarloTests
{
    internal static (double Size, double Coverage, double Se) Simulate(int reps, int seed)
    {
        const int d = 6, n = 8;
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        // alr precision K with K[0,1] = 0, so parts x1 and x2 have zero partial correlation (Omega_12 = K_12).
        var a = Matrix<double>.Build.Dense(d - 1, d - 1, (_, _) => Normal());
        var k = a * a.Transpose() + Matrix<double>.Build.DenseIdentity(d - 1) * 2;
        k[0, 1] = k[1, 0] = 0;
        k += Matrix<double>.Build.DenseIdentity(d - 1) * Math.Max(0, 0.1 - k.Evd().EigenValues.Real().Minimum());
        var chol = k.Inverse().Cholesky().Factor;
        int rejected = 0, covered = 0;
        for (int rep = 0; rep < reps; rep++)
        {
            var z = Matrix<double>.Build.Dense(n, d - 1, (_, _) => Normal()) * chol.Transpose();
            var x = Composition.FromAlr(z);
            var r = new PartialCorrelations().Estimate(x);
            Assert.True(r.Tests.Available);
            if (r.Tests.PValues[0, 1] < 0.05) rejected++;
            if (r.Tests.Lower[0, 1] <= 0 && 0 <= r.Tests.Upper[0, 1]) covered++;
        }
        return ((double)rejected / reps, (double)covered / reps, Math.Sqrt(0.05 * 0.95 / reps));
    }

    [Fact]
    public void T_test_has_nominal_size_and_Fisher_interval_nominal_coverage_quick()
    {
        var (size, coverage, se) = Simulate(3000, 11);
        Assert.InRange(size, 0.05 - 4 * se, 0.05 + 4 * se);
        // Fisher z is approximate at df = 3; it still covers within a percentage point or two.
        Assert.InRange(coverage, 0.93, 0.97);
    }

    [Support.MonteCarloFact]
    [Trait("Category", "MonteCarlo")]
    public void T_test_has_nominal_size_and_Fisher_interval_nominal_coverage()
    {
        var (size, coverage, se) = Simulate(40000, 12);
        Assert.InRange(size, 0.05 - 3.5 * se, 0.05 + 3.5 * se);
        Assert.InRange(coverage, 0.94, 0.96);
    }
}
