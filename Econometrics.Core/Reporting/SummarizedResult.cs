using Econometrics.Reporting;

namespace Econometrics;

/// <summary>
/// Base of result types whose renderings all derive from one <see cref="SummaryTable"/>: text, HTML, Markdown and
/// (unless a result defines its own contract) JSON.
/// </summary>
public abstract class SummarizedResult
{
    /// <summary>The result as a summary table, the source of every rendering.</summary>
    public abstract SummaryTable Summary();

    /// <summary>Plain-text summary, like statsmodels and lavaan print.</summary>
    public override string ToString() => Summary().ToText();

    /// <summary>HTML rendering of <see cref="Summary"/>.</summary>
    public string ToHtml() => Summary().ToHtml();

    /// <summary>Markdown rendering of <see cref="Summary"/>.</summary>
    public string ToMarkdown() => Summary().ToMarkdown();

    /// <summary>JSON rendering: camelCase fields, numbers as numbers, NaN as null. By default the summary's JSON.</summary>
    public virtual string ToJson() => Summary().ToJson();
}
