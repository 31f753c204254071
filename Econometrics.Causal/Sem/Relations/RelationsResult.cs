using Econometrics.Reporting;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Relations;

/// <summary>Polynomial relations among the observed covariances of a linear SEM, up to a degree.</summary>
public sealed class RelationsResult : SummarizedResult
{
    internal RelationsResult(MixedGraph graph, IReadOnlyList<string> observed, IReadOnlyList<string> names, int maxDegree, IReadOnlyList<CovarianceRelation> relations)
    {
        Graph = graph; Observed = observed; VariableNames = names; MaxDegree = maxDegree; Relations = relations;
    }

    /// <summary>The graph.</summary>
    public MixedGraph Graph { get; }

    /// <summary>The observed nodes.</summary>
    public IReadOnlyList<string> Observed { get; }

    /// <summary>Names of the covariance variables s_ij (i &lt;= j over the observed nodes), the polynomials' variables.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>The degree searched up to.</summary>
    public int MaxDegree { get; }

    /// <summary>Minimal new relations found at each degree (lower-degree relations times monomials are left out).</summary>
    public IReadOnlyList<CovarianceRelation> Relations { get; }

    /// <summary>The relations as text.</summary>
    public IReadOnlyList<string> RelationTexts() => Relations.Select(r => r.Polynomial.ToText(VariableNames)).ToArray();

    /// <summary>The summary.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Polynomial relations among covariances")
            .AddHeader("Graph", Graph.ToString())
            .AddHeader("Observed", string.Join(", ", Observed))
            .AddHeader("Degrees searched", $"1..{MaxDegree}")
            .AddHeader("Relations found", Relations.Count);
        var t = new Table("Relations f(Sigma) = 0", "Degree", "Polynomial", "Certified");
        foreach (var r in Relations) t.AddRow(r.Degree, r.Polynomial.ToText(VariableNames), r.Certified ? "yes" : "no");
        s.AddTable(t);
        s.AddNote("Found as kernels of monomial evaluations modulo 2^31 - 1, block by multidegree; certified exactly at random rational parameter points.");
        return s;
    }

    /// <summary>JSON: <c>{"observed","variables","relations":[{"degree","multidegree","polynomial","latex","certified"}]}</c>.</summary>
    public override string ToJson() => Json.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("observed"); foreach (var v in Observed) w.WriteStringValue(v); w.WriteEndArray();
        w.WriteStartArray("variables"); foreach (var v in VariableNames) w.WriteStringValue(v); w.WriteEndArray();
        w.WriteNumber("maxDegree", MaxDegree);
        w.WriteStartArray("relations");
        var latex = VariableNames.Select(v => v.StartsWith("s(", StringComparison.Ordinal) ? $"\\sigma_{{{v[2..^1]}}}" : $"\\sigma_{{{v[1..]}}}").ToArray();
        foreach (var r in Relations)
        {
            w.WriteStartObject();
            w.WriteNumber("degree", r.Degree);
            w.WriteStartArray("multidegree"); foreach (int x in r.Multidegree) w.WriteNumberValue(x); w.WriteEndArray();
            w.WriteString("polynomial", r.Polynomial.ToText(VariableNames));
            w.WriteString("latex", r.Polynomial.ToLatex(latex));
            w.WriteBoolean("certified", r.Certified);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
