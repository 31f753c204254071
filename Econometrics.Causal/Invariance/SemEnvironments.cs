using System.Text.Json;
using Econometrics.Sem.Graphs;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// Environments as interventions on an acyclic <see cref="LinearSem"/> (X = c + Lambda^T X + eps): applying
/// interventions, sampling environments for a target node, and reading SEM specifications.
/// </summary>
public static class SemEnvironments
{
    /// <summary>A new SEM with the interventions applied in order; the result must stay acyclic.</summary>
    /// <param name="sem">The SEM.</param>
    /// <param name="interventions">The interventions.</param>
    public static LinearSem Apply(this LinearSem sem, params Intervention[] interventions)
    {
        ArgumentNullException.ThrowIfNull(sem); ArgumentNullException.ThrowIfNull(interventions);
        var p = Edit(sem, interventions);
        return Acyclic(LinearSem.FromSupport(sem.Graph.Nodes, p.Lambda, p.Omega, p.Intercepts), nameof(interventions));
    }

    /// <summary>Names of a node's parents, in node order.</summary>
    /// <param name="sem">The SEM.</param>
    /// <param name="node">The node.</param>
    public static IReadOnlyList<string> ParentsOf(this LinearSem sem, string node)
    {
        ArgumentNullException.ThrowIfNull(sem);
        var g = sem.Graph;
        return g.Parents(g.IndexOf(node)).Order().Select(i => g.Nodes[i]).ToArray();
    }

    /// <summary>The predictors for a target: every node but the target, in node order.</summary>
    /// <param name="sem">The SEM.</param>
    /// <param name="target">The target node.</param>
    public static IReadOnlyList<string> Predictors(this LinearSem sem, string target)
    {
        ArgumentNullException.ThrowIfNull(sem);
        int t = sem.Graph.IndexOf(target);
        return sem.Graph.Nodes.Where((_, i) => i != t).ToArray();
    }

    /// <summary>Exact moments after applying interventions, as plain arrays (mean, row-major covariance), for the PAC experiment's inner loops.</summary>
    internal static (double[] Mean, double[] Covariance) MomentsAfter(LinearSem sem, IEnumerable<Intervention> interventions)
    {
        var p = Edit(sem, interventions);
        var after = LinearSem.FromSupport(sem.Graph.Nodes, p.Lambda, p.Omega, p.Intercepts);
        return (after.Mean().ToArray(), after.Covariance().ToRowMajorArray());
    }

    private static StructuralParameters Edit(LinearSem sem, IEnumerable<Intervention> interventions)
    {
        var p = new StructuralParameters(sem.Lambda.Clone(), sem.Intercepts.Clone(), sem.Omega.Clone());
        foreach (var iv in interventions) iv.Apply(p, sem.Graph.IndexOf(iv.Node), sem.Graph.IndexOf);
        return p;
    }

    private static LinearSem Acyclic(LinearSem sem, string param) =>
        sem.Graph.IsAcyclic ? sem : throw new ArgumentException($"The SEM must be acyclic; its directed edges {sem.Graph} contain a cycle.", param);

    /// <summary>Samples <paramref name="nPerEnvironment"/> rows from each SEM and returns them as environments "0", "1", ...</summary>
    /// <param name="environments">One SEM per environment (same nodes).</param>
    /// <param name="target">The target node; the other nodes are the predictors.</param>
    /// <param name="nPerEnvironment">Rows per environment.</param>
    /// <param name="random">The random source.</param>
    public static Environments Simulate(IReadOnlyList<LinearSem> environments, string target, int nPerEnvironment, Random random)
    {
        ArgumentNullException.ThrowIfNull(environments); ArgumentNullException.ThrowIfNull(random);
        if (environments.Count < 2) throw new ArgumentException("At least two environments are needed.", nameof(environments));
        var first = environments[0];
        int t = first.Graph.IndexOf(target);
        if (environments.Any(e => !e.Graph.Nodes.SequenceEqual(first.Graph.Nodes)))
            throw new ArgumentException("Every environment must have the same nodes in the same order.", nameof(environments));
        var px = Enumerable.Range(0, first.Graph.Count).Where(i => i != t).ToArray();
        var x = Matrix<double>.Build.Dense(environments.Count * nPerEnvironment, px.Length);
        var y = new double[x.RowCount];
        var env = new string[x.RowCount];
        for (int e = 0; e < environments.Count; e++)
        {
            var z = environments[e].Simulate(nPerEnvironment, random);
            for (int i = 0; i < nPerEnvironment; i++)
            {
                int row = e * nPerEnvironment + i;
                for (int j = 0; j < px.Length; j++) x[row, j] = z[i, px[j]];
                y[row] = z[i, t];
                env[row] = e.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return Environments.FromArrays(x, y, env, first.Predictors(target), target);
    }

    /// <summary>
    /// Reads a SEM specification: <c>{"_variables": [...], "env": {"B": rows, "c": [...], "noise_sd": [...]}, ...}</c>
    /// with <c>B[i][j]</c> the weight of node j in node i's equation (B = Lambda^T) and independent errors.
    /// </summary>
    /// <param name="path">The JSON file.</param>
    public static IReadOnlyList<(string Name, LinearSem Sem)> LoadSpecification(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var names = root.GetProperty("_variables").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var list = new List<(string, LinearSem)>();
        foreach (var prop in root.EnumerateObject().Where(p => !p.Name.StartsWith('_')))
        {
            var b = Matrix<double>.Build.DenseOfRows(prop.Value.GetProperty("B").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble())));
            var c = Vector<double>.Build.DenseOfEnumerable(prop.Value.GetProperty("c").EnumerateArray().Select(v => v.GetDouble()));
            var sd = Vector<double>.Build.DenseOfEnumerable(prop.Value.GetProperty("noise_sd").EnumerateArray().Select(v => v.GetDouble()));
            var sem = LinearSem.FromSupport(names, b.Transpose(), Matrix<double>.Build.DenseOfDiagonalVector(sd.PointwiseMultiply(sd)), c);
            list.Add((prop.Name, Acyclic(sem, nameof(path))));
        }
        return list;
    }
}
