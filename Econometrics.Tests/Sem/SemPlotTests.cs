using Econometrics.Reporting;
using Xunit;
using Econometrics.Sem.Graphs;

namespace Econometrics.Tests.Sem;

public class SemPlotTests
{
    [Fact]
    public void PathDiagramAndResidualHeatmap_Render()
    {
        var fit = LavaanFixtureTests.FitCase("lavaan_poldem_sem");
        string svg = fit.PlotPathDiagram().ToSvg();
        Assert.Contains("<svg", svg);
        Assert.Contains("dem65", svg);
        Assert.Contains("0.84", svg); // dem65 ~ dem60 = 0.837
        Assert.Contains("<svg", fit.PlotResidualCorrelations().ToSvg());
        var sem = new LinearSem(SemTestGraphs.G4, [0.5, 1.0 / 3, 0.25, 0.2, 1, 2, 3, 4, 1.0 / 6]);
        Assert.Contains("<svg", sem.PlotPathDiagram().ToSvg());
        string dir = Path.Combine(Path.GetTempPath(), "sem-plots");
        Figures.SaveFigure(fit.PlotPathDiagram(), Path.Combine(dir, "poldem-path.png"), 1000, 600);
        Figures.SaveFigure(fit.PlotResidualCorrelations(), Path.Combine(dir, "poldem-resid.png"), 700, 600);
        Figures.SaveFigure(sem.PlotPathDiagram(), Path.Combine(dir, "g4-path.png"), 700, 600);
        Figures.SaveFigure(LavaanFixtureTests.FitCase("lavaan_hs_cfa").PlotPathDiagram(), Path.Combine(dir, "hs-path.png"), 1000, 600);
    }
}
