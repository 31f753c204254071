using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Graphs;

/// <summary>
/// A linear SEM on a mixed graph with numeric parameters: X = c + Lambda^T X + eps, Cov(eps) = Omega, so that
/// E[X] = (I - Lambda)^-T c and Sigma = (I - Lambda)^-T Omega (I - Lambda)^-1. Construction validates the parameters
/// against the graph. Directed cycles are allowed as long as I - Lambda is invertible.
/// </summary>
public sealed class LinearSem
{
    /// <summary>Relative tolerance below which |det(I - Lambda)| counts as zero.</summary>
    private const double SingularTolerance = 1e-12;

    /// <summary>Builds the model from a parameter vector in the graph's theta order (lambdas, variances, covariances); intercepts zero.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="theta">One value per parameter, see <see cref="MixedGraph.ParameterNames"/>.</param>
    public LinearSem(MixedGraph graph, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(graph); ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != graph.ParameterCount)
            throw new ArgumentException($"Expected {graph.ParameterCount} parameters ({string.Join(", ", graph.ParameterNames())}), got {theta.Count}.",
                nameof(theta));
        Graph = graph;
        int n = graph.Count, d = graph.Directed.Count;
        var lambda = Matrix<double>.Build.Dense(n, n);
        var omega = Matrix<double>.Build.Dense(n, n);
        for (int e = 0; e < d; e++) lambda[graph.Directed[e].From, graph.Directed[e].To] = theta[e];
        for (int v = 0; v < n; v++) omega[v, v] = theta[d + v];
        for (int b = 0; b < graph.Bidirected.Count; b++)
        {
            var e = graph.Bidirected[b];
            omega[e.A, e.B] = omega[e.B, e.A] = theta[d + n + b];
        }
        Lambda = lambda; Omega = omega; Intercepts = Vector<double>.Build.Dense(n);
        Validate();
    }

    /// <summary>Builds the model from Lambda, Omega and intercepts, checking that the supports match the graph.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="lambda">n x n; Lambda[i, j] nonzero only where i -&gt; j is an edge.</param>
    /// <param name="omega">n x n symmetric positive definite; off-diagonal nonzero only where i &lt;-&gt; j is an edge.</param>
    /// <param name="intercepts">The intercepts c (length n); null means zero.</param>
    public LinearSem(MixedGraph graph, Matrix<double> lambda, Matrix<double> omega, Vector<double>? intercepts = null)
    {
        ArgumentNullException.ThrowIfNull(graph); ArgumentNullException.ThrowIfNull(lambda); ArgumentNullException.ThrowIfNull(omega);
        int n = graph.Count;
        if (lambda.RowCount != n || lambda.ColumnCount != n) throw new ArgumentException($"Lambda must be {n} x {n}, got {lambda.RowCount} x " +
            $"{lambda.ColumnCount}.", nameof(lambda));
        if (omega.RowCount != n || omega.ColumnCount != n) throw new ArgumentException($"Omega must be {n} x {n}, got {omega.RowCount} x {omega.ColumnCount}.",
            nameof(omega));
        if (intercepts is not null && intercepts.Count != n) throw new ArgumentException($"The intercepts must have {n} entries, got {intercepts.Count}.",
            nameof(intercepts));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (lambda[i, j] != 0 && !graph.HasDirected(i, j))
                    throw new ArgumentException($"Lambda[{graph.Nodes[i]}, {graph.Nodes[j]}] = {lambda[i, j]} but the graph has no edge " +
                        $"{graph.Nodes[i]} -> {graph.Nodes[j]}.", nameof(lambda));
                if (i != j && omega[i, j] != 0 && !graph.HasBidirected(i, j))
                    throw new ArgumentException($"Omega[{graph.Nodes[i]}, {graph.Nodes[j]}] = {omega[i, j]} but the graph has no edge " +
                        $"{graph.Nodes[i]} <-> {graph.Nodes[j]}.", nameof(omega));
            }
        Graph = graph; Lambda = lambda.Clone(); Omega = omega.Clone();
        Intercepts = intercepts?.Clone() ?? Vector<double>.Build.Dense(n);
        Validate();
    }

    /// <summary>
    /// Builds the model whose graph is the support of the matrices: an edge i -&gt; j wherever Lambda[i, j] is nonzero and
    /// i &lt;-&gt; j wherever Omega[i, j] is nonzero (edges in column-major order of the matrices).
    /// </summary>
    /// <param name="nodes">Node names.</param>
    /// <param name="lambda">n x n coefficients, row = tail, column = head.</param>
    /// <param name="omega">n x n symmetric positive definite error covariance.</param>
    /// <param name="intercepts">The intercepts c; null means zero.</param>
    public static LinearSem FromSupport(IReadOnlyList<string> nodes, Matrix<double> lambda, Matrix<double> omega, Vector<double>? intercepts = null)
    {
        ArgumentNullException.ThrowIfNull(nodes); ArgumentNullException.ThrowIfNull(lambda); ArgumentNullException.ThrowIfNull(omega);
        int n = nodes.Count;
        if (lambda.RowCount != n || lambda.ColumnCount != n) throw new ArgumentException($"Lambda must be {n} x {n}, got {lambda.RowCount} x " +
            $"{lambda.ColumnCount}.", nameof(lambda));
        if (omega.RowCount != n || omega.ColumnCount != n) throw new ArgumentException($"Omega must be {n} x {n}, got {omega.RowCount} x {omega.ColumnCount}.",
            nameof(omega));
        var directed = new List<(string, string)>();
        var bidirected = new List<(string, string)>();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                if (i == j)
                {
                    if (lambda[i, i] != 0) throw new ArgumentException($"Lambda[{nodes[i]}, {nodes[i]}] must be zero (no self-loops).",
                    nameof(lambda)); continue;
                }
                if (lambda[i, j] != 0) directed.Add((nodes[i], nodes[j]));
                if (i < j && omega[i, j] != 0) bidirected.Add((nodes[i], nodes[j]));
            }
        return new LinearSem(new MixedGraph(nodes, directed, bidirected), lambda, omega, intercepts);
    }

    /// <summary>The graph.</summary>
    public MixedGraph Graph { get; }

    /// <summary>Lambda (row = tail, column = head).</summary>
    public Matrix<double> Lambda { get; }

    /// <summary>Omega, the error covariance.</summary>
    public Matrix<double> Omega { get; }

    /// <summary>The intercepts c of the structural equations (zero unless given).</summary>
    public Vector<double> Intercepts { get; }

    /// <summary>The parameter vector in the graph's theta order.</summary>
    public double[] Theta()
    {
        var g = Graph;
        return g.Directed.Select(e => Lambda[e.From, e.To])
            .Concat(Enumerable.Range(0, g.Count).Select(v => Omega[v, v]))
            .Concat(g.Bidirected.Select(e => Omega[e.A, e.B])).ToArray();
    }

    private void Validate()
    {
        int n = Graph.Count;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (!double.IsFinite(Lambda[i, j])) throw new ArgumentException($"Lambda[{Graph.Nodes[i]}, {Graph.Nodes[j]}] is not finite.", "lambda");
                if (i == 0 && !double.IsFinite(Intercepts[j])) throw new ArgumentException($"The intercept of {Graph.Nodes[j]} is not finite.", "intercepts");
                if (!double.IsFinite(Omega[i, j])) throw new ArgumentException($"Omega[{Graph.Nodes[i]}, {Graph.Nodes[j]}] is not finite.", "omega");
                if (Omega[i, j] != Omega[j, i]) throw new ArgumentException($"Omega is not symmetric at ({Graph.Nodes[i]}, {Graph.Nodes[j]}).", "omega");
            }
        bool pd;
        try { pd = Enumerable.Range(0, n).All(v => Omega[v, v] > 0) && Omega.Cholesky().Determinant > 0; }
        catch (ArgumentException) { pd = false; }
        if (!pd)
            throw new ArgumentException("Omega must be positive definite (all variances positive, Cholesky factorization succeeds).", "omega");
        var iml = Matrix<double>.Build.DenseIdentity(n) - Lambda;
        double det = iml.Determinant();
        double scale = Math.Max(1.0, iml.L1Norm());
        if (!(Math.Abs(det) > SingularTolerance * Math.Pow(scale, n)))
            throw new ArgumentException($"I - Lambda is singular (det = {det:G6}); the cyclic system has no unique solution.", "lambda");
    }

    /// <summary>Sigma by matrix inversion, M = (I - Lambda)^-1, Sigma = M^T Omega M (an LU solve; the fast path).</summary>
    public Matrix<double> Covariance() => Congruence(Transfer(), Omega, 1.0);

    /// <summary>
    /// <c>scale M' Omega M</c>, exactly symmetric. Omega of a graph is sparse (variances and the bidirected edges), so
    /// <c>Omega M</c> is one row update per nonzero and <c>M' (Omega M)</c> one dot product per entry of the upper
    /// triangle: a few microseconds at tens of nodes where Math.NET's managed product took about fifty, and the same
    /// bits on every backend.
    /// </summary>
    // Optimized from the first call: a short process or a benchmark of microsecond calls would otherwise run it as
    // unoptimized tier-0 code, several times slower than the native product it replaces.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static Matrix<double> Congruence(Matrix<double> m, Matrix<double> omega, double scale)
    {
        int n = m.RowCount;
        var a = m.ToColumnMajorArray();
        var w = omega.ToColumnMajorArray();
        var t = new double[n * n];
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
            {
                double v = w[i + k * n];
                if (v == 0) continue;
                // t[i, :] += Omega[i, k] M[k, :]
                for (int j = 0; j < n; j++) t[i + j * n] += v * a[k + j * n];
            }
        var s = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i <= j; i++)
            {
                // (M' t)[i, j] = M[:, i]' t[:, j]
                var mi = a.AsSpan(i * n, n);
                var tj = t.AsSpan(j * n, n);
                // Four independent sums: one chain of dependent additions would wait on the adder's latency.
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int k = 0;
                for (; k + 4 <= n; k += 4)
                {
                    s0 += mi[k] * tj[k]; s1 += mi[k + 1] * tj[k + 1]; s2 += mi[k + 2] * tj[k + 2]; s3 += mi[k + 3] * tj[k + 3];
                }
                for (; k < n; k++) s0 += mi[k] * tj[k];
                s[i + j * n] = s[j + i * n] = scale * (s0 + s1 + (s2 + s3));
            }
        return Matrix<double>.Build.Dense(n, n, s);
    }

    /// <summary>The mean E[X] = M^T c with M = (I - Lambda)^-1.</summary>
    public Vector<double> Mean() => Transfer().TransposeThisAndMultiply(Intercepts);

    // M = (I - Lambda)^-1: row k holds the total effects of node k on every node.
    private Matrix<double> Transfer() => (Matrix<double>.Build.DenseIdentity(Graph.Count) - Lambda).Inverse();

    /// <summary>Draws n observations from the Gaussian model: rows X = (c + eps)^T (I - Lambda)^-1 with eps ~ N(0, Omega).</summary>
    /// <param name="n">Number of observations, positive.</param>
    /// <param name="seed">Seed; the same seed gives the same draws on any machine and thread count.</param>
    /// <returns>An n x |V| matrix, columns in node order.</returns>
    public Matrix<double> Simulate(int n, int seed) => Simulate(n, new Random(seed));

    /// <summary>Draws n observations from the Gaussian model, continuing the stream of <paramref name="random"/>.</summary>
    /// <param name="n">Number of observations, positive.</param>
    /// <param name="random">The random source (standard normals are drawn column by column).</param>
    /// <returns>An n x |V| matrix, columns in node order.</returns>
    public Matrix<double> Simulate(int n, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int p = Graph.Count;
        var z = Matrix<double>.Build.Dense(n, p);
        MathNet.Numerics.Distributions.Normal.Samples(random, z.AsColumnMajorArray(), 0, 1);
        var e = z * Omega.Cholesky().Factor.Transpose();
        for (int v = 0; v < p; v++)
            if (Intercepts[v] != 0) e.SetColumn(v, e.Column(v) + Intercepts[v]);
        return e * Transfer();
    }

    /// <summary>Path diagram with lambda on the arrows, omega on the bidirected edges and the variances under the nodes.</summary>
    public ScottPlot.Plot PlotPathDiagram() =>
        PathDiagram.Draw("Linear SEM", Graph, new HashSet<int>(),
            e => PathDiagram.Format(Lambda[Graph.Directed[e].From, Graph.Directed[e].To]),
            b => PathDiagram.Format(Omega[Graph.Bidirected[b].A, Graph.Bidirected[b].B]),
            v => "var " + PathDiagram.Format(Omega[v, v]));

    /// <summary>
    /// Reads a model in the JSON format
    /// <c>{"nodes":[...],"directed":[{"from","to","weight"}],"bidirected":[{"a","b","weight"}],"variances":{"node":value}}</c>.
    /// Every edge needs a weight and every node a variance.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    public static LinearSem FromJson(string json)
    {
        var graph = ReadGraph(json, out var weights);
        var theta = new double[graph.ParameterCount];
        int d = graph.Directed.Count, n = graph.Count;
        for (int i = 0; i < theta.Length; i++)
        {
            string name = i < d ? $"directed edge {graph.Nodes[graph.Directed[i].From]} -> {graph.Nodes[graph.Directed[i].To]}"
                : i < d + n ? $"variance of node '{graph.Nodes[i - d]}'"
                : $"bidirected edge {graph.Nodes[graph.Bidirected[i - d - n].A]} <-> {graph.Nodes[graph.Bidirected[i - d - n].B]}";
            theta[i] = weights[i] ?? throw new ArgumentException($"The {name} has no weight; covariance needs numeric parameters.", nameof(json));
        }
        return new LinearSem(graph, theta);
    }

    /// <summary>Writes the model in the JSON format.</summary>
    public string ToJson() => Econometrics.Reporting.Json.Serialize(w => { w.WriteStartObject(); Graph.WriteJsonBody(w, this); w.WriteEndObject(); });

    internal static MixedGraph ReadGraph(string json, out double?[] weights)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException ex) { throw new ArgumentException($"Invalid graph JSON at line {ex.LineNumber + 1}: {ex.Message}", nameof(json), ex); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ArgumentException("Graph JSON must be an object with \"nodes\".", nameof(json));
            if (!root.TryGetProperty("nodes", out var nodesEl) || nodesEl.ValueKind != JsonValueKind.Array)
                throw new ArgumentException("Graph JSON needs \"nodes\": an array of node names.", nameof(json));
            var nodes = nodesEl.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()!
                : throw new ArgumentException("\"nodes\" must hold strings.", nameof(json))).ToList();
            var directed = new List<(string, string)>(); var dw = new List<double?>();
            foreach (var e in Items(root, "directed"))
            {
                directed.Add((Str(e, "from", "directed"), Str(e, "to", "directed")));
                dw.Add(Weight(e, "directed"));
            }
            var bidirected = new List<(string, string)>(); var bw = new List<double?>();
            foreach (var e in Items(root, "bidirected"))
            {
                bidirected.Add((Str(e, "a", "bidirected"), Str(e, "b", "bidirected")));
                bw.Add(Weight(e, "bidirected"));
            }
            var graph = new MixedGraph(nodes, directed, bidirected);
            var vw = new double?[nodes.Count];
            if (root.TryGetProperty("variances", out var vars))
            {
                if (vars.ValueKind != JsonValueKind.Object) throw new ArgumentException("\"variances\" must be an object {\"node\": value}.", nameof(json));
                foreach (var p in vars.EnumerateObject())
                {
                    int v = graph.IndexOf(p.Name);
                    vw[v] = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble()
                        : throw new ArgumentException($"\"variances\".\"{p.Name}\" must be a number.", nameof(json));
                }
            }
            weights = dw.Concat(vw).Concat(bw).ToArray();
            return graph;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var el)) return [];
        if (el.ValueKind != JsonValueKind.Array) throw new ArgumentException($"\"{name}\" must be an array of edge objects.", "json");
        return el.EnumerateArray().ToArray();
    }

    private static string Str(JsonElement e, string key, string list) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new ArgumentException($"Each \"{list}\" edge needs a string \"{key}\".", "json");

    private static double? Weight(JsonElement e, string list) =>
        !e.TryGetProperty("weight", out var w) || w.ValueKind == JsonValueKind.Null ? null
            : w.ValueKind == JsonValueKind.Number ? w.GetDouble()
            : throw new ArgumentException($"A \"{list}\" edge weight must be a number.", "json");
}
