using Econometrics.Causal;
using Econometrics.Reporting;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Relations;

/// <summary>Polynomial relations among the observed covariances of a linear SEM, up to a degree.</summary>
public sealed record RelationsResult : Result
{
    internal RelationsResult(MixedGraph graph, IReadOnlyList<string> observed, IReadOnlyList<string> names, int maxDegree,
        IReadOnlyList<CovarianceRelation> relations)
    {
        Graph = graph; Observed = observed; VariableNames = names; MaxDegree = maxDegree; Relations = relations;
    }

    /// <summary>The graph.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public MixedGraph Graph { get; }

    /// <summary>The observed nodes.</summary>
    public IReadOnlyList<string> Observed { get; }

    /// <summary>Names of the covariance variables s_ij (i &lt;= j over the observed nodes), the polynomials' variables.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("variables")]
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>The degree searched up to.</summary>
    public int MaxDegree { get; }

    /// <summary>Minimal new relations found at each degree (lower-degree relations times monomials are left out).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<CovarianceRelation> Relations { get; }

    /// <summary>The relations as text and LaTeX, with their degrees and certification.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("relations")]
    public IReadOnlyList<RelationText> RelationRows
    {
        get
        {
            var latex = VariableNames.Select(v => v.StartsWith("s(", StringComparison.Ordinal) ? $"\\sigma_{{{v[2..^1]}}}" : $"\\sigma_{{{v[1..]}}}").ToArray();
            return Relations.Select(r => new RelationText(r.Degree, r.Multidegree.ToArray(), r.Polynomial.ToText(VariableNames), r.Polynomial.ToLatex(latex),
                r.Certified)).ToArray();
        }
    }

    /// <summary>The relations as text.</summary>
    public IReadOnlyList<string> RelationTexts() => Relations.Select(r => r.Polynomial.ToText(VariableNames)).ToArray();

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.RelationsResult;

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

}
