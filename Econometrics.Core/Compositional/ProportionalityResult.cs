using System.Text.Json.Serialization;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>Proportionality rho_p and the variation of every pair of parts, with an optional permutation FDR table.</summary>
/// <param name="Parts">Part names, in matrix order.</param>
/// <param name="NObs">Number of samples.</param>
/// <param name="Rho">Proportionality coefficients (unit diagonal).</param>
/// <param name="Variation">Variation matrix T_ij = var(log(x_i/x_j)).</param>
/// <param name="Diagnostics">Zero replacement notes.</param>
public sealed record ProportionalityResult(IReadOnlyList<string> Parts, int NObs, [property: JsonPropertyName("proportionality")] Matrix<double> Rho,
    Matrix<double> Variation, IReadOnlyList<Diagnostic> Diagnostics) : PairwiseFdrResult(Diagnostics)
{

    /// <summary>The pairs ordered by rho_p (the strongest 25 when there are many), and the FDR table.</summary>
    public override SummaryTable Summary()
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
        Fdr?.AddTo(s, notes: false);
        return s;
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.ProportionalityResult;

    /// <summary>Heatmap of rho_p, parts in clustered order.</summary>
    public ScottPlot.Plot PlotHeatmap() => CompositionalPlots.Heatmap(Rho, Parts, "Proportionality rho_p");
}
