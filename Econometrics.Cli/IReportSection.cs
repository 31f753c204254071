using Econometrics.Reporting;

namespace Econometrics.Cli;

/// <summary>One capability's section of <c>econ report</c>.</summary>
public interface IReportSection
{
    /// <summary>The section heading.</summary>
    string Title { get; }

    /// <summary>Fills the section from the shipped data.</summary>
    /// <param name="section">The section to fill.</param>
    /// <param name="context">Data, seed, progress and cancellation.</param>
    void Write(ReportSection section, ReportContext context);
}
