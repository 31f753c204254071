using System.Net;
using System.Text;

namespace Econometrics.Reporting;

/// <summary>
/// A reproducible research report: a provenance header (data, software, seeds, timings) and sections, rendered to
/// one self-contained HTML file (figures embedded as SVG images) and to Markdown (figures as SVG files beside it).
/// </summary>
public sealed class Report
{
    private readonly List<KeyValuePair<string, string>> _provenance = [];
    private readonly List<ReportSection> _sections = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="title">The report title.</param>
    public Report(string title) => Title = title ?? throw new ArgumentNullException(nameof(title));

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The provenance facts, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Provenance => _provenance;

    /// <summary>The sections, in order.</summary>
    public IReadOnlyList<ReportSection> Sections => _sections;

    /// <summary>Adds a provenance fact (data source and checksum, software version, seed, timing).</summary>
    /// <param name="key">The label.</param>
    /// <param name="value">The value.</param>
    /// <returns>This report, for chaining.</returns>
    public Report AddProvenance(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key); ArgumentNullException.ThrowIfNull(value);
        _provenance.Add(new(key, value));
        return this;
    }

    /// <summary>Appends a new section and returns it for filling.</summary>
    /// <param name="title">The section heading.</param>
    public ReportSection AddSection(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var s = new ReportSection(title);
        _sections.Add(s);
        return s;
    }

    /// <summary>
    /// Renders the whole report as one self-contained HTML document: a table of contents, the provenance, and the
    /// sections. Figures are embedded as <c>&lt;img&gt;</c> data URIs, so the ids inside one figure's SVG can never
    /// collide with another's.
    /// </summary>
    public string ToHtml()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(E(Title)).Append("</h1>\n<nav class=\"toc\">\n<h2>Contents</h2>\n<ol>\n")
          .Append("<li><a href=\"#provenance\">Provenance</a></li>\n");
        for (int i = 0; i < _sections.Count; i++)
            sb.Append("<li><a href=\"#").Append(Anchor(i)).Append("\">").Append(E(_sections[i].Title)).Append("</a></li>\n");
        sb.Append("</ol>\n</nav>\n");
        sb.Append("<section class=\"provenance\" id=\"provenance\">\n<h2>Provenance</h2>\n<table>\n");
        foreach (var (k, v) in _provenance) sb.Append("<tr><th>").Append(E(k)).Append("</th><td>").Append(E(v)).Append("</td></tr>\n");
        sb.Append("</table>\n</section>\n");
        for (int i = 0; i < _sections.Count; i++)
        {
            var section = _sections[i];
            sb.Append("<section id=\"").Append(Anchor(i)).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportSection.Paragraph p: sb.Append("<p>").Append(E(p.Text)).Append("</p>\n"); break;
                    case ReportSection.Preformatted p: sb.Append("<pre>").Append(E(p.Text)).Append("</pre>\n"); break;
                    case ReportSection.Summary s: sb.Append(s.Table.ToHtml()); break;
                    case ReportSection.Reproduction r:
                        sb.Append("<p class=\"econ-notes\">Reproduce with:</p>\n<pre>").Append(E(r.Command)).Append("</pre>\n");
                        break;
                    case ReportSection.Figure f:
                        sb.Append("<figure>\n<img alt=\"").Append(E(f.Caption)).Append("\" src=\"data:image/svg+xml;base64,")
                          .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(f.Svg))).Append("\">\n<figcaption>")
                          .Append(E(f.Caption)).Append("</figcaption>\n</figure>\n");
                        break;
                }
            }
            sb.Append("</section>\n");
        }
        return HtmlPage.Render(Title, sb.ToString());
    }

    // GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
    private static string MarkdownAnchor(string title) =>
        new string(title.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');

    private static string Anchor(int i) => "section-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Renders the report as Markdown; figures are referenced as <c>figures/NAME.svg</c>.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(Title).AppendLine();
        sb.AppendLine("1. [Provenance](#provenance)");
        for (int i = 0; i < _sections.Count; i++)
            sb.Append(i + 2).Append(". [").Append(_sections[i].Title).Append("](#").Append(MarkdownAnchor(_sections[i].Title)).AppendLine(")");
        sb.AppendLine().AppendLine("## Provenance").AppendLine();
        sb.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (k, v) in _provenance) sb.Append("| ").Append(k).Append(" | ").Append(v.Replace("|", "\\|")).AppendLine(" |");
        sb.AppendLine();
        foreach (var section in _sections)
        {
            sb.Append("## ").AppendLine(section.Title).AppendLine();
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportSection.Paragraph p: sb.AppendLine(p.Text).AppendLine(); break;
                    case ReportSection.Preformatted p: sb.AppendLine("```").AppendLine(p.Text.TrimEnd()).AppendLine("```").AppendLine(); break;
                    case ReportSection.Summary s: sb.AppendLine(s.Table.ToMarkdown()); break;
                    case ReportSection.Figure f: sb.Append("![").Append(f.Caption).Append("](figures/").Append(f.Name).AppendLine(".svg)").AppendLine(); break;
                    case ReportSection.Reproduction r:
                        sb.AppendLine("Reproduce with:").AppendLine().AppendLine("```").AppendLine(r.Command).AppendLine("```").AppendLine(); break;
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Renders the report as plain text within <see cref="SummaryTable.MaxWidth"/> columns: the contents, the provenance,
    /// and each section's paragraphs (wrapped), summaries, reproducing commands and figure captions.
    /// </summary>
    public string ToText()
    {
        const int width = SummaryTable.MaxWidth;
        var sb = new StringBuilder();
        void Wrapped(string text, string indent = "")
        {
            foreach (var line in TextWrap.Lines(text, width - indent.Length)) sb.Append(indent).AppendLine(line);
        }
        sb.AppendLine(Title).AppendLine(new string('=', Math.Min(width, Title.Length))).AppendLine().AppendLine("Contents");
        sb.AppendLine("1. Provenance");
        for (int i = 0; i < _sections.Count; i++) Wrapped($"{i + 2}. {_sections[i].Title}");
        sb.AppendLine().AppendLine("1. Provenance");
        // Key and value on one line when they fit; otherwise the value goes under its key, indented.
        int key = Math.Min(30, _provenance.Select(p => p.Key.Length).DefaultIfEmpty(0).Max());
        foreach (var (k, v) in _provenance)
        {
            if (Math.Max(key, k.Length) + v.Length + 4 <= width) sb.Append("  ").Append(k.PadRight(key)).Append("  ").AppendLine(v);
            else
            {
                sb.Append("  ").AppendLine(k);
                Wrapped(v, "      ");
            }
        }
        for (int i = 0; i < _sections.Count; i++)
        {
            var section = _sections[i];
            sb.AppendLine();
            Wrapped($"{i + 2}. {section.Title}");
            foreach (var block in section.Blocks)
            {
                sb.AppendLine();
                switch (block)
                {
                    case ReportSection.Paragraph p: Wrapped(p.Text); break;
                    case ReportSection.Preformatted p: foreach (var line in p.Text.TrimEnd().Split('\n')) Wrapped(line.TrimEnd(), "    "); break;
                    case ReportSection.Summary s: sb.Append(s.Table.ToText()); break;
                    case ReportSection.Figure f: Wrapped($"[Figure {f.Name}] {f.Caption}"); break;
                    case ReportSection.Reproduction r:
                        // Continuation backslashes keep a wrapped command pasteable into a shell.
                        sb.AppendLine("Reproduce with:");
                        var parts = TextWrap.Lines(r.Command, width - 6);
                        for (int k = 0; k < parts.Count; k++) sb.Append("    ").Append(parts[k]).AppendLine(k < parts.Count - 1 ? " \\" : "");
                        break;
                }
            }
        }
        return sb.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>Writes <c>index.html</c>, <c>report.md</c>, <c>report.txt</c> and <c>figures/*.svg</c> into
    /// <paramref name="directory"/>.</summary>
    /// <remarks>Everything is rendered before the first file is written, so a rendering failure leaves no partial output.</remarks>
    /// <param name="directory">The output folder; created when missing.</param>
    public void WriteTo(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var figures = _sections.SelectMany(s => s.Blocks).OfType<ReportSection.Figure>().ToList();
        var duplicate = figures.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two figures are named '{duplicate.Key}'.");
        string html = ToHtml(), md = ToMarkdown(), text = ToText();
        Directory.CreateDirectory(directory);
        if (figures.Count > 0) Directory.CreateDirectory(Path.Combine(directory, "figures"));
        foreach (var f in figures) File.WriteAllText(Path.Combine(directory, "figures", f.Name + ".svg"), f.Svg);
        File.WriteAllText(Path.Combine(directory, "index.html"), html);
        File.WriteAllText(Path.Combine(directory, "report.md"), md);
        File.WriteAllText(Path.Combine(directory, "report.txt"), text);
    }
}
