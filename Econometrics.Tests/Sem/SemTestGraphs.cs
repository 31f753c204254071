using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;

namespace Econometrics.Tests.Sem;

/// <summary>The research note's example graphs (1-based, as the literature writes them).</summary>
internal static class SemTestGraphs
{
    public static Rational R(string s) => Rational.Parse(s);
    public static Rational[] Rs(params string[] s) => s.Select(Rational.Parse).ToArray();

    public static MixedGraph G1 => MixedGraph.FromIndices(2, [(1, 2), (2, 1)]);
    public static MixedGraph G1b => MixedGraph.FromIndices(2, [(1, 2), (2, 1)], [(1, 2)]);
    public static MixedGraph G2 => MixedGraph.FromIndices(3, [(1, 2), (2, 3), (3, 1)]);
    public static MixedGraph G3 => MixedGraph.FromIndices(3, [(1, 2), (2, 3), (3, 2)], [(1, 3)]);
    public static MixedGraph G3Prime => MixedGraph.FromIndices(3, [(1, 2), (2, 3), (3, 2)]);
    public static MixedGraph G4 => MixedGraph.FromIndices(4, [(1, 2), (2, 3), (3, 4), (4, 2)], [(1, 3)]);
    public static MixedGraph Verma => MixedGraph.FromIndices(4, [(1, 2), (1, 3), (2, 3), (3, 4)], [(2, 4)]);
    public static MixedGraph G6 => MixedGraph.FromIndices(4, [(1, 2), (2, 3), (3, 4), (4, 2)]);
    public static MixedGraph G7 => MixedGraph.FromIndices(4, [(1, 3), (2, 4), (3, 4), (4, 3)]);
    public static MixedGraph Chain => MixedGraph.FromIndices(3, [(1, 2), (2, 3)]);
    public static MixedGraph Iv => MixedGraph.FromIndices(3, [(1, 2), (2, 3)], [(2, 3)]);
    public static MixedGraph Bow => MixedGraph.FromIndices(2, [(1, 2)], [(1, 2)]);
    public static MixedGraph FddEx3a => MixedGraph.FromIndices(5, [(1, 2), (2, 3), (3, 4), (4, 5)], [(1, 3), (1, 4), (2, 4), (2, 5)]);
    public static MixedGraph FddEx4a => MixedGraph.FromIndices(5, [(1, 2), (1, 3), (1, 4), (1, 5), (2, 3), (2, 4), (3, 4), (3, 5)], [(2, 3), (2, 5)]);
    public static MixedGraph Dag4 => MixedGraph.FromIndices(4, [(1, 2), (1, 3), (2, 3), (2, 4)]);

    /// <summary>A random mixed graph; directed edges may form cycles (including 2-cycles) unless acyclic is asked for.</summary>
    public static MixedGraph Random(Random rng, int n, bool acyclic, double pDirected = 0.35, double pBidirected = 0.25)
    {
        var d = new List<(int, int)>(); var b = new List<(int, int)>();
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= n; j++)
            {
                if (i == j || (acyclic && i > j)) continue;
                if (rng.NextDouble() < pDirected) d.Add((i, j));
                if (i < j && rng.NextDouble() < pBidirected) b.Add((i, j));
            }
        return MixedGraph.FromIndices(n, d, b);
    }

    /// <summary>Random small rationals for the edges, positive variances.</summary>
    public static Rational[] RandomTheta(Random rng, MixedGraph g)
    {
        var t = new Rational[g.ParameterCount];
        int d = g.Directed.Count, n = g.Count;
        for (int i = 0; i < t.Length; i++)
        {
            bool variance = i >= d && i < d + n;
            long num = variance ? rng.Next(1, 9) : rng.Next(-5, 6);
            if (num == 0 && !variance) num = 1;
            t[i] = new Rational(num, rng.Next(1, 7));
        }
        return t;
    }
}
