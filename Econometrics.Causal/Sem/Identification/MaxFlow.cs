namespace Econometrics.Sem.Identification;

/// <summary>Maximum flow by breadth-first augmenting paths (Edmonds-Karp) on a small integer-capacity network.</summary>
internal sealed class MaxFlow(int nodes)
{
    private readonly List<(int To, int Rev, int Cap)>[] _adj = Enumerable.Range(0, nodes).Select(_ => new List<(int, int, int)>()).ToArray();

    public void AddEdge(int from, int to, int capacity = 1)
    {
        _adj[from].Add((to, _adj[to].Count, capacity));
        _adj[to].Add((from, _adj[from].Count - 1, 0));
    }

    /// <summary>Whether the edge from -&gt; to (first such edge) carries flow after <see cref="Run"/>.</summary>
    public bool Saturated(int from, int to) => _adj[from].Any(e => e.To == to && e.Cap == 0 && _adj[to][e.Rev].Cap > 0);

    public int Run(int source, int sink)
    {
        int flow = 0;
        var prev = new (int Node, int Edge)[_adj.Length];
        while (true)
        {
            Array.Fill(prev, (-1, -1));
            prev[source] = (source, -1);
            var queue = new Queue<int>();
            queue.Enqueue(source);
            while (queue.Count > 0 && prev[sink].Node < 0)
            {
                int v = queue.Dequeue();
                for (int e = 0; e < _adj[v].Count; e++)
                {
                    var (to, _, cap) = _adj[v][e];
                    if (cap > 0 && prev[to].Node < 0) { prev[to] = (v, e); queue.Enqueue(to); }
                }
            }
            if (prev[sink].Node < 0) return flow;
            int push = int.MaxValue;
            for (int v = sink; v != source; v = prev[v].Node) push = Math.Min(push, _adj[prev[v].Node][prev[v].Edge].Cap);
            for (int v = sink; v != source; v = prev[v].Node)
            {
                var (u, e) = prev[v];
                var edge = _adj[u][e];
                _adj[u][e] = edge with { Cap = edge.Cap - push };
                var back = _adj[v][edge.Rev];
                _adj[v][edge.Rev] = back with { Cap = back.Cap + push };
            }
            flow += push;
        }
    }
}
