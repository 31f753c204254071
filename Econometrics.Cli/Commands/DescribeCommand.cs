namespace Econometrics.Cli.Commands;

/// <summary><c>econ describe</c>: the linear-algebra backend in use, threads, and library versions.</summary>
public sealed class DescribeCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "describe";

    /// <inheritdoc/>
    public string Description => "backend, threads and versions";

    /// <inheritdoc/>
    public string Usage => "usage: econ describe [--json OUT|-]\n";

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        var json = args.Get("json");
        args.RejectUnknown();
        var facts = Toolkit.Facts();
        var text = string.Concat(facts.Select(f => $"{f.Key + ":",-24}{f.Value}\n"));
        var body = Reporting.Json.Serialize(w =>
        {
            w.WriteStartObject();
            foreach (var (k, v) in facts) w.WriteString(Reporting.Json.CamelCase(k), v);
            w.WriteEndObject();
        });
        if (json == "-") console.Out.WriteLine(body);
        else
        {
            console.Out.Write(text);
            if (json is not null) File.WriteAllText(json, body);
        }
        return 0;
    }
}
