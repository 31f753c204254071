using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ panel</c>: loads a long-format panel and prints its structure and descriptive statistics.</summary>
public sealed class PanelCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "panel";

    /// <inheritdoc/>
    public string Description => "describe a long-format panel (entities, periods, balance, variables)";

    /// <inheritdoc/>
    public string Usage => "usage: econ panel --data FILE.csv --entity COL --time COL [--variables a,b] [options]\n\n" + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        var shared = SharedOptions.From(args);
        var entity = args.Require("entity", "the entity column");
        var time = args.Require("time", "the time column");
        var variables = args.GetList("variables");
        args.RejectUnknown();
        var panel = PanelData.Load(shared.Data!, entity, time, variables);
        shared.Emit(console, panel.ToString(), panel.ToJson, panel.ToHtml, () => panel.PlotTrajectories(panel.Variables[0]));
        return 0;
    }
}
