using Econometrics.Causal;
using Econometrics.Reporting;
using System.Text.Json.Serialization;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Covariance;

/// <summary>The covariance matrix of a numeric linear SEM by one or more methods, with their largest disagreement and,
/// optionally, the symbolic one-connection form.</summary>
public sealed record CovarianceResult : Result
{
    private CovarianceResult(LinearSem sem, IReadOnlyList<(string Method, Matrix<double> Sigma)> methods, SymbolicCovariance? symbolic)
    {
        Model = sem; Methods = methods; Symbolic = symbolic;
    }

    /// <summary>Computes Sigma by the requested methods ("inversion", "one-connection", "trek", or "all"; trek only for acyclic graphs under "all").</summary>
    /// <param name="sem">The model.</param>
    /// <param name="method">The method name.</param>
    /// <param name="symbolic">Whether to add the symbolic one-connection form.</param>
    public static CovarianceResult Compute(LinearSem sem, string method = "inversion", bool symbolic = false)
    {
        ArgumentNullException.ThrowIfNull(sem);
        var list = new List<(string, Matrix<double>)>();
        switch (method)
        {
            case "inversion": list.Add(("inversion", ImpliedCovariance.ByInversion(sem))); break;
            case "one-connection": list.Add(("one-connection", ImpliedCovariance.ByOneConnection(sem))); break;
            case "trek": list.Add(("trek", ImpliedCovariance.ByTrekRule(sem))); break;
            case "all":
                list.Add(("inversion", ImpliedCovariance.ByInversion(sem)));
                list.Add(("one-connection", ImpliedCovariance.ByOneConnection(sem)));
                if (sem.Graph.IsAcyclic) list.Add(("trek", ImpliedCovariance.ByTrekRule(sem)));
                break;
            default: throw new ArgumentException($"Unknown method '{method}'; expected inversion, one-connection, trek or all.", nameof(method));
        }
        return new CovarianceResult(sem, list, symbolic ? ImpliedCovariance.Symbolic(sem.Graph) : null);
    }

    /// <summary>The model.</summary>
    [JsonIgnore]
    public LinearSem Model { get; }

    /// <summary>The graph's nodes, in the order of Sigma's rows.</summary>
    public IReadOnlyList<string> Nodes => Model.Graph.Nodes;

    /// <summary>Sigma by each method, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Method, Matrix<double> Sigma)> Methods { get; }

    /// <summary>Sigma by each method, keyed by the method in camelCase ("inversion", "oneConnection", "trek").</summary>
    [JsonPropertyName("methods")]
    public IReadOnlyDictionary<string, Matrix<double>> SigmaByMethod =>
        Methods.ToDictionary(m => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(string.Concat(m.Method.Split('-').Select(
            w => char.ToUpperInvariant(w[0]) + w[1..]))), m => m.Sigma);

    /// <summary>Sigma by the first method.</summary>
    public Matrix<double> Covariance => Methods[0].Sigma;

    /// <summary>The symbolic form, when requested.</summary>
    [JsonIgnore]
    public SymbolicCovariance? Symbolic { get; }

    /// <summary>The symbolic form as text and LaTeX (determinant and one numerator per covariance), when requested.</summary>
    [JsonPropertyName("symbolic")]
    public SymbolicCovarianceText? SymbolicText
    {
        get
        {
            if (Symbolic is null) return null;
            var g = Model.Graph;
            var names = g.ParameterNames(); var tex = g.ParameterLatexNames();
            var numerators = new List<CovarianceNumerator>();
            for (int i = 0; i < g.Count; i++)
                for (int j = i; j < g.Count; j++)
                    numerators.Add(new(g.Nodes[i], g.Nodes[j], Symbolic.Numerator(i, j).ToText(names), Symbolic.Numerator(i, j).ToLatex(tex)));
            return new SymbolicCovarianceText(Symbolic.Determinant.ToText(names), Symbolic.ToLatex(), numerators);
        }
    }

    /// <summary>Largest absolute difference between any method and the first.</summary>
    public double MaxDifference => Methods.Skip(1).Select(m => (m.Sigma - Covariance).Enumerate().Max(Math.Abs)).DefaultIfEmpty(0).Max();

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.CovarianceResult;

    /// <summary>The summary: Sigma, the methods' agreement and the symbolic form.</summary>
    public override SummaryTable Summary()
    {
        var nodes = Model.Graph.Nodes;
        var s = new SummaryTable("Implied covariance of a linear SEM")
            .AddHeader("Graph", Model.Graph.ToString())
            .AddHeader("Acyclic", Model.Graph.IsAcyclic ? "yes" : "no")
            .AddHeader("Methods", string.Join(", ", Methods.Select(m => m.Method)));
        if (Methods.Count > 1) s.AddHeader("Max |difference|", Cell.Num(MaxDifference, "0.0e+00"));
        var t = new Table($"Sigma ({Methods[0].Method})", ["", .. nodes]);
        for (int i = 0; i < nodes.Count; i++)
            t.AddRow([nodes[i], .. Enumerable.Range(0, nodes.Count).Select(j => Cell.Num(Covariance[i, j], "F6"))]);
        s.AddTable(t);
        if (Symbolic is not null) s.AddNote("Symbolic (one-connection rule):\n" + Symbolic.ToText().TrimEnd());
        return s;
    }
}
