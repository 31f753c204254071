using Econometrics.Sem.Graphs;
using Econometrics.Tests.Support;
using Xunit.Abstractions;
using Econometrics.Causal.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Invariance;

/// <summary>ICP's guarantee P(S-hat contained in the parents) &gt;= 1 - alpha on fresh random SEMs with known truth.</summary>
public class IcpMonteCarloTests(ITestOutputHelper output)
{
    // A random DAG on 7 nodes in a random causal order; the target sits in the middle so it has parents, children and
    // non-descendants. Four environments: observational plus three with shift, noise and edge-weight interventions on
    // random non-target nodes (parents and children of the target included), never on the target's own equation.
    private static (Environments Data, HashSet<string> Parents) Draw(Random r)
    {
        const int n = 7;
        var names = Enumerable.Range(1, n).Select(i => $"V{i}").ToArray();
        var order = names.OrderBy(_ => r.Next()).ToArray();
        string target = order[3];
        var b = Matrix<double>.Build.Dense(n, n);
        int Idx(string s) => Array.IndexOf(names, s);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (r.NextDouble() < 0.5) b[Idx(order[j]), Idx(order[i])] = (r.NextDouble() < 0.5 ? -1 : 1) * (0.5 + r.NextDouble());
        var sem = LinearSem.FromSupport(names, b.Transpose(), Matrix<double>.Build.DenseIdentity(n));
        var others = names.Where(v => v != target).ToArray();
        var envs = new List<LinearSem> { sem };
        for (int e = 0; e < 3; e++)
        {
            var ivs = new List<Intervention>();
            foreach (var node in others.OrderBy(_ => r.Next()).Take(3))
            {
                double u = r.NextDouble();
                var parents = sem.ParentsOf(node);
                ivs.Add(u < 0.4 ? new ShiftIntervention(node, r.NextDouble() * 4 - 2)
                    : u < 0.7 || parents.Count == 0 ? new NoiseScaleIntervention(node, 0.5 + 1.5 * r.NextDouble())
                    : new EdgeWeightIntervention(node, parents[r.Next(parents.Count)], r.NextDouble() * 2 - 1));
            }
            envs.Add(sem.Apply(ivs.ToArray()));
        }
        return (SemEnvironments.Simulate(envs, target, 150, r), sem.ParentsOf(target).ToHashSet());
    }

    [MonteCarloFact, Trait("Category", "MonteCarlo")]
    public void NormalTestNeverIncludesANonParentInMoreThanFivePercentOfReplications() => Check(IcpTest.Normal);

    [MonteCarloFact, Trait("Category", "MonteCarlo")]
    public void ExactTestNeverIncludesANonParentInMoreThanFivePercentOfReplications() => Check(IcpTest.Exact);

    private void Check(IcpTest test)
    {
        const int reps = 400;
        var r = new Random(20260101 + (int)test);
        int bad = 0, nonEmpty = 0;
        for (int rep = 0; rep < reps; rep++)
        {
            var (data, parents) = Draw(r);
            var fit = new InvariantCausalPrediction { Alpha = 0.05, Test = test }.Fit(data);
            if (fit.CausalPredictors.Any(v => !parents.Contains(v))) bad++;
            if (fit.CausalPredictors.Count > 0) nonEmpty++;
        }
        double rate = bad / (double)reps;
        Assert.True(rate <= 0.05, $"{test}: a non-parent was included in {bad} of {reps} replications ({rate:P1}).");
        // The check must not pass vacuously: ICP finds some parents in a good share of the replications.
        output.WriteLine($"{test}: non-parent included in {bad}/{reps}; some parent found in {nonEmpty}/{reps}.");
        Assert.True(nonEmpty >= reps / 10, $"{test}: only {nonEmpty} of {reps} replications found any causal predictor.");
    }
}
