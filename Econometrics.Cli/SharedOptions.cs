using Econometrics.Reporting;

namespace Econometrics.Cli;

/// <summary>The options every analysis command shares: <c>--data</c>, <c>--json</c>, <c>--html</c>, <c>--plot</c>, <c>--seed</c>.</summary>
/// <param name="Data">The input CSV file.</param>
/// <param name="Json">Where to write JSON ("-" for stdout), or null.</param>
/// <param name="Html">Where to write an HTML fragment, or null.</param>
/// <param name="Plot">Where to write the plot (.png or .svg), or null.</param>
/// <param name="Seed">The random seed.</param>
public sealed record SharedOptions(string? Data, string? Json, string? Html, string? Plot, int Seed)
{
    /// <summary>The usage lines for the shared options.</summary>
    public const string Usage = """
          --data FILE.csv      input data (CSV with a header row)
          --json OUT.json      write the machine-readable result ('-' for stdout)
          --html OUT.html      write the result as an HTML fragment
          --plot OUT.png|svg   write the result's plot
          --seed N             random seed (default 20260101)
        """;

    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 20260101;

    /// <summary>Reads the shared options and validates output paths before any work is done.</summary>
    /// <param name="args">The parsed arguments.</param>
    /// <param name="dataRequired">Whether <c>--data</c> must be given.</param>
    public static SharedOptions From(ParsedArgs args, bool dataRequired = true)
    {
        var data = dataRequired ? args.Require("data", "the input CSV file") : args.Get("data");
        if (data is not null && !File.Exists(data)) throw new UsageException($"--data: file '{data}' does not exist.");
        var plot = args.Get("plot");
        if (plot is not null && Path.GetExtension(plot).ToLowerInvariant() is not (".png" or ".svg"))
            throw new UsageException($"--plot: '{plot}' must end in .png or .svg.");
        return new SharedOptions(data, args.Get("json"), args.Get("html"), plot, args.GetInt("seed", DefaultSeed));
    }

    /// <summary>Prints the summary and writes the requested outputs, after the computation has succeeded.</summary>
    /// <param name="console">The console.</param>
    /// <param name="summary">The human summary.</param>
    /// <param name="json">The JSON text.</param>
    /// <param name="html">The HTML fragment.</param>
    /// <param name="plot">Builds the plot, when one is requested; null when the command has none.</param>
    public void Emit(CliConsole console, string summary, Func<string> json, Func<string> html, Func<ScottPlot.Plot>? plot = null)
    {
        if (Json != "-") console.Out.Write(summary);
        if (Json == "-") console.Out.WriteLine(json());
        else if (Json is not null) WriteFile(Json, json());
        if (Html is not null) WriteFile(Html, html());
        if (Plot is not null)
        {
            if (plot is null) throw new UsageException("This command has no plot; drop --plot.");
            plot().SaveFigure(Plot);
        }
    }

    private static void WriteFile(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text);
    }
}
