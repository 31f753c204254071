using System.Text.Json;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>Proportionality rho_p and the variation of every pair of parts, with an optional permutation FDR table.</summary>
/// <param name="Parts">Part names, in matrix order.</param>
/// <param name="NObs">Number of samples.</param>
/// <param name="Rho">Proportionality coefficients (unit diagonal).</param>
/// <param name="Variation">Variation matrix T_ij = var(log(x_i/x_j)).</param>
/// <param name="Diagnostics">Zero replacement notes.</param>
public sealed record ProportionalityResult(IReadOnlyList<string> Parts, int NObs, Matrix<double> Rho, Matrix<double> Variation,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The permutation FDR of rho_p at each cutoff, when one was run.</summary>
    public PermutationFdrResult? Fdr { get; init; }

    /// <summary>The pairs ordered by rho_p (the strongest 25 when there are many), and the FDR table.</summary>
    public SummaryTable Summary()
    {
        int d = Parts.Count;
        var s = new SummaryTable("Proportionality (rho_p, clr reference)")
            .AddHeader("Samples", NObs)
            .AddHeader("Parts", d);
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < d; i++) for (int j = i + 1; j < d; j++) pairs.Add((i, j));
        var shown = pairs.OrderByDescending(p => Rho[p.I, p.J]).Take(25).ToList();
        var t = new Table(shown.Count < pairs.Count ? $"Strongest {shown.Count} of {pairs.Count} pairs" : "Pairs by rho_p", "Pair", "rho_p", "Variation");
        foreach (var (i, j) in shown) t.AddRow($"{Parts[i]}-{Parts[j]}", Cell.Num(Rho[i, j], "F4"), Cell.Num(Variation[i, j], "G6"));
        s.AddTable(t);
        foreach (var dg in Diagnostics) s.AddNote(dg.ToString());
        Fdr?.AddTo(s);
        return s;
    }

    /// <inheritdoc/>
    public override string ToString() => Summary().ToText();

    /// <summary>HTML rendering of <see cref="Summary"/>.</summary>
    public string ToHtml() => Summary().ToHtml();

    /// <summary>Markdown rendering of <see cref="Summary"/>.</summary>
    public string ToMarkdown() => Summary().ToMarkdown();

    /// <summary>JSON: <c>parts</c>, <c>nObs</c>, <c>proportionality</c>, <c>variation</c>, the FDR fields (<c>fdr</c> table) when run, and <c>diagnostics</c>.</summary>
    public string ToJson() => Json.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("parts");
        foreach (var p in Parts) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteNumber("nObs", NObs);
        Json.WriteMatrix(w, "proportionality", Rho);
        Json.WriteMatrix(w, "variation", Variation);
        Fdr?.WriteProperties(w);
        Json.WriteDiagnostics(w, Diagnostics.Concat(Fdr?.Diagnostics ?? []));
        w.WriteEndObject();
    });

    /// <summary>Heatmap of rho_p, parts in clustered order.</summary>
    public ScottPlot.Plot PlotHeatmap() => CompositionalPlots.Heatmap(Rho, Parts, "Proportionality rho_p");
}
