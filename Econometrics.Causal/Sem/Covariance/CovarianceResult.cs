using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Covariance;

/// <summary>The covariance matrix of a numeric linear SEM by one or more methods, with their largest disagreement and,
/// optionally, the symbolic one-connection form.</summary>
public sealed class CovarianceResult : SummarizedResult
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
    public LinearSem Model { get; }

    /// <summary>Sigma by each method, in order.</summary>
    public IReadOnlyList<(string Method, Matrix<double> Sigma)> Methods { get; }

    /// <summary>Sigma by the first method.</summary>
    public Matrix<double> Covariance => Methods[0].Sigma;

    /// <summary>The symbolic form, when requested.</summary>
    public SymbolicCovariance? Symbolic { get; }

    /// <summary>Largest absolute difference between any method and the first.</summary>
    public double MaxDifference => Methods.Skip(1).Select(m => (m.Sigma - Covariance).Enumerate().Max(Math.Abs)).DefaultIfEmpty(0).Max();

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

    /// <summary>JSON: <c>{"nodes","covariance":[[...]],"methods":{...},"maxDifference","symbolic"?}</c>.</summary>
    public override string ToJson() => Json.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("nodes"); foreach (var v in Model.Graph.Nodes) w.WriteStringValue(v); w.WriteEndArray();
        WriteRows(w, "covariance", Covariance);
        w.WriteStartObject("methods");
        foreach (var (m, sigma) in Methods) WriteRows(w, Json.CamelCase(m.Replace("-", " ")), sigma);
        w.WriteEndObject();
        Json.WriteNumber(w, "maxDifference", MaxDifference);
        if (Symbolic is not null)
        {
            var names = Model.Graph.ParameterNames(); var tex = Model.Graph.ParameterLatexNames();
            w.WriteStartObject("symbolic");
            w.WriteString("determinant", Symbolic.Determinant.ToText(names));
            w.WriteString("latex", Symbolic.ToLatex());
            w.WriteStartArray("numerators");
            for (int i = 0; i < Model.Graph.Count; i++)
                for (int j = i; j < Model.Graph.Count; j++)
                {
                    w.WriteStartObject();
                    w.WriteString("row", Model.Graph.Nodes[i]); w.WriteString("column", Model.Graph.Nodes[j]);
                    w.WriteString("numerator", Symbolic.Numerator(i, j).ToText(names));
                    w.WriteString("numeratorLatex", Symbolic.Numerator(i, j).ToLatex(tex));
                    w.WriteEndObject();
                }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    private static void WriteRows(System.Text.Json.Utf8JsonWriter w, string name, Matrix<double> m)
    {
        w.WriteStartArray(name);
        for (int i = 0; i < m.RowCount; i++)
        {
            w.WriteStartArray();
            for (int j = 0; j < m.ColumnCount; j++) Json.WriteNumberValue(w, m[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
