using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Econometrics.Reporting;

namespace Econometrics;

/// <summary>
/// The base of every result: one declared content rendered as text, HTML, Markdown and JSON.
/// </summary>
/// <remarks>
/// Text, HTML and Markdown lay out <see cref="Summary"/>; JSON is the result's own public properties, serialized by
/// System.Text.Json source generation (camelCase keys, numbers as numbers, non-finite numbers as <c>null</c> with a
/// diagnostic naming them). A derived record declares its content once, as properties, and its layout once, as
/// <see cref="Summary"/>.
/// </remarks>
public abstract record Result
{
    /// <summary>A result without diagnostics (a derived constructor may set <see cref="Diagnostics"/>).</summary>
    protected Result() { }

    /// <summary>A result with diagnostics; positional records pass their <c>Diagnostics</c> parameter here.</summary>
    /// <param name="diagnostics">The diagnostics (null for none).</param>
    protected Result(IReadOnlyList<Diagnostic>? diagnostics) => Diagnostics = diagnostics ?? [];

    /// <summary>Conditions of the data or the computation that did not stop it (dropped data, non-convergence, ...).</summary>
    [JsonPropertyOrder(1000)]
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The result laid out for reading: header facts, tables and numbered notes.</summary>
    public abstract SummaryTable Summary();

    /// <summary>The source-generated serialization contract of the derived type.</summary>
    [JsonIgnore]
    protected abstract JsonTypeInfo JsonContract { get; }

    /// <summary>Plain-text summary, like statsmodels and lavaan print (at most 100 columns).</summary>
    public sealed override string ToString() => Summary().ToText();

    /// <summary>HTML fragment of <see cref="Summary"/>, for embedding in a page.</summary>
    public string ToHtml() => Summary().ToHtml();

    /// <summary>A standalone, styled HTML page of <see cref="Summary"/>.</summary>
    public string ToHtmlPage() => HtmlPage.Render(Summary().Title, ToHtml());

    /// <summary>GitHub-flavoured Markdown of <see cref="Summary"/>.</summary>
    public string ToMarkdown() => Summary().ToMarkdown();

    /// <summary>The result's properties as JSON: camelCase keys, typed numbers and booleans, null for non-finite numbers.</summary>
    public string ToJson() => ResultJson.Write(ToJsonNode());

    /// <summary>The JSON document as a node, for outputs that combine several results (write it with <see cref="ResultJson.Write"/>).</summary>
    public System.Text.Json.Nodes.JsonObject ToJsonNode() => ResultJson.ToNode(this, JsonContract);
}
