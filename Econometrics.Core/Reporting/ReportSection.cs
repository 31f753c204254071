using ScottPlot;

namespace Econometrics.Reporting;

/// <summary>One section of a <see cref="Report"/>: paragraphs, summaries and figures, in order.</summary>
public sealed class ReportSection
{
    internal abstract record Block;
    internal sealed record Paragraph(string Text) : Block;
    internal sealed record Preformatted(string Text) : Block;
    internal sealed record Summary(SummaryTable Table) : Block;
    internal sealed record Figure(string Name, string Caption, string Svg) : Block;
    internal sealed record Reproduction(string Command) : Block;

    private readonly List<Block> _blocks = [];

    internal ReportSection(string title) => Title = title;

    /// <summary>The section heading.</summary>
    public string Title { get; }

    internal IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>Adds a paragraph of plain text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This section, for chaining.</returns>
    public ReportSection AddParagraph(string text) { ArgumentNullException.ThrowIfNull(text); _blocks.Add(new Paragraph(text)); return this; }

    /// <summary>Adds monospaced text, such as a code sample or console output.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This section, for chaining.</returns>
    public ReportSection AddPreformatted(string text) { ArgumentNullException.ThrowIfNull(text); _blocks.Add(new Preformatted(text)); return this; }

    /// <summary>Adds the command line that reproduces what follows (data, seed and settings included).</summary>
    /// <param name="command">The command, e.g. <c>econ cd --data data/grunfeld.csv ...</c>.</param>
    /// <returns>This section, for chaining.</returns>
    public ReportSection AddReproduction(string command) { ArgumentNullException.ThrowIfNull(command); _blocks.Add(new Reproduction(command)); return this; }

    /// <summary>Adds a result summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>This section, for chaining.</returns>
    public ReportSection AddSummary(SummaryTable summary) { ArgumentNullException.ThrowIfNull(summary); _blocks.Add(new Summary(summary)); return this; }

    /// <summary>Adds a figure; it is rendered to SVG now, so later changes to the plot do not show.</summary>
    /// <param name="name">A file-name stem, unique within the report (letters, digits, '-' and '_').</param>
    /// <param name="caption">The caption.</param>
    /// <param name="plot">The plot.</param>
    /// <returns>This section, for chaining.</returns>
    public ReportSection AddFigure(string name, string caption, Plot plot)
    {
        ArgumentNullException.ThrowIfNull(name); ArgumentNullException.ThrowIfNull(caption); ArgumentNullException.ThrowIfNull(plot);
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_')))
            throw new ArgumentException($"Figure name '{name}' must be non-empty and use only letters, digits, '-' and '_'.", nameof(name));
        _blocks.Add(new Figure(name, caption, plot.ToSvg()));
        return this;
    }
}
