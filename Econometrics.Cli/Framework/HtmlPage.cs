using System.Net;

namespace Econometrics.Cli;

/// <summary>A standalone, styled HTML page around a result's HTML (what <c>--html</c> writes).</summary>
public static class HtmlPage
{
    /// <summary>The page.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="body">The result's HTML.</param>
    public static string Standalone(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + WebUtility.HtmlEncode(title) +
        "</title>\n<style>\n" + Css + "</style>\n</head>\n<body>\n<h1>" + WebUtility.HtmlEncode(title) + "</h1>\n" + body +
        "\n</body>\n</html>\n";

    private const string Css = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1000px; margin: 2em auto; color: #222; line-height: 1.45; }
        h1 { border-bottom: 2px solid #333; padding-bottom: .2em; }
        table { border-collapse: collapse; margin: .8em 0; font-size: 0.92em; }
        th, td { padding: .25em .7em; border-bottom: 1px solid #ddd; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding: .3em 0; }
        pre { background: #f6f6f6; padding: .8em; overflow-x: auto; }
        .econ-notes { font-size: .9em; color: #555; }

        """;
}
