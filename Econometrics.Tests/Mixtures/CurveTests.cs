using Econometrics.Mixtures;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>Linear and quadratic curves: the Woodbury likelihood against the textbook dense one, and recovery.</summary>
public sealed class CurveTests
{
    private static MixtureParameters Truth(int q, double[] a1, double[] a2) => new(
        [new(Vector<double>.Build.DenseOfArray(a1), double.NaN, Matrix<double>.Build.Dense(q, 1, (r, _) => 0.3 / (r + 1)),
             Matrix<double>.Build.DenseIdentity(q) * 0.5 + Matrix<double>.Build.Dense(q, q, 0.1), 1.0, Vector<double>.Build.Dense(1),
                 Matrix<double>.Build.Dense(1, 1, 1.0)),
         new(Vector<double>.Build.DenseOfArray(a2), double.NaN, Matrix<double>.Build.Dense(q, 1, (r, _) => -0.2 / (r + 1)),
             Matrix<double>.Build.DenseIdentity(q) * 0.8, 1.5, Vector<double>.Build.Dense(1, 0.3), Matrix<double>.Build.Dense(1, 1, 1.2))],
        Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0.0 }, { -0.3, 1.0 } }));

    /// <summary>ℓ by explicit p x p covariance matrices and Math.NET Cholesky (the textbook path).</summary>
    private static double Dense(GrowthData d, MixtureParameters p, GrowthCurve curve)
    {
        double total = 0;
        for (int i = 0; i < d.N; i++)
        {
            var obs = Enumerable.Range(0, d.P).Where(j => !double.IsNaN(d.Outcome(i, j))).ToArray();
            var a = new double[p.K];
            for (int k = 0; k < p.K; k++)
            {
                var c = p.Classes[k];
                var lam = Matrix<double>.Build.Dense(obs.Length, c.Factors, (r, f) =>
                {
                    double t = d.Time(i, obs[r]);
                    return f == 0 ? 1 : f == 1 ? t : curve == GrowthCurve.Quadratic ? t * t : 0;
                });
                var x = Vector<double>.Build.Dense(1, d.X[i]);
                var mu = lam * (c.Alpha + c.B * x);
                var v = lam * c.Psi * lam.Transpose() + Matrix<double>.Build.DenseIdentity(obs.Length) * c.Theta;
                var y = Vector<double>.Build.DenseOfArray(obs.Select(j => d.Outcome(i, j)).ToArray());
                var ch = v.Cholesky();
                var r = y - mu;
                double logf = -0.5 * (obs.Length * Math.Log(2 * Math.PI) + ch.DeterminantLn + r * ch.Solve(r));
                double e = d.X[i] - c.MuX[0];
                logf += -0.5 * (Math.Log(2 * Math.PI) + Math.Log(c.Phi[0, 0]) + e * e / c.Phi[0, 0]);
                double eta = p.Gating[k, 0] + p.Gating[k, 1] * d.Z[i];
                a[k] = eta + logf;
            }
            double lse0 = Math.Log(Math.Exp(p.Gating[0, 0] + p.Gating[0, 1] * d.Z[i]) + Math.Exp(p.Gating[1, 0] + p.Gating[1, 1] * d.Z[i]));
            double m = a.Max();
            total += m + Math.Log(a.Sum(v => Math.Exp(v - m))) - lse0;
        }
        return total;
    }

    [Theory]
    [InlineData(GrowthCurve.Linear)]
    [InlineData(GrowthCurve.Quadratic)]
    public void WoodburyLikelihoodMatchesDenseWithMissingOccasions(GrowthCurve curve)
    {
        int q = curve == GrowthCurve.Linear ? 2 : 3;
        var truth = Truth(q, q == 2 ? [10, 1] : [10, 1, -0.1], q == 2 ? [8, 2] : [8, 2, 0.05]);
        var (d, _) = new GrowthMixtureDesign { Truth = truth, Curve = curve, N = 60, Occasions = 6 }.Simulate(3);
        var y = Enumerable.Range(0, d.N * d.P).Select(t => t % 7 == 3 ? double.NaN : d.Outcome(t / d.P, t % d.P)).ToArray();
        var tt = Enumerable.Range(0, d.N * d.P).Select(t => d.Time(t / d.P, t % d.P)).ToArray();
        var gaps = GrowthData.FromArrays(d.Ids, y, tt, d.P, d.X, d.ExpertNames, d.Z, d.GatingNames);
        var ours = new GrowthMixture { Curve = curve }.LogLikelihood(gaps, truth).LogLikelihood;
        Assert.Equal(Dense(gaps, truth, curve), ours, 8);
    }

    [Fact]
    public void LinearMixtureRecoversItsClasses()
    {
        var truth = Truth(2, [10, 1], [4, -1]);
        var (d, cls) = new GrowthMixtureDesign { Truth = truth, Curve = GrowthCurve.Linear, N = 300, Occasions = 5 }.Simulate(8);
        var fit = new GrowthMixture { Curve = GrowthCurve.Linear, Starts = 3, FinalStarts = 2 }.Fit(d);
        Assert.Equal(2 * (2 + 3 + 1 + 2 + 2) + 2, fit.NParameters);
        // Canonical order for curves without a knot is ascending intercept: class 1 is the generating class 2.
        Assert.Equal(4, fit.Parameters.Classes[0].Alpha[0], 0.5);
        Assert.Equal(10, fit.Parameters.Classes[1].Alpha[0], 0.5);
        double acc = cls.Select((c, i) => (c == 2) == (fit.Assignments[i] == 1) ? 1.0 : 0.0).Average();
        Assert.True(acc > 0.9, $"accuracy {acc}");
        Assert.True(double.IsNaN(fit.Parameters.Classes[0].Knot));
        Assert.Contains("\"knot\": null", fit.ToJson());
    }
}

/// <summary>A degenerate growth-factor covariance gives diagnostics, not a crash.</summary>
public sealed class DegenerateTests
{
    [Fact]
    public void ZeroSlopeVarianceIsFlooredAndReported()
    {
        // Every person has the same slope: Ψ's slope variance is zero at the maximum (a boundary).
        var truth = new MixtureParameters(
            [new(Vector<double>.Build.DenseOfArray([10.0, 1.0]), double.NaN, Matrix<double>.Build.Dense(2, 0),
                 Matrix<double>.Build.DenseOfArray(new[,] { { 4.0, 0 }, { 0, 1e-14 } }), 1.0, Vector<double>.Build.Dense(0), Matrix<double>.Build.Dense(0, 0))],
            Matrix<double>.Build.Dense(1, 1));
        var (d, _) = new GrowthMixtureDesign { Truth = truth, Curve = GrowthCurve.Linear, N = 200, Occasions = 5 }.Simulate(4);
        var fit = new GrowthMixture { Classes = 1, Curve = GrowthCurve.Linear, Starts = 2, FinalStarts = 1 }.Fit(d);
        Assert.True(double.IsFinite(fit.LogLikelihood));
        Assert.True(fit.Parameters.Classes[0].Psi[1, 1] < 1e-3);
        Assert.Contains(fit.Diagnostics, x => x.Code is "covariance-floor" or "hessian-not-pd");
        Assert.DoesNotContain("NaN", fit.ToJson());
    }
}
