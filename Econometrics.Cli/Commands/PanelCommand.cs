using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ panel</c>: loads a long-format panel and prints its structure and descriptive statistics.</summary>
public sealed class PanelCommand : EconCommand
{
    private readonly SharedOptions _shared;
    private readonly System.CommandLine.Option<string?> _entity, _time;
    private readonly System.CommandLine.Option<string[]> _variables;

    /// <summary>Declares the command.</summary>
    public PanelCommand() : base("panel", "describe a long-format panel (entities, periods, balance, variables)",
        "econ panel --data data/grunfeld.csv --entity firm --time year --variables inv,value")
    {
        _shared = new SharedOptions(this);
        _entity = Declare(Opt.Column("--entity", "the entity (unit) column"));
        _time = Declare(Opt.Column("--time", "the time column"));
        _variables = Declare(Opt.List("--variables", "a,b", "the variables to describe (default: every numeric column)"));
    }

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var panel = PanelData.Load(_shared.DataPath(run)!, run.Get(_entity)!, run.Get(_time)!, run.Get(_variables));
        _shared.Emit(run, "Panel " + Path.GetFileName(_shared.DataPath(run)), panel.ToString(), panel.ToJson, panel.ToHtml,
            () => panel.PlotTrajectories(panel.Variables[0]));
        return 0;
    }
}
