using System.Text.Json;

namespace Econometrics.Sem.Graphs;

/// <summary>
/// A mixed graph G = (V, D, B): named nodes, directed edges (i -&gt; j, coefficient lambda_ij) and bidirected edges
/// (i &lt;-&gt; j, error covariance omega_ij). Directed cycles are allowed.
/// </summary>
/// <remarks>
/// The parameter vector theta of the linear SEM on G is laid out as: one lambda per directed edge (in
/// <see cref="Directed"/> order), then one variance omega_vv per node, then one omega per bidirected edge.
/// </remarks>
public sealed class MixedGraph
{
    private readonly Dictionary<string, int> _index;
    private readonly List<int>[] _parents, _children, _siblings;

    /// <summary>Builds and validates a graph.</summary>
    /// <param name="nodes">Distinct, non-empty node names.</param>
    /// <param name="directed">Directed edges as (from, to) name pairs; no self-loops or duplicates.</param>
    /// <param name="bidirected">Bidirected edges as name pairs; no self-loops or duplicates (either orientation).</param>
    public MixedGraph(IEnumerable<string> nodes, IEnumerable<(string From, string To)>? directed = null,
                      IEnumerable<(string A, string B)>? bidirected = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Nodes = nodes.ToArray();
        if (Nodes.Count == 0) throw new ArgumentException("A mixed graph needs at least one node.", nameof(nodes));
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Nodes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Nodes[i])) throw new ArgumentException($"Node {i + 1} has an empty name.", nameof(nodes));
            if (!_index.TryAdd(Nodes[i], i)) throw new ArgumentException($"Node '{Nodes[i]}' is listed twice.", nameof(nodes));
        }
        int n = Nodes.Count;
        _parents = new List<int>[n]; _children = new List<int>[n]; _siblings = new List<int>[n];
        for (int i = 0; i < n; i++) { _parents[i] = []; _children[i] = []; _siblings[i] = []; }

        var d = new List<DirectedEdge>();
        foreach (var (f, t) in directed ?? [])
        {
            int a = Resolve(f, nameof(directed)), b = Resolve(t, nameof(directed));
            if (a == b) throw new ArgumentException($"Directed self-loop {f} -> {f} is not allowed.", nameof(directed));
            if (_children[a].Contains(b)) throw new ArgumentException($"Directed edge {f} -> {t} is listed twice.", nameof(directed));
            d.Add(new DirectedEdge(a, b)); _children[a].Add(b); _parents[b].Add(a);
        }
        var bi = new List<BidirectedEdge>();
        foreach (var (x, y) in bidirected ?? [])
        {
            int a = Resolve(x, nameof(bidirected)), b = Resolve(y, nameof(bidirected));
            if (a == b) throw new ArgumentException($"Bidirected self-loop {x} <-> {x} is not allowed (variances are always free).", nameof(bidirected));
            if (_siblings[a].Contains(b)) throw new ArgumentException($"Bidirected edge {x} <-> {y} is listed twice.", nameof(bidirected));
            bi.Add(new BidirectedEdge(Math.Min(a, b), Math.Max(a, b))); _siblings[a].Add(b); _siblings[b].Add(a);
        }
        Directed = d; Bidirected = bi;
    }

    /// <summary>Builds a graph on nodes "1".."n" from 1-based index pairs, as the literature writes them.</summary>
    /// <param name="n">Number of nodes.</param>
    /// <param name="directed">Directed edges (1-based).</param>
    /// <param name="bidirected">Bidirected edges (1-based).</param>
    public static MixedGraph FromIndices(int n, IEnumerable<(int From, int To)> directed, IEnumerable<(int A, int B)>? bidirected = null) =>
        new(Enumerable.Range(1, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (directed ?? throw new ArgumentNullException(nameof(directed))).Select(e => (Name(e.From), Name(e.To))),
            (bidirected ?? []).Select(e => (Name(e.A), Name(e.B))));

    private static string Name(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The node names, in order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Number of nodes.</summary>
    public int Count => Nodes.Count;

    /// <summary>The directed edges, in input order.</summary>
    public IReadOnlyList<DirectedEdge> Directed { get; }

    /// <summary>The bidirected edges, in input order.</summary>
    public IReadOnlyList<BidirectedEdge> Bidirected { get; }

    /// <summary>Number of free parameters |D| + |V| + |B|.</summary>
    public int ParameterCount => Directed.Count + Count + Bidirected.Count;

    /// <summary>The index of a node.</summary>
    /// <param name="name">The node name.</param>
    /// <exception cref="ArgumentException">The node does not exist.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Resolve(name, nameof(name));
    }

    private int Resolve(string name, string param) =>
        name is not null && _index.TryGetValue(name, out int i) ? i
            : throw new ArgumentException($"Unknown node '{name}'; the graph has nodes {string.Join(", ", Nodes)}.", param);

    /// <summary>Parents pa(v).</summary>
    /// <param name="v">Node index.</param>
    public IReadOnlyList<int> Parents(int v) => _parents[v];

    /// <summary>Children ch(v).</summary>
    /// <param name="v">Node index.</param>
    public IReadOnlyList<int> Children(int v) => _children[v];

    /// <summary>Siblings sib(v) (bidirected neighbours).</summary>
    /// <param name="v">Node index.</param>
    public IReadOnlyList<int> Siblings(int v) => _siblings[v];

    /// <summary>Whether i -&gt; j is an edge.</summary>
    /// <param name="i">Tail.</param>
    /// <param name="j">Head.</param>
    public bool HasDirected(int i, int j) => _children[i].Contains(j);

    /// <summary>Whether i &lt;-&gt; j is an edge.</summary>
    /// <param name="i">One end.</param>
    /// <param name="j">The other end.</param>
    public bool HasBidirected(int i, int j) => _siblings[i].Contains(j);

    /// <summary>Whether the directed part has no cycle.</summary>
    public bool IsAcyclic => TopologicalOrder() is not null;

    /// <summary>
    /// Whether the graph is simple: at most one edge between two nodes (no 2-cycles, no bows i -&gt; j with i &lt;-&gt; j).
    /// Simple graphs have generically finite-to-one parametrizations (Adhikari, Gross, Härkönen, Tsigaridas 2022).
    /// </summary>
    public bool IsSimple => Directed.All(e => !HasDirected(e.To, e.From) && !HasBidirected(e.From, e.To));

    /// <summary>A topological order of the directed part, or null when it has a cycle.</summary>
    public int[]? TopologicalOrder()
    {
        int n = Count;
        var indeg = new int[n];
        foreach (var e in Directed) indeg[e.To]++;
        var queue = new Queue<int>(Enumerable.Range(0, n).Where(v => indeg[v] == 0));
        var order = new List<int>(n);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue(); order.Add(v);
            foreach (int c in _children[v]) if (--indeg[c] == 0) queue.Enqueue(c);
        }
        return order.Count == n ? order.ToArray() : null;
    }

    /// <summary>Text names of the parameters in theta order: l12, w11, w13 (or l(a,b), w(a,b) for longer names).</summary>
    public IReadOnlyList<string> ParameterNames() => ParameterLabels(false);

    /// <summary>LaTeX names of the parameters in theta order: \lambda_{12}, \omega_{11}, ...</summary>
    public IReadOnlyList<string> ParameterLatexNames() => ParameterLabels(true);

    private IReadOnlyList<string> ParameterLabels(bool latex)
    {
        bool shortNames = Nodes.All(s => s.Length == 1);
        string Pair(string sym, int a, int b) => latex
            ? $"\\{sym}_{{{(shortNames ? Nodes[a] + Nodes[b] : Nodes[a] + "," + Nodes[b])}}}"
            : shortNames ? $"{sym[0]}{Nodes[a]}{Nodes[b]}" : $"{sym[0]}({Nodes[a]},{Nodes[b]})";
        var names = new List<string>(ParameterCount);
        names.AddRange(Directed.Select(e => Pair("lambda", e.From, e.To)));
        names.AddRange(Enumerable.Range(0, Count).Select(v => Pair("omega", v, v)));
        names.AddRange(Bidirected.Select(e => Pair("omega", e.A, e.B)));
        // Text form uses l and w, for the Lambda and Omega of Foygel, Draisma and Drton (2012).
        return latex ? names : names.Select(s => s.StartsWith('o') ? "w" + s[1..] : s).ToArray();
    }

    /// <summary>
    /// Reads the graph part of the JSON format
    /// <c>{"nodes":[...],"directed":[{"from","to"}],"bidirected":[{"a","b"}]}</c> (weights, if present, are ignored here;
    /// <see cref="LinearSem.FromJson"/> reads them).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    public static MixedGraph FromJson(string json) => LinearSem.ReadGraph(json, out _);

    /// <summary>Writes the graph (without weights) in the JSON format.</summary>
    public string ToJson() => Econometrics.Reporting.Json.Serialize(w =>
    {
        w.WriteStartObject();
        WriteJsonBody(w, null);
        w.WriteEndObject();
    });

    internal void WriteJsonBody(Utf8JsonWriter w, LinearSem? sem)
    {
        w.WriteStartArray("nodes");
        foreach (var s in Nodes) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteStartArray("directed");
        foreach (var e in Directed)
        {
            w.WriteStartObject(); w.WriteString("from", Nodes[e.From]); w.WriteString("to", Nodes[e.To]);
            if (sem is not null) w.WriteNumber("weight", sem.Lambda[e.From, e.To]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("bidirected");
        foreach (var e in Bidirected)
        {
            w.WriteStartObject(); w.WriteString("a", Nodes[e.A]); w.WriteString("b", Nodes[e.B]);
            if (sem is not null) w.WriteNumber("weight", sem.Omega[e.A, e.B]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (sem is not null)
        {
            w.WriteStartObject("variances");
            for (int v = 0; v < Count; v++) w.WriteNumber(Nodes[v], sem.Omega[v, v]);
            w.WriteEndObject();
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", Directed.Select(e => $"{Nodes[e.From]} -> {Nodes[e.To]}").Concat(Bidirected.Select(e => $"{Nodes[e.A]} <-> {Nodes[e.B]}")));
}
