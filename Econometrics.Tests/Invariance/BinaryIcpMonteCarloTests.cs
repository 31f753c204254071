using Econometrics.Tests.Support;
using Xunit.Abstractions;
using Econometrics.Causal.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Invariance;

/// <summary>Logistic ICP's family-wise error P(S-hat not within the parents) &lt;= alpha on random structures with known truth.</summary>
public class BinaryIcpMonteCarloTests(ITestOutputHelper output)
{
    // X4 -> X1 -> Y <- X2, Y -> X3 <- X1, with random weights. Three environments: observational and two where random
    // predictors are shifted or their noise rescaled; Y's own equation (a logistic model in X1, X2) never changes.
    private static (Environments Data, HashSet<string> Parents) Draw(Random r, int perEnv)
    {
        double W() => (r.NextDouble() < 0.5 ? -1 : 1) * (0.5 + r.NextDouble());
        double N() => MathNet.Numerics.Distributions.Normal.Sample(r, 0, 1);
        double b41 = W(), b1y = W(), b2y = W(), by3 = 1.5 * W(), b13 = W(), c = r.NextDouble() - 0.5;
        int k = 3, n = k * perEnv;
        var x = Matrix<double>.Build.Dense(n, 4);
        var y = new double[n];
        var env = new string[n];
        var shift = new double[k, 4];
        var scale = new double[k, 4];
        for (int e = 0; e < k; e++)
            for (int j = 0; j < 4; j++)
            {
                bool touch = e > 0 && r.NextDouble() < 0.5;
                shift[e, j] = touch && r.NextDouble() < 0.6 ? 2 * W() : 0;
                scale[e, j] = touch && shift[e, j] == 0 ? 0.5 + 1.5 * r.NextDouble() : 1;
            }
        for (int i = 0; i < n; i++)
        {
            int e = i / perEnv;
            env[i] = "e" + e;
            double x4 = shift[e, 3] + scale[e, 3] * N();
            double x1 = b41 * x4 + shift[e, 0] + scale[e, 0] * N();
            double x2 = shift[e, 1] + scale[e, 1] * N();
            double eta = c + b1y * x1 + b2y * x2;
            double yi = r.NextDouble() < 1 / (1 + Math.Exp(-eta)) ? 1 : 0;
            double x3 = by3 * yi + b13 * x1 + shift[e, 2] + scale[e, 2] * N();
            x[i, 0] = x1; x[i, 1] = x2; x[i, 2] = x3; x[i, 3] = x4; y[i] = yi;
        }
        return (Environments.FromArrays(x, y, env, ["X1", "X2", "X3", "X4"]), ["X1", "X2"]);
    }

    [MonteCarloFact, Trait("Category", "MonteCarlo")]
    public void Logistic_ICP_includes_a_non_parent_in_at_most_alpha_of_replications()
    {
        const int reps = 400;
        const double alpha = 0.05;
        var r = new Random(20261206);
        int bad = 0, nonEmpty = 0, both = 0;
        for (int rep = 0; rep < reps; rep++)
        {
            var (data, parents) = Draw(r, 250);
            var fit = new InvariantCausalPrediction { Alpha = alpha }.Fit(data);
            Assert.Equal(IcpFamily.Binomial, fit.Family);
            if (fit.CausalPredictors.Any(v => !parents.Contains(v))) bad++;
            if (fit.CausalPredictors.Count > 0) nonEmpty++;
            if (fit.CausalPredictors.Count == 2 && fit.CausalPredictors.All(parents.Contains)) both++;
        }
        double rate = bad / (double)reps, se = Math.Sqrt(alpha * (1 - alpha) / reps);
        output.WriteLine($"binary ICP: non-parent included in {bad}/{reps} ({rate:P1}); some parent found in {nonEmpty}/{reps}; both parents in " +
            $"{both}/{reps}.");
        // ICP's guarantee is asymptotic for logistic models: allow two binomial standard errors above alpha.
        Assert.True(rate <= alpha + 2 * se, $"a non-parent was included in {bad} of {reps} replications ({rate:P1}).");
        Assert.True(nonEmpty >= reps / 10, $"only {nonEmpty} of {reps} replications found any causal predictor.");
    }
}
