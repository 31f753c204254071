using Econometrics.Reporting;
using ScottPlot;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Fitting;

public sealed partial record SemFit
{
    /// <summary>Path diagram of the fitted model with the estimates on the edges (fixed values marked with *).</summary>
    public Plot PlotPathDiagram()
    {
        var g = Graph();
        var latent = new HashSet<int>(Enumerable.Range(_model.Observed, _model.Size - _model.Observed));
        string Lab(ParameterEstimate e) => PathDiagram.Format(e.Estimate) + (e.Free ? "" : "*");
        ParameterEstimate Directed(int k)
        {
            string from = g.Nodes[g.Directed[k].From], to = g.Nodes[g.Directed[k].To];
            return Estimates.First(e => (e.Op == "=~" && e.Lhs == from && e.Rhs == to) || (e.Op == "~" && e.Lhs == to && e.Rhs == from));
        }
        return PathDiagram.Draw("Path diagram (ML estimates; * fixed)", g, latent,
            k => Lab(Directed(k)),
            k => Lab(Get(g.Nodes[g.Bidirected[k].A], "~~", g.Nodes[g.Bidirected[k].B])),
            v => Estimates.FirstOrDefault(e => e.Op == "~~" && e.Lhs == g.Nodes[v] && e.Rhs == g.Nodes[v]) is { } e ? "var " + Lab(e) : null);
    }

    /// <summary>Heatmap of the residual correlations (sample minus implied, each scaled to a correlation).</summary>
    public Plot PlotResidualCorrelations()
    {
        var r = ResidualCorrelations();
        int p = r.RowCount;
        // Row 0 of a ScottPlot heatmap is drawn at the top, matching a printed matrix.
        var data = new double[p, p];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) data[i, j] = r[i, j];
        double lim = Math.Max(0.05, r.Enumerate().Max(Math.Abs));
        var plot = Figures.MatrixHeatmap($"Residual correlations (SRMR = {FitMeasures.Srmr:F3})", data, ObservedVariables.ToArray(), lim);
        return plot;
    }
}
