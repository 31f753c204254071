using System.Text.Json;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// A linear structural equation model <c>Z = c + B Z + eps</c>, <c>eps_i ~ N(0, sd_i^2)</c> independent, on an acyclic
/// graph; <c>B[i, j]</c> is the weight of node j in node i's equation. One node is the target, the others predictors.
/// </summary>
public sealed class LinearSem
{
    internal sealed record Parameters(Matrix<double> B, Vector<double> C, Vector<double> NoiseSd);

    private readonly Parameters _p;
    private readonly Matrix<double> _inverse;

    /// <summary>Creates the SEM.</summary>
    /// <param name="b">Edge weights (nodes x nodes), zero diagonal, acyclic.</param>
    /// <param name="c">Intercepts.</param>
    /// <param name="noiseSd">Noise standard deviations (non-negative).</param>
    /// <param name="names">Node names.</param>
    /// <param name="target">The target node's name.</param>
    public LinearSem(Matrix<double> b, Vector<double> c, Vector<double> noiseSd, IReadOnlyList<string> names, string target)
    {
        ArgumentNullException.ThrowIfNull(b); ArgumentNullException.ThrowIfNull(c); ArgumentNullException.ThrowIfNull(noiseSd); ArgumentNullException.ThrowIfNull(names);
        int n = names.Count;
        if (b.RowCount != n || b.ColumnCount != n) throw new ArgumentException($"B must be {n} x {n}.", nameof(b));
        if (c.Count != n) throw new ArgumentException($"c must have {n} entries.", nameof(c));
        if (noiseSd.Count != n || noiseSd.Any(s => !(s >= 0))) throw new ArgumentException($"noiseSd must have {n} non-negative entries.", nameof(noiseSd));
        if (names.Distinct().Count() != n) throw new ArgumentException("Node names must be distinct.", nameof(names));
        Target = names.ToList().IndexOf(target);
        if (Target < 0) throw new ArgumentException($"Target '{target}' is not a node.", nameof(target));
        if (!IsAcyclic(b)) throw new ArgumentException("B must describe an acyclic graph with a zero diagonal.", nameof(b));
        Names = names.ToArray();
        _p = new Parameters(b.Clone(), c.Clone(), noiseSd.Clone());
        _inverse = (Matrix<double>.Build.DenseIdentity(n) - b).Inverse();
    }

    /// <summary>Node names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Index of the target node.</summary>
    public int Target { get; }

    /// <summary>Predictor names (all nodes but the target, in order).</summary>
    public IReadOnlyList<string> Predictors => Names.Where((_, i) => i != Target).ToArray();

    /// <summary>A copy of B.</summary>
    public Matrix<double> B => _p.B.Clone();

    /// <summary>A copy of c.</summary>
    public Vector<double> C => _p.C.Clone();

    /// <summary>A copy of the noise SDs.</summary>
    public Vector<double> NoiseSd => _p.NoiseSd.Clone();

    /// <summary>Names of the target's parents (nonzero weights in its equation).</summary>
    public IReadOnlyList<string> ParentsOf(string node)
    {
        int i = Index(node);
        return Names.Where((_, j) => _p.B[i, j] != 0).ToArray();
    }

    /// <summary>Exact mean and covariance.</summary>
    public SemMoments Moments()
    {
        var d = Matrix<double>.Build.DenseOfDiagonalVector(_p.NoiseSd.PointwiseMultiply(_p.NoiseSd));
        return new SemMoments(_inverse * _p.C, _inverse * d.TransposeAndMultiply(_inverse), Target);
    }

    /// <summary>A new SEM with the interventions applied in order.</summary>
    /// <param name="interventions">The interventions.</param>
    public LinearSem Apply(params Intervention[] interventions)
    {
        var p = new Parameters(_p.B.Clone(), _p.C.Clone(), _p.NoiseSd.Clone());
        foreach (var iv in interventions) iv.Apply(p, Index(iv.Node), Index);
        return new LinearSem(p.B, p.C, p.NoiseSd, Names, Names[Target]);
    }

    /// <summary>Exact moments after applying interventions, on plain arrays (mean, row-major covariance), skipping validation.</summary>
    internal (double[] Mean, double[] Covariance) MomentsAfter(IEnumerable<Intervention> interventions)
    {
        var p = new Parameters(_p.B.Clone(), _p.C.Clone(), _p.NoiseSd.Clone());
        foreach (var iv in interventions) iv.Apply(p, Index(iv.Node), Index);
        return SemMath.Moments(p.B.ToRowMajorArray(), p.C.ToArray(), p.NoiseSd.ToArray(), Names.Count);
    }

    /// <summary>Draws n observations (rows) of all nodes.</summary>
    /// <param name="n">Number of rows.</param>
    /// <param name="random">The random source.</param>
    public Matrix<double> Sample(int n, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be positive.");
        int m = Names.Count;
        var eps = Matrix<double>.Build.Dense(n, m);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) eps[i, j] = _p.C[j] + _p.NoiseSd[j] * Normal.Sample(random, 0, 1);
        return eps.TransposeAndMultiply(_inverse);
    }

    /// <summary>Samples <paramref name="nPerEnvironment"/> rows from each SEM and returns them as environments "0", "1", ...</summary>
    /// <param name="environments">One SEM per environment (same nodes and target).</param>
    /// <param name="nPerEnvironment">Rows per environment.</param>
    /// <param name="random">The random source.</param>
    public static Environments Simulate(IReadOnlyList<LinearSem> environments, int nPerEnvironment, Random random)
    {
        ArgumentNullException.ThrowIfNull(environments);
        if (environments.Count < 2) throw new ArgumentException("At least two environments are needed.", nameof(environments));
        var first = environments[0];
        var px = Enumerable.Range(0, first.Names.Count).Where(i => i != first.Target).ToArray();
        var x = Matrix<double>.Build.Dense(environments.Count * nPerEnvironment, px.Length);
        var y = new double[x.RowCount];
        var env = new string[x.RowCount];
        for (int e = 0; e < environments.Count; e++)
        {
            var z = environments[e].Sample(nPerEnvironment, random);
            for (int i = 0; i < nPerEnvironment; i++)
            {
                int row = e * nPerEnvironment + i;
                for (int j = 0; j < px.Length; j++) x[row, j] = z[i, px[j]];
                y[row] = z[i, first.Target];
                env[row] = e.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return Environments.FromArrays(x, y, env, first.Predictors, first.Names[first.Target]);
    }

    /// <summary>Reads a SEM specification in JSON (one entry per environment with B, c and noise_sd).</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="target">The target node.</param>
    public static IReadOnlyList<(string Name, LinearSem Sem)> LoadSpecification(string path, string target)
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
            list.Add((prop.Name, new LinearSem(b, c, sd, names, target)));
        }
        return list;
    }

    private int Index(string node)
    {
        int i = Array.IndexOf((string[])Names, node);
        return i >= 0 ? i : throw new ArgumentException($"'{node}' is not a node; nodes are: {string.Join(", ", Names)}.", nameof(node));
    }

    // Kahn's algorithm on the support of B.
    private static bool IsAcyclic(Matrix<double> b)
    {
        int n = b.RowCount;
        for (int i = 0; i < n; i++) if (b[i, i] != 0) return false;
        var indeg = new int[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (b[i, j] != 0) indeg[i]++;
        var queue = new Queue<int>(Enumerable.Range(0, n).Where(i => indeg[i] == 0));
        int seen = 0;
        while (queue.Count > 0)
        {
            int j = queue.Dequeue(); seen++;
            for (int i = 0; i < n; i++) if (b[i, j] != 0 && --indeg[i] == 0) queue.Enqueue(i);
        }
        return seen == n;
    }
}
