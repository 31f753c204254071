using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;
namespace Econometrics.Sem.Covariance;

/// <summary>
/// The one-connection closed form for any mixed graph, cyclic or not (Adhikari, Gross, Härkönen, Tsigaridas 2022,
/// arXiv:2210.00239, in the factorized form of Talaska 2012 / Mason's gain formula):
/// sigma_ij = sum_{k,l} omega_kl N_ki N_lj / det(I - Lambda)^2, where
/// N_ki = sum over simple directed paths P: k ~&gt; i of lambda^P det(I - Lambda)[V \ V(P)] and
/// det(I - Lambda)[S] = sum over families of disjoint directed cycles inside S of (-1)^#cycles prod lambda.
/// </summary>
/// <remarks>
/// Written once over a ring so that the same enumeration yields doubles, exact rationals and symbolic
/// polynomials. The work is exponential in the number of simple paths and cycles; that is the price of a closed form.
/// </remarks>
internal sealed class OneConnectionRule<T>
{
    private readonly MixedGraph _g;
    private readonly IRingOps<T> _ops;
    private readonly T[] _theta;
    private readonly List<(ulong Mask, T Weight)>[] _cyclesByMin;
    private readonly ulong _cyclic;
    private readonly Dictionary<ulong, T> _det = [];
    private readonly (int To, int Edge)[][] _out;

    public OneConnectionRule(MixedGraph graph, IRingOps<T> ops, IReadOnlyList<T> theta)
    {
        if (graph.Count > 64) throw new ArgumentException("The one-connection rule is implemented for graphs with at most 64 nodes.", nameof(graph));
        if (theta.Count != graph.ParameterCount) throw new ArgumentException($"Expected {graph.ParameterCount} parameters, got {theta.Count}.", nameof(theta));
        _g = graph; _ops = ops; _theta = theta.ToArray();
        _out = new (int, int)[graph.Count][];
        var lists = Enumerable.Range(0, graph.Count).Select(_ => new List<(int, int)>()).ToArray();
        for (int e = 0; e < graph.Directed.Count; e++) lists[graph.Directed[e].From].Add((graph.Directed[e].To, e));
        for (int v = 0; v < graph.Count; v++) _out[v] = lists[v].ToArray();
        _cyclesByMin = new List<(ulong, T)>[graph.Count];
        for (int v = 0; v < graph.Count; v++) _cyclesByMin[v] = [];
        EnumerateCycles();
        foreach (var list in _cyclesByMin) foreach (var (m, _) in list) _cyclic |= m;
    }

    private T Lambda(int edge) => _theta[edge];

    // Simple cycles, each found once from its smallest vertex (DFS restricted to larger vertices).
    private void EnumerateCycles()
    {
        int n = _g.Count;
        var outEdges = _out;
        for (int s = 0; s < n; s++)
        {
            void Dfs(int v, ulong mask, T weight)
            {
                foreach (var (to, e) in outEdges[v])
                {
                    if (to == s) _cyclesByMin[s].Add((mask, _ops.Multiply(weight, Lambda(e))));
                    else if (to > s && (mask & (1UL << to)) == 0) Dfs(to, mask | (1UL << to), _ops.Multiply(weight, Lambda(e)));
                }
            }
            Dfs(s, 1UL << s, _ops.One);
        }
    }

    /// <summary>det(I - Lambda)[S, S] for the vertex set S, by expansion at the smallest cyclic vertex of S.</summary>
    public T Determinant(ulong subset)
    {
        subset &= _cyclic; // vertices on no cycle contribute a factor 1
        if (subset == 0) return _ops.One;
        if (_det.TryGetValue(subset, out var d)) return d;
        int v = System.Numerics.BitOperations.TrailingZeroCount(subset);
        // Either v lies on no cycle of the family, or on exactly one cycle C (whose smallest vertex is v).
        var result = Determinant(subset & ~(1UL << v));
        foreach (var (mask, w) in _cyclesByMin[v])
            if ((mask & ~subset) == 0) result = _ops.Add(result, _ops.Negate(_ops.Multiply(w, Determinant(subset & ~mask))));
        _det[subset] = result;
        return result;
    }

    /// <summary>det(I - Lambda).</summary>
    public T Determinant() => Determinant(_g.Count == 64 ? ulong.MaxValue : (1UL << _g.Count) - 1);

    /// <summary>N = adj(I - Lambda): N[k, i] = sum over simple paths k ~&gt; i of lambda^P det(I - Lambda)[V \ V(P)].</summary>
    public T[,] Adjugate()
    {
        int n = _g.Count;
        ulong all = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
        var outEdges = _out;
        var adj = new T[n, n];
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) adj[k, i] = _ops.Zero;
        for (int k = 0; k < n; k++)
        {
            void Walk(int v, ulong visited, T weight)
            {
                adj[k, v] = _ops.Add(adj[k, v], _ops.Multiply(weight, Determinant(all & ~visited)));
                foreach (var (to, e) in outEdges[v])
                    if ((visited & (1UL << to)) == 0) Walk(to, visited | (1UL << to), _ops.Multiply(weight, Lambda(e)));
            }
            Walk(k, 1UL << k, _ops.One);
        }
        return adj;
    }

    /// <summary>The numerators sum_{k,l} omega_kl N_ki N_lj of Sigma (over det(I - Lambda)^2), upper triangle mirrored.</summary>
    public T[,] CovarianceNumerators()
    {
        int n = _g.Count, d = _g.Directed.Count;
        var nk = Adjugate();
        var num = new T[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                var s = _ops.Zero;
                for (int k = 0; k < n; k++) s = _ops.Add(s, _ops.Multiply(_theta[d + k], _ops.Multiply(nk[k, i], nk[k, j])));
                for (int b = 0; b < _g.Bidirected.Count; b++)
                {
                    var e = _g.Bidirected[b];
                    var pair = _ops.Add(_ops.Multiply(nk[e.A, i], nk[e.B, j]), _ops.Multiply(nk[e.B, i], nk[e.A, j]));
                    s = _ops.Add(s, _ops.Multiply(_theta[d + n + b], pair));
                }
                num[i, j] = num[j, i] = s;
            }
        return num;
    }
}
