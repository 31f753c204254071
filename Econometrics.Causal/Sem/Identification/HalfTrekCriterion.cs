using Econometrics.Sem.Graphs;
namespace Econometrics.Sem.Identification;

/// <summary>
/// The half-trek criterion (Foygel, Draisma, Drton 2012, Ann. Statist. 40(3)): iterative max-flow search for HTC-identifiable
/// nodes, the HTC test of generic infinite-to-one-ness, and the global identifiability test of Drton, Foygel, Sullivant
/// (2011) for acyclic graphs. Re-implemented from the papers' constructions (as used by the R package SEMID).
/// </summary>
internal static class HalfTrekCriterion
{
    /// <summary>htr(i) with i and its siblings included: nodes reachable by a directed path from i or from a sibling of i.</summary>
    public static bool[] HalfTrekReachable(MixedGraph g, int i)
    {
        var seen = new bool[g.Count];
        var stack = new Stack<int>();
        foreach (int v in g.Siblings(i).Append(i)) if (!seen[v]) { seen[v] = true; stack.Push(v); }
        while (stack.Count > 0)
            foreach (int c in g.Children(stack.Pop()))
                if (!seen[c]) { seen[c] = true; stack.Push(c); }
        return seen;
    }

    /// <summary>The HTC-identifiable nodes in solving order (nodes without parents first).</summary>
    public static List<int> SolvedOrder(MixedGraph g) => Solve(g).Order;

    /// <summary>The solving order and, for each solved node, its HTC set Y_v (the half-trek sources that reach pa(v)).</summary>
    public static (List<int> Order, Dictionary<int, int[]> Sets) Solve(MixedGraph g)
    {
        var sets = new Dictionary<int, int[]>();
        int n = g.Count;
        var solved = new bool[n];
        var order = new List<int>();
        for (int v = 0; v < n; v++) if (g.Parents(v).Count == 0) { solved[v] = true; order.Add(v); sets[v] = []; }
        bool change = true;
        while (change)
        {
            change = false;
            foreach (int i in Enumerable.Range(0, n).Where(v => !solved[v]).ToArray())
            {
                var htr = HalfTrekReachable(g, i);
                var allowed = Enumerable.Range(0, n).Where(j => (solved[j] || !htr[j]) && j != i && !g.HasBidirected(i, j)).ToList();
                var (flow, used) = Flow(g, allowed, g.Parents(i));
                if (flow == g.Parents(i).Count) { solved[i] = true; order.Add(i); sets[i] = used; change = true; }
            }
        }
        return (order, sets);
    }

    // Network: source, sink, L(j), R_in(j), R_out(j); a half-trek leaves L(j) for j or one of its siblings and then follows directed edges.
    private static (int Flow, int[] Used) Flow(MixedGraph g, IReadOnlyList<int> sources, IReadOnlyList<int> targets)
    {
        int n = g.Count, s = 0, t = 1;
        int L(int j) => 2 + j;
        int Rin(int j) => 2 + n + j;
        int Rout(int j) => 2 + 2 * n + j;
        var net = new MaxFlow(2 + 3 * n);
        for (int j = 0; j < n; j++)
        {
            net.AddEdge(L(j), Rin(j));
            foreach (int k in g.Siblings(j)) net.AddEdge(L(j), Rin(k));
            net.AddEdge(Rin(j), Rout(j));
            foreach (int k in g.Children(j)) net.AddEdge(Rout(j), Rin(k));
        }
        foreach (int j in sources) net.AddEdge(s, L(j));
        foreach (int p in targets) net.AddEdge(Rout(p), t);
        int flow = net.Run(s, t);
        return (flow, sources.Where(j => net.Saturated(s, L(j))).ToArray());
    }

    /// <summary>Whether the HTC proves the graph generically infinite-to-one: a single max-flow over all non-sibling pairs
    /// falls short of |D| (FDD 2012, Theorem 2 and section 6).</summary>
    public static bool NonIdentifiable(MixedGraph g)
    {
        int n = g.Count;
        if (n == 1) return false;
        var pairs = new List<(int, int)>();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (!g.HasBidirected(i, j)) pairs.Add((i, j));
        int np = pairs.Count, s = 0, t = 1;
        // For each target node i a copy of the right-side network R_i(j) (in and out).
        int Rin(int i, int j) => 2 + np + i * n + j;
        int Rout(int i, int j) => 2 + np + n * n + i * n + j;
        var net = new MaxFlow(2 + np + 2 * n * n);
        for (int k = 0; k < np; k++)
        {
            var (a, b) = pairs[k];
            net.AddEdge(s, 2 + k);
            // The pair {a, b} either lets b serve a's HTC set (a half-trek from b into copy a) or a serve b's.
            net.AddEdge(2 + k, Rin(a, b)); foreach (int sib in g.Siblings(b)) net.AddEdge(2 + k, Rin(a, sib));
            net.AddEdge(2 + k, Rin(b, a)); foreach (int sib in g.Siblings(a)) net.AddEdge(2 + k, Rin(b, sib));
        }
        for (int i = 0; i < n; i++)
        {
            foreach (int p in g.Parents(i)) net.AddEdge(Rout(i, p), t);
            for (int j = 0; j < n; j++)
            {
                net.AddEdge(Rin(i, j), Rout(i, j));
                foreach (int c in g.Children(j)) net.AddEdge(Rout(i, j), Rin(i, c));
            }
        }
        return net.Run(s, t) < g.Directed.Count;
    }

    /// <summary>Global identifiability (Drton, Foygel, Sullivant 2011): only acyclic graphs qualify, and no induced subgraph
    /// may have a connected bidirected part with a unique directed sink.</summary>
    public static bool GloballyIdentifiable(MixedGraph g)
    {
        if (!g.IsAcyclic) return false;
        var queue = new Queue<List<int>>(BidirectedComponents(g, Enumerable.Range(0, g.Count).ToList()));
        while (queue.Count > 0)
        {
            var h = queue.Dequeue();
            var set = new HashSet<int>(h);
            var sinks = h.Where(v => !g.Children(v).Any(set.Contains)).ToList();
            if (sinks.Count == 1) return false;
            foreach (int sink in sinks)
            {
                var anc = AncestorsWithin(g, sink, set);
                if (anc.Count > 1) foreach (var c in BidirectedComponents(g, anc)) queue.Enqueue(c);
            }
        }
        return true;
    }

    private static List<int> AncestorsWithin(MixedGraph g, int v, HashSet<int> set)
    {
        var seen = new HashSet<int> { v };
        var stack = new Stack<int>([v]);
        while (stack.Count > 0)
            foreach (int p in g.Parents(stack.Pop()))
                if (set.Contains(p) && seen.Add(p)) stack.Push(p);
        return seen.Order().ToList();
    }

    /// <summary>Connected components (size at least 2) of the bidirected part induced on the given nodes.</summary>
    private static List<List<int>> BidirectedComponents(MixedGraph g, List<int> nodes)
    {
        var set = new HashSet<int>(nodes);
        var seen = new HashSet<int>();
        var result = new List<List<int>>();
        foreach (int v in nodes)
        {
            if (!seen.Add(v)) continue;
            var comp = new List<int> { v };
            var stack = new Stack<int>([v]);
            while (stack.Count > 0)
                foreach (int u in g.Siblings(stack.Pop()))
                    if (set.Contains(u) && seen.Add(u)) { comp.Add(u); stack.Push(u); }
            if (comp.Count >= 2) result.Add(comp);
        }
        return result;
    }
}
