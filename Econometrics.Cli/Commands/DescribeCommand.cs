namespace Econometrics.Cli.Commands;

/// <summary><c>econ describe</c>: the linear-algebra backend in use, threads, and library versions.</summary>
public sealed class DescribeCommand : EconCommand
{
    private readonly SharedOptions _shared;

    /// <summary>Declares the command.</summary>
    public DescribeCommand() : base("describe", "backend, threads and versions", "econ describe --json -")
        => _shared = new SharedOptions(this, DataOption.None, plot: false);

    // Keys a reader would type; the display names (".NET", "OS") do not camel-case into them.
    private static readonly Dictionary<string, string> JsonKeys = new()
    {
        [".NET"] = "dotnet", ["OS"] = "os", ["BLAS threads"] = "blasThreads",
        ["OpenBLAS"] = "openBlas", ["Math.NET Numerics"] = "mathNetNumerics", ["ScottPlot"] = "scottPlot",
    };

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var facts = Toolkit.Facts();
        var text = string.Concat(facts.Select(f => $"{f.Key + ":",-24}{f.Value}\n"));
        string Json() => Reporting.Json.Serialize(w =>
        {
            w.WriteStartObject();
            foreach (var (k, v) in facts)
            {
                var key = JsonKeys.TryGetValue(k, out var known) ? known : Reporting.Json.CamelCase(k);
                // Counts are numbers; names and versions stay strings.
                if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) w.WriteNumber(key, n);
                else w.WriteString(key, v);
            }
            w.WriteEndObject();
        });
        string Html() => "<table>\n" + string.Concat(facts.Select(f =>
            $"<tr><th>{System.Net.WebUtility.HtmlEncode(f.Key)}</th><td>{System.Net.WebUtility.HtmlEncode(f.Value)}</td></tr>\n")) + "</table>";
        _shared.Emit(run, "econ describe", text, Json, Html);
        return 0;
    }
}
