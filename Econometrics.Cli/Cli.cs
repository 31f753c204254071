using Econometrics.Cli.Commands;

namespace Econometrics.Cli;

/// <summary>The <c>econ</c> dispatcher: finds the command, runs it, and maps failures to exit codes.</summary>
/// <remarks>Exit codes: 0 success; 2 bad input or usage (one <c>error: ...</c> line on stderr); 1 anything else.</remarks>
public static class Cli
{
    /// <summary>Every command, in the order <c>econ --help</c> lists them.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new ReportCommand(),
        new DescribeCommand(),
        new PanelCommand(),
        new CdCommand(),
        new CdMonteCarloCommand(),
        new SemCommand(),
        new CodaCommand(),
        new MoeCommand(),
        new InvarianceCommand(),
    ];

    /// <summary>Runs one invocation.</summary>
    /// <param name="args">The command line after <c>econ</c>.</param>
    /// <param name="console">Where to print.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                console.Out.Write(Help());
                return args.Length == 0 ? 2 : 0;
            }
            if (args[0] is "--version") { console.Out.WriteLine(Toolkit.Version); return 0; }
            var command = Commands.FirstOrDefault(c => c.Name == args[0])
                ?? throw new UsageException($"Unknown command '{args[0]}'; try one of: {string.Join(", ", Commands.Select(c => c.Name))}.");
            var parsed = new ParsedArgs(args.Skip(1), command.Flags);
            if (parsed.Has("help")) { console.Out.Write(command.Usage); return 0; }
            return command.Execute(parsed, console);
        }
        catch (Exception e) when (e is UsageException or ArgumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            console.Error.WriteLine($"error: {OneLine(e.Message)}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("error: cancelled.");
            return 1;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"error: {OneLine(e.Message)} ({e.GetType().Name})");
            return 1;
        }
    }

    // ArgumentException appends " (Parameter 'x')"; our messages already name the argument, so drop it.
    private static string OneLine(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s.ReplaceLineEndings(" "), @"\s*\(Parameter '[^']*'\)", "").Trim();

    private static string Help() =>
        "econ: statistical econometrics and causal inference\n\n" +
        "usage: econ <command> [subcommand] [--data FILE.csv] [options] [--json OUT] [--html OUT] [--plot OUT]\n\ncommands:\n" +
        string.Concat(Commands.Select(c => $"  {c.Name,-12} {c.Description}\n")) +
        "\nRun 'econ <command> --help' for a command's options.\n";
}
