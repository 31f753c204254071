using Econometrics.Reporting;

namespace Econometrics.Cli.ReportSections;

/// <summary>The report's first section: the Grunfeld investment panel as loaded by <see cref="PanelData"/>.</summary>
public sealed class DataSection : IReportSection
{
    /// <inheritdoc/>
    public string Title => "Data: the Grunfeld investment panel";

    /// <inheritdoc/>
    public void Write(ReportSection section, ReportContext context)
    {
        var panel = PanelData.Load(context.DataFile("grunfeld.csv"), "firm", "year");
        section.AddParagraph("Grunfeld (1958) investment data: gross investment (inv), market value (value) and capital stock " +
                             "(capital) of 10 large US firms, 1935-1954. See data/README.md for the source.");
        section.AddSummary(panel.Summary());
        section.AddFigure("grunfeld-inv", "Gross investment by firm, 1935-1954.", panel.PlotTrajectories("inv"));
    }
}
