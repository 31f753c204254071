using System.Net;
using System.Text;

namespace Econometrics.Reporting;

/// <summary>
/// A result summary as data: a title, a header of key/value facts, tables and notes. Every result's
/// <c>ToString()</c>, <c>ToHtml()</c>, <c>ToMarkdown()</c> and <c>ToJson()</c> render one of these.
/// </summary>
/// <remarks>Rendering uses the invariant culture and prints no timestamps, so output is deterministic.</remarks>
public sealed class SummaryTable
{
    private const int Width = 78;

    /// <summary>The widest a text summary should be; notes wrap to it.</summary>
    public const int MaxWidth = 100;
    private readonly List<KeyValuePair<string, Cell>> _header = [];
    private readonly List<Table> _tables = [];
    private readonly List<string> _notes = [];

    /// <summary>Creates an empty summary.</summary>
    /// <param name="title">The title, e.g. "Pesaran CD test".</param>
    public SummaryTable(string title) => Title = title ?? throw new ArgumentNullException(nameof(title));

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The header facts, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, Cell>> Header => _header;

    /// <summary>The tables, in order.</summary>
    public IReadOnlyList<Table> Tables => _tables;

    /// <summary>Notes printed under the tables (diagnostics, conventions).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds a header fact.</summary>
    /// <param name="key">The label.</param>
    /// <param name="value">The value.</param>
    /// <returns>This summary, for chaining.</returns>
    public SummaryTable AddHeader(string key, Cell value) { ArgumentNullException.ThrowIfNull(key); _header.Add(new(key, value)); return this; }

    /// <summary>Adds a table.</summary>
    /// <param name="table">The table.</param>
    /// <returns>This summary, for chaining.</returns>
    public SummaryTable AddTable(Table table) { ArgumentNullException.ThrowIfNull(table); _tables.Add(table); return this; }

    /// <summary>Adds a note.</summary>
    /// <param name="note">A full sentence.</param>
    /// <returns>This summary, for chaining.</returns>
    public SummaryTable AddNote(string note) { ArgumentNullException.ThrowIfNull(note); _notes.Add(note); return this; }

    /// <summary>Plain-text rendering in the style of statsmodels and lavaan summaries.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        int width = Math.Max(Math.Max(Width, Math.Min(Title.Length, MaxWidth)), _tables.Select(TextWidth).DefaultIfEmpty(0).Max());
        string rule = new('=', width), thin = new('-', width);
        int wrapAt = Math.Min(width, MaxWidth);
        sb.AppendLine(rule);
        foreach (var line in Title.Length <= wrapAt ? [Title] : TextWrap.Lines(Title, wrapAt)) sb.AppendLine(Center(line, width));
        sb.AppendLine(rule);
        if (_header.Count > 0)
        {
            // Long values (an evidence sentence, a computation path) wrap under themselves within the page's 100 columns.
            int kw = _header.Max(h => h.Key.Length) + 2;
            foreach (var (k, v) in _header)
            {
                var text = v.ToString();
                var lines = text.Length <= MaxWidth - kw ? [text] : TextWrap.Lines(text, Math.Max(MaxWidth - kw, 20));
                for (int i = 0; i < lines.Count; i++) sb.Append(i == 0 ? (k + ":").PadRight(kw) : new string(' ', kw)).AppendLine(lines[i]);
            }
        }
        foreach (var t in _tables)
        {
            sb.AppendLine(thin);
            if (t.Caption.Length > 0) sb.AppendLine(t.Caption);
            AppendTextTable(sb, t);
        }
        sb.AppendLine(rule);
        if (_notes.Count > 0)
        {
            sb.AppendLine("Notes:");
            for (int i = 0; i < _notes.Count; i++)
            {
                string marker = "[" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "] ";
                var lines = _notes[i].Split('\n');
                // The first line is prose, wrapped to the summary's width; further lines (formulas) stay one per line.
                var wrapped = TextWrap.Lines(lines[0], wrapAt - marker.Length);
                for (int k = 0; k < wrapped.Count; k++) sb.Append(k == 0 ? marker : new string(' ', marker.Length)).AppendLine(wrapped[k]);
                foreach (var line in lines.Skip(1)) sb.Append(new string(' ', marker.Length + 2)).AppendLine(line.TrimEnd());
            }
        }
        return sb.ToString();
    }

    /// <summary>HTML fragment: a titled header table, the tables, and the notes.</summary>
    public string ToHtml()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<div class=\"econ-summary\">\n<h3>").Append(E(Title)).Append("</h3>\n");
        if (_header.Count > 0)
        {
            sb.Append("<table class=\"econ-header\">\n");
            foreach (var (k, v) in _header) sb.Append("<tr><th>").Append(E(k)).Append("</th><td>").Append(E(v.ToString())).Append("</td></tr>\n");
            sb.Append("</table>\n");
        }
        foreach (var t in _tables)
        {
            sb.Append("<table class=\"econ-table\">\n");
            if (t.Caption.Length > 0) sb.Append("<caption>").Append(E(t.Caption)).Append("</caption>\n");
            sb.Append("<thead><tr>");
            foreach (var c in t.Columns) sb.Append("<th>").Append(E(c)).Append("</th>");
            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in t.Rows)
            {
                sb.Append("<tr>");
                foreach (var c in row) sb.Append(c.IsNumber ? "<td class=\"num\">" : "<td>").Append(E(c.ToString())).Append("</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }
        if (_notes.Count > 0)
        {
            sb.Append("<ol class=\"econ-notes\">\n");
            foreach (var n in _notes)
            {
                var lines = n.Split('\n');
                sb.Append("<li>").Append(E(lines[0]));
                foreach (var line in lines.Skip(1)) sb.Append("<div class=\"math\">").Append(E(line.Trim())).Append("</div>");
                sb.Append("</li>\n");
            }
            sb.Append("</ol>\n");
        }
        return sb.Append("</div>\n").ToString();
    }

    /// <summary>GitHub-flavoured Markdown rendering.</summary>
    public string ToMarkdown()
    {
        static string M(string s) => s.Replace("|", "\\|");
        var sb = new StringBuilder();
        sb.Append("### ").AppendLine(Title).AppendLine();
        if (_header.Count > 0)
        {
            sb.AppendLine("| | |").AppendLine("|---|---|");
            foreach (var (k, v) in _header) sb.Append("| ").Append(M(k)).Append(" | ").Append(M(v.ToString())).AppendLine(" |");
            sb.AppendLine();
        }
        foreach (var t in _tables)
        {
            if (t.Caption.Length > 0) sb.Append("**").Append(M(t.Caption)).AppendLine("**").AppendLine();
            sb.Append("| ").Append(string.Join(" | ", t.Columns.Select(M))).AppendLine(" |");
            sb.Append('|').Append(string.Concat(t.Columns.Select((_, i) => i == 0 ? "---|" : "---:|"))).AppendLine();
            foreach (var row in t.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(c => M(c.ToString())))).AppendLine(" |");
            sb.AppendLine();
        }
        for (int i = 0; i < _notes.Count; i++)
        {
            var lines = _notes[i].Split('\n');
            sb.Append(i + 1).Append(". ").AppendLine(M(lines[0]));
            foreach (var line in lines.Skip(1)) sb.Append("   `").Append(line.Trim()).AppendLine("`");
        }
        return sb.ToString();
    }

    /// <summary>JSON rendering: header facts as an object, tables as arrays of row objects keyed by camelCase column names.</summary>
    public string ToJson() => Json.Serialize(WriteJson);

    /// <summary>Writes the summary as one JSON object.</summary>
    /// <param name="w">The writer.</param>
    public void WriteJson(System.Text.Json.Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("title", Title);
        w.WriteStartObject("header");
        foreach (var (k, v) in _header) { w.WritePropertyName(Json.CamelCase(k)); Json.WriteCell(w, v); }
        w.WriteEndObject();
        w.WriteStartArray("tables");
        foreach (var t in _tables)
        {
            w.WriteStartObject();
            w.WriteString("caption", t.Caption);
            w.WriteStartArray("rows");
            var keys = t.Columns.Select(Json.CamelCase).ToArray();
            foreach (var row in t.Rows)
            {
                w.WriteStartObject();
                for (int i = 0; i < keys.Length; i++) { w.WritePropertyName(keys[i]); Json.WriteCell(w, row[i]); }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var n in _notes) w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();

    private static int[] NaturalWidths(Table t) =>
        t.Columns.Select((c, j) => Math.Max(c.Length, t.Rows.Select(r => r[j].ToString().Length).DefaultIfEmpty(0).Max())).ToArray();

    // A table wider than MaxWidth gives up the excess from its widest text column (a polynomial, a message), whose
    // cells then wrap onto continuation lines; -1 when the table fits as it is or has no text column to narrow.
    private static (int[] Widths, int Wrapped) ColumnWidths(Table t)
    {
        var w = NaturalWidths(t);
        int total = w.Sum() + 2 * (w.Length - 1);
        if (total <= MaxWidth) return (w, -1);
        int wrap = Enumerable.Range(0, w.Length).Where(j => t.Rows.All(r => !r[j].IsNumber)).OrderByDescending(j => w[j]).DefaultIfEmpty(-1).First();
        if (wrap < 0) return (w, -1);
        int narrowed = Math.Max(Math.Max(20, t.Columns[wrap].Length), w[wrap] - (total - MaxWidth));
        if (narrowed >= w[wrap]) return (w, -1);
        w[wrap] = narrowed;
        return (w, wrap);
    }

    private static int TextWidth(Table t)
    {
        var (w, _) = ColumnWidths(t);
        return w.Sum() + 2 * (w.Length - 1);
    }

    private static void AppendTextTable(StringBuilder sb, Table t)
    {
        var (w, wrapped) = ColumnWidths(t);
        // First column (labels) left-aligned, the rest right-aligned as numbers are; a wrapped text column reads left to right.
        string Pad(string text, int j, bool number) => (j == 0 && !number) || j == wrapped ? text.PadRight(w[j]) : text.PadLeft(w[j]);
        sb.AppendLine(string.Join("  ", t.Columns.Select((c, j) => Pad(c, j, false))).TrimEnd());
        foreach (var row in t.Rows)
        {
            var lines = wrapped >= 0 ? TextWrap.Lines(row[wrapped].ToString(), w[wrapped]) : [""];
            sb.AppendLine(string.Join("  ", row.Select((c, j) => Pad(j == wrapped ? lines[0] : c.ToString(), j, c.IsNumber))).TrimEnd());
            foreach (var more in lines.Skip(1))
                sb.AppendLine(string.Join("  ", row.Select((c, j) => Pad(j == wrapped ? more : "", j, c.IsNumber))).TrimEnd());
        }
    }

    private static string Center(string s, int width) => s.Length >= width ? s : new string(' ', (width - s.Length) / 2) + s;
}
