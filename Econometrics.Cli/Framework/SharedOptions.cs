using System.CommandLine;

namespace Econometrics.Cli;

/// <summary>Where <c>--data</c> stands on a command.</summary>
public enum DataOption
{
    /// <summary>The command takes no <c>--data</c>.</summary>
    None,

    /// <summary><c>--data</c> may be given.</summary>
    Optional,

    /// <summary><c>--data</c> must be given.</summary>
    Required,
}

/// <summary>
/// The options analysis commands share: <c>--data</c>, <c>--json</c>, <c>--html</c>, <c>--plot</c> (only on commands
/// with a figure) and <c>--seed</c> (only on commands with random procedures), and <see cref="Emit"/>, which prints the
/// summary and stages the requested outputs.
/// </summary>
public sealed class SharedOptions
{
    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 20260101;

    /// <summary>Declares the shared options on <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="data">Whether the command takes <c>--data</c>.</param>
    /// <param name="plot">Whether the command has a figure (declares <c>--plot</c>).</param>
    /// <param name="seed">Whether the command has random procedures (declares <c>--seed</c>).</param>
    public SharedOptions(EconCommand command, DataOption data = DataOption.Required, bool plot = true, bool seed = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (data != DataOption.None)
            Data = command.Declare(Opt.InputFile("--data", "FILE.csv", "input data (CSV with a header row)", required: data == DataOption.Required));
        Json = command.Declare(Opt.OutputFile("--json", "OUT.json", "write the machine-readable result ('-' for stdout)", allowStdout: true));
        Html = command.Declare(Opt.OutputFile("--html", "OUT.html", "write the result as a standalone HTML page"));
        if (plot) Plot = command.Declare(Opt.OutputFile("--plot", "OUT.png|svg", "write the result's plot", false, ".png", ".svg"));
        if (seed) Seed = command.Declare(Opt.Int("--seed", "N", "random seed", DefaultSeed));
    }

    /// <summary><c>--data</c>, when declared.</summary>
    public Option<string?>? Data { get; }

    /// <summary><c>--json</c>.</summary>
    public Option<string?> Json { get; }

    /// <summary><c>--html</c>.</summary>
    public Option<string?> Html { get; }

    /// <summary><c>--plot</c>, when declared.</summary>
    public Option<string?>? Plot { get; }

    /// <summary><c>--seed</c>, when declared.</summary>
    public Option<int>? Seed { get; }

    /// <summary>The <c>--data</c> path (null when absent or not declared).</summary>
    /// <param name="run">The run.</param>
    public string? DataPath(CommandRun run) => Data is null ? null : run.Get(Data);

    /// <summary>The seed (the default when <c>--seed</c> is not declared).</summary>
    /// <param name="run">The run.</param>
    public int SeedValue(CommandRun run) => Seed is null ? DefaultSeed : run.Get(Seed);

    /// <summary>Prints the summary (or the JSON, for <c>--json -</c>) and stages the requested files.</summary>
    /// <param name="run">The run.</param>
    /// <param name="title">The page title for <c>--html</c>.</param>
    /// <param name="summary">The human summary.</param>
    /// <param name="json">The JSON text.</param>
    /// <param name="html">The HTML body.</param>
    /// <param name="plot">Builds the figure; required when the command declared <c>--plot</c>.</param>
    public void Emit(CommandRun run, string title, string summary, Func<string> json, Func<string> html, Func<ScottPlot.Plot>? plot = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(html);
        var jsonPath = run.Get(Json);
        if (jsonPath == "-") run.Print(json() + Environment.NewLine);
        else
        {
            run.Print(summary);
            if (jsonPath is not null) run.Outputs.WriteText(jsonPath, json());
        }
        if (run.Get(Html) is { } htmlPath) run.Outputs.WriteText(htmlPath, Reporting.HtmlPage.Render(title, html()));
        if (Plot is not null && run.Get(Plot) is { } plotPath)
        {
            if (plot is null) throw new InvalidOperationException("The command declared --plot but drew no figure.");
            var figure = plot();
            run.Outputs.Write(plotPath, staged => Reporting.Figures.SaveFigure(figure, staged));
        }
    }
}
