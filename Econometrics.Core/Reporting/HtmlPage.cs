using System.Net;
using System.Text;

namespace Econometrics.Reporting;

/// <summary>A standalone, styled HTML page around rendered fragments; the report and every <c>--html</c> output use it.</summary>
public static class HtmlPage
{
    /// <summary>The style sheet shared by result pages and reports.</summary>
    public const string Css = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em;
               color: #222; line-height: 1.45; }
        h1 { border-bottom: 2px solid #333; padding-bottom: .2em; }
        h2 { border-bottom: 1px solid #bbb; margin-top: 2em; }
        h3 { margin-bottom: .3em; }
        table { border-collapse: collapse; margin: .8em 0; font-size: 0.92em; }
        th, td { padding: .25em .7em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #888; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding: .3em 0; }
        pre { background: #f6f6f6; padding: .8em; overflow-x: auto; }
        figure { margin: 1em 0; } figure img, figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: .9em; color: #555; }
        .econ-notes { font-size: .9em; color: #555; }
        .math { font-family: "DejaVu Sans Mono", monospace; margin: .2em 0 .2em 1.5em; }
        nav.toc ol { margin: .3em 0; }
        """;

    /// <summary>A complete HTML document with the shared style sheet.</summary>
    /// <param name="title">The page title (also the first heading).</param>
    /// <param name="body">The HTML body content, already encoded.</param>
    public static string Render(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title); ArgumentNullException.ThrowIfNull(body);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n")
          .Append(body).Append("</body>\n</html>\n");
        return sb.ToString();
    }
}
