using Econometrics.Causal;
using Econometrics.Reporting;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Identification;

/// <summary>The identifiability of a mixed graph's SEM: Jacobian rank, half-trek criterion and global identifiability.</summary>
public sealed record IdentifiabilityResult : Result
{
    private readonly HashSet<int> _solved;
    private readonly List<int> _order;
    private readonly Dictionary<int, int[]> _sets;

    internal IdentifiabilityResult(MixedGraph graph, int rank, List<int> htcOrder, Dictionary<int, int[]> sets, bool htcNonId, bool global)
    {
        _order = htcOrder; _sets = sets;
        Graph = graph; JacobianRank = rank; HtcSolvedOrder = htcOrder.Select(v => graph.Nodes[v]).ToArray();
        HtcNonIdentifiable = htcNonId; GloballyIdentifiable = global; _solved = [.. htcOrder];
    }

    /// <summary>The graph.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public MixedGraph Graph { get; }

    /// <summary>The graph's nodes.</summary>
    public IReadOnlyList<string> Nodes => Graph.Nodes;

    /// <summary>Per parameter: whether the half-trek criterion identifies it (the table of <see cref="ParameterIdentification"/>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("parameterIdentification")]
    public IReadOnlyList<ParameterIdentified> ParameterIdentificationRows =>
        ParameterIdentification().Select(p => new ParameterIdentified(p.Parameter, p.Identified)).ToArray();

    /// <summary>Number of parameters |V| + |D| + |B|.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("parameters")]
    public int ParameterCount => Graph.ParameterCount;

    /// <summary>Number of distinct covariances n(n+1)/2.</summary>
    public int Moments => Graph.Count * (Graph.Count + 1) / 2;

    /// <summary>Generic rank of the Jacobian of (Lambda, Omega) -&gt; Sigma, computed exactly modulo 2^31 - 1.</summary>
    public int JacobianRank { get; }

    /// <summary>Whether the parametrization is generically finite-to-one (full Jacobian rank; a certificate, not a heuristic).</summary>
    public bool GenericallyFiniteToOne => JacobianRank == ParameterCount;

    /// <summary>The model dimension's codimension in the covariance space: n(n+1)/2 - rank.</summary>
    public int Codimension => Moments - JacobianRank;

    /// <summary>HTC-identifiable nodes (their incoming edges are generically identifiable), in solving order.</summary>
    public IReadOnlyList<string> HtcSolvedOrder { get; }

    /// <summary>Whether every node is HTC-identifiable, i.e. the model is generically identifiable (one-to-one).</summary>
    public bool HtcIdentifiable => _solved.Count == Graph.Count;

    /// <summary>Whether the HTC proves the model generically infinite-to-one.</summary>
    public bool HtcNonIdentifiable { get; }

    /// <summary>Whether the model is globally identifiable (Drton, Foygel, Sullivant 2011; acyclic graphs only).</summary>
    public bool GloballyIdentifiable { get; }

    /// <summary>Per parameter (theta order): whether the HTC identifies it. lambda_ij needs j solved; omega_kl needs k and l solved.</summary>
    public IReadOnlyList<(string Parameter, bool Identified)> ParameterIdentification()
    {
        var g = Graph; var names = g.ParameterNames();
        var list = new List<(string, bool)>();
        int k = 0;
        foreach (var e in g.Directed) list.Add((names[k++], _solved.Contains(e.To)));
        for (int v = 0; v < g.Count; v++) list.Add((names[k++], AllParentsSolvedFor(v)));
        foreach (var e in g.Bidirected) list.Add((names[k++], AllParentsSolvedFor(e.A) && AllParentsSolvedFor(e.B)));
        return list;
    }

    // omega_kl = [(I - Lambda)^T Sigma (I - Lambda)]_kl uses columns k and l of Lambda, i.e. the edges into k and l.
    private bool AllParentsSolvedFor(int v) => _solved.Contains(v);

    /// <summary>
    /// Recovers (Lambda, Omega) from a covariance matrix of the model by the HTC's identifying formula (Foygel, Draisma,
    /// Drton 2012): for each node v in solving order with HTC set Y, Lambda[pa(v), v] solves
    /// Sigma~[Y, pa(v)] x = Sigma~[Y, v], where the rows of Y reached by half-treks from v are replaced by rows of
    /// (I - Lambda)^T Sigma; then Omega = (I - Lambda)^T Sigma (I - Lambda). A closed-form estimator when applied to S.
    /// </summary>
    /// <param name="sigma">An n x n covariance matrix (nodes in graph order).</param>
    /// <returns>Lambda and Omega (Omega is not projected onto the graph's support; off-support entries show misfit).</returns>
    /// <exception cref="InvalidOperationException">The graph is not HTC-identifiable.</exception>
    public (MathNet.Numerics.LinearAlgebra.Matrix<double> Lambda,
        MathNet.Numerics.LinearAlgebra.Matrix<double> Omega) Recover(MathNet.Numerics.LinearAlgebra.Matrix<double> sigma)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        int n = Graph.Count;
        if (sigma.RowCount != n || sigma.ColumnCount != n) throw new ArgumentException($"Sigma must be {n} x {n}.", nameof(sigma));
        if (!HtcIdentifiable) throw new InvalidOperationException("The graph is not HTC-identifiable; the identifying formula needs every node solved.");
        var build = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build;
        var lambda = build.Dense(n, n);
        foreach (int v in _order)
        {
            var pa = Graph.Parents(v);
            if (pa.Count == 0) continue;
            var y = _sets[v];
            var htr = HalfTrekCriterion.HalfTrekReachable(Graph, v);
            // Row y of Sigma~: Sigma[y, .] minus the contributions of y's (already identified) parents when v half-treks to y.
            double Row(int yy, int col)
            {
                double val = sigma[yy, col];
                if (htr[yy]) foreach (int p in Graph.Parents(yy)) val -= lambda[p, yy] * sigma[p, col];
                return val;
            }
            var a = build.Dense(y.Length, pa.Count, (r, c) => Row(y[r], pa[c]));
            var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(y.Length, r => Row(y[r], v));
            var x = a.Solve(b);
            for (int c = 0; c < pa.Count; c++) lambda[pa[c], v] = x[c];
        }
        var iml = build.DenseIdentity(n) - lambda;
        var omega = iml.TransposeThisAndMultiply(sigma * iml);
        return (lambda, (omega + omega.Transpose()) * 0.5);
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.IdentifiabilityResult;

    /// <summary>The summary.</summary>
    public override SummaryTable Summary()
    {
        string verdict = HtcIdentifiable ? "generically identifiable (HTC)"
            : HtcNonIdentifiable ? "generically infinite-to-one (HTC certificate)"
            : GenericallyFiniteToOne ? "generically finite-to-one (Jacobian); HTC inconclusive about one-to-one"
            : "generically infinite-to-one (Jacobian rank deficit)";
        var s = new SummaryTable("Identifiability of a linear SEM on a mixed graph")
            .AddHeader("Graph", Graph.ToString())
            .AddHeader("Verdict", verdict)
            .AddHeader("Parameters / covariances", $"{ParameterCount} / {Moments}")
            .AddHeader("Jacobian rank (exact mod 2^31-1)", JacobianRank)
            .AddHeader("Generically finite-to-one", GenericallyFiniteToOne ? "yes (certified)" : "no")
            .AddHeader("Globally identifiable", GloballyIdentifiable ? "yes" : "no")
            .AddHeader("HTC-identifiable nodes", HtcSolvedOrder.Count == 0 ? "none" : string.Join(", ", HtcSolvedOrder))
            .AddHeader("HTC non-identifiable", HtcNonIdentifiable ? "yes" : "no");
        var t = new Table("Parameters", "Parameter", "HTC-identified");
        foreach (var (p, id) in ParameterIdentification()) t.AddRow(p, id ? "yes" : "no");
        s.AddTable(t);
        s.AddNote("A full-rank Jacobian modulo a prime certifies generic finite-to-one-ness over Q; HTC identification gives generic one-to-one-ness.");
        return s;
    }

}
