namespace Econometrics.Cli.Commands;

/// <summary><c>econ describe</c>: the linear-algebra backend in use, threads, and library versions.</summary>
public sealed class DescribeCommand : EconCommand
{
    private readonly SharedOptions _shared;

    /// <summary>Declares the command.</summary>
    public DescribeCommand() : base("describe", "backend, threads and versions", "econ describe --json -")
        => _shared = new SharedOptions(this, DataOption.None, plot: false);

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var facts = Toolkit.Facts();
        var text = string.Concat(facts.Select(f => $"{f.Key + ":",-24}{f.Value}\n"));
        string Json() => Reporting.Json.Serialize(w =>
        {
            w.WriteStartObject();
            foreach (var (k, v) in facts) w.WriteString(Reporting.Json.CamelCase(k), v);
            w.WriteEndObject();
        });
        string Html() => "<table>\n" + string.Concat(facts.Select(f =>
            $"<tr><th>{System.Net.WebUtility.HtmlEncode(f.Key)}</th><td>{System.Net.WebUtility.HtmlEncode(f.Value)}</td></tr>\n")) + "</table>";
        _shared.Emit(run, "econ describe", text, Json, Html);
        return 0;
    }
}
