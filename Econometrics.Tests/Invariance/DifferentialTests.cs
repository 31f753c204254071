using Econometrics.Sem.Graphs;
using Econometrics.Causal.Invariance;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Invariance;

/// <summary>Fast paths against textbook paths: Gram-matrix ICP against per-set QR fits, array SEM moments against Math.NET.</summary>
public class DifferentialTests
{
    private static Environments RandomData(int seed, int p = 6, int k = 4, int n = 60)
    {
        var r = new Random(seed);
        var x = Matrix<double>.Build.Dense(k * n, p, (_, _) => Normal.Sample(r, 0, 1));
        var env = Enumerable.Range(0, k * n).Select(i => i / n).ToArray();
        for (int i = 0; i < k * n; i++) x[i, 0] += env[i];           // environment shifts X1
        var y = Enumerable.Range(0, k * n).Select(i => 0.7 * x[i, 0] - 0.4 * x[i, 1] + Normal.Sample(r, 0, 1 + 0.2 * env[i])).ToArray();
        return Environments.FromArrays(x, y, env);
    }

    // The textbook computation of one set's normal and exact p-values from explicit residuals and the COV matrix.
    private static (double Normal, double Exact) Direct(Environments d, int[] cols)
    {
        var design = Matrix<double>.Build.Dense(d.N, cols.Length + 1, (i, j) => j == 0 ? 1 : d.PredictorsOf(0).RowCount >= 0 ? AllX(d)[i, cols[j - 1]] : 0);
        var y = Vector<double>.Build.DenseOfArray(Enumerable.Range(0, d.K).SelectMany(d.TargetOf).ToArray());
        var resid = y - design * design.QR().Solve(y);
        var e = d.EnvironmentIndex();
        double pn = double.PositiveInfinity, pe = double.PositiveInfinity;
        int q = cols.Length + 1;
        for (int k = 0; k < d.K; k++)
        {
            var inn = Enumerable.Range(0, d.N).Where(i => e[i] == k).ToArray();
            var outr = Enumerable.Range(0, d.N).Where(i => e[i] != k).ToArray();
            var a = inn.Select(i => resid[i]).ToArray(); var b = outr.Select(i => resid[i]).ToArray();
            double Var(double[] v) { double m = v.Average(); return v.Sum(t => (t - m) * (t - m)) / (v.Length - 1); }
            double se = Math.Sqrt(Var(a) / a.Length + Var(b) / b.Length);
            double t = (a.Average() - b.Average()) / se;
            double df = Math.Pow(Var(a) / a.Length + Var(b) / b.Length, 2) /
                        (Math.Pow(Var(a) / a.Length, 2) / (a.Length - 1) + Math.Pow(Var(b) / b.Length, 2) / (b.Length - 1));
            double ptt = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
            double f = Var(a) / Var(b);
            double pf = 2 * Math.Min(FisherSnedecor.CDF(a.Length - 1, b.Length - 1, f), 1 - FisherSnedecor.CDF(a.Length - 1, b.Length - 1, f));
            pn = Math.Min(pn, 2 * Math.Min(ptt, pf));

            var xi = Matrix<double>.Build.DenseOfRows(inn.Select(i => design.Row(i)));
            var xo = Matrix<double>.Build.DenseOfRows(outr.Select(i => design.Row(i)));
            var yi = Vector<double>.Build.DenseOfEnumerable(inn.Select(i => y[i]));
            var yo = Vector<double>.Build.DenseOfEnumerable(outr.Select(i => y[i]));
            var bo = xo.QR().Solve(yo);
            var ro = yo - xo * bo;
            var diff = yi - xi * bo;
            var cov = Matrix<double>.Build.DenseIdentity(inn.Length) + xi * (xo.TransposeThisAndMultiply(xo)).Solve(xi.Transpose());
            double stat = diff.DotProduct(cov.Solve(diff)) / (inn.Length * (ro.DotProduct(ro) - ro.Sum() * ro.Sum() / ro.Count) / (ro.Count - 1) * outr.Length
                / (outr.Length - q));
            pe = Math.Min(pe, 1 - FisherSnedecor.CDF(inn.Length, d.N - inn.Length - q, stat));
        }
        return (Math.Min(1, pn * (d.K - 1)), Math.Min(1, pe * d.K));
    }

    private static Matrix<double> AllX(Environments d) => Matrix<double>.Build.DenseOfRows(Enumerable.Range(0,
        d.K).SelectMany(k => d.PredictorsOf(k).EnumerateRows()));

    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void GramMatrixIcpEqualsPerSetQr(int seed)
    {
        var d = RandomData(seed);
        var normal = new InvariantCausalPrediction { Alpha = 0.05 }.Fit(d);
        var exact = new InvariantCausalPrediction { Alpha = 0.05, Test = IcpTest.Exact }.Fit(d);
        Assert.Equal(64, normal.Sets.Count);
        foreach (var (set, i) in normal.Sets.Select((s, i) => (s, i)))
        {
            var cols = set.Predictors.Select(n => d.Predictors.ToList().IndexOf(n)).ToArray();
            var (pn, pe) = Direct(d, cols);
            // Compared where 1 - cdf in the textbook path still has relative precision.
            if (pn > 1e-10) Fixtures.Close(pn, set.PValue, 1e-7, $"normal {set}");
            if (pe > 1e-10) Fixtures.Close(pe, exact.Sets[i].PValue, 1e-7, $"exact {set}");
        }
    }

    [Fact]
    public void PrunedSearchKeepsTheCausalSetAndItsPValues()
    {
        foreach (int seed in new[] { 4, 5, 6 })
        {
            var d = RandomData(seed, p: 8);
            var full = new InvariantCausalPrediction { Alpha = 0.05 }.Fit(d);
            var pruned = new InvariantCausalPrediction { Alpha = 0.05, Prune = true }.Fit(d);
            Assert.Equal(full.CausalPredictors, pruned.CausalPredictors);
            Assert.Equal(full.ModelRejected, pruned.ModelRejected);
            for (int j = 0; j < d.P; j++)
            {
                if (full.CausalPredictors.Contains(d.Predictors[j])) Assert.Equal(full.PValues[j], pruned.PValues[j]);
                else Assert.True(pruned.PValues[j] <= full.PValues[j] && (full.ModelRejected || pruned.PValues[j] > 0.05 || full.PValues[j] <= 0.05));
            }
            Assert.True(pruned.Sets.Count <= full.Sets.Count);
        }
    }

    [Fact]
    public void ArraySubsetRegressorEqualsTheMatrixRegressor()
    {
        var sems = SemEnvironments.LoadSpecification(Fixtures.DataFile("invariance_sem_spec.json"));
        var fam = InterventionFamily.ExampleFamily();
        var rng = new Random(9);
        for (int i = 0; i < 20; i++)
        {
            var sem = fam.Draw(sems[0].Sem, rng);
            var (mu, s) = SemEnvironments.MomentsAfter(sem, []);
            var phi = Representation.Subset(Fixtures.Predictors, ["X1", "X3"]).Phi;
            var fit = PopulationInvariance.Regressor(sem, "Y", phi);
            var c = PopulationInvariance.SubsetRegressor(mu, s, 5, 4, [0, 2], out double s2);
            Assert.Equal(fit.Intercept, c[0], 1e-12);
            Assert.Equal(fit.Slopes[1], c[2], 1e-12);
            Assert.Equal(fit.ResidualVariance, s2, 1e-12);
        }
    }

}
