using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Econometrics.Cli.Commands;

namespace Econometrics.Cli;

/// <summary>The <c>econ</c> entry point: parses and validates the command line, runs the command, applies the error contract.</summary>
/// <remarks>
/// Exit codes: 0 success; 2 bad input or usage (one <c>error: ...</c> line on stderr, nothing written); 130 cancelled;
/// 1 anything unforeseen (one line). Output files are staged and moved into place only when the whole run succeeded.
/// </remarks>
public static class Cli
{
    private static readonly ParserConfiguration Parsing = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    // The top-level commands by name, in the order `econ --help` lists them. Declaring a command JIT-compiles its
    // option types (generic over enums, beyond ReadyToRun's reach), so a run declares only the command it names:
    // about a third of `econ cd`'s start-up.
    private static readonly (string Name, Func<Command> Create)[] Factories =
    [
        ("report", () => new ReportCommand()),
        ("describe", () => new DescribeCommand()),
        ("panel", () => new PanelCommand()),
        ("cd", () => new CdCommand()),
        ("cd-mc", () => new CdMonteCarloCommand()),
        ("sem", SemCommands.Group),
        ("coda", CodaCommands.Group),
        ("moe", MoeCommands.Group),
        ("invariance", () => new InvarianceCommand()),
    ];

    /// <summary>The commands, in the order <c>econ --help</c> lists them (fresh instances: options hold no state).</summary>
    public static IReadOnlyList<Command> Commands() => Factories.Select(f => f.Create()).ToArray();

    /// <summary>The root command with every command, help (ending in an example) and version.</summary>
    public static RootCommand Root() => Root(Commands());

    /// <summary>The names of the top-level commands, as <see cref="Commands"/> declares them.</summary>
    public static IEnumerable<string> CommandNames => Factories.Select(f => f.Name);

    private static RootCommand Root(IEnumerable<Command> commands)
    {
        var root = new RootCommand("statistical econometrics and causal inference");
        root.Directives.Clear();
        foreach (var c in commands) root.Add(c);
        return root;
    }

    /// <summary>Runs one invocation.</summary>
    /// <param name="args">The command line after <c>econ</c>.</param>
    /// <param name="console">Where to print.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        // A known command as the first word needs only its own declaration; anything else (help, errors) sees them all.
        var named = args.Length > 0 ? Array.Find(Factories, f => f.Name == args[0]).Create : null;
        var root = named is null ? Root() : Root([named()]);
        if (args.Length == 0)
        {
            WriteHelp(root, root, console.Out);
            return Fail(console, null, ErrorContract.BadInput, "no command given; run 'econ --help' for the commands, or 'econ COMMAND --help' for one.");
        }
        var parse = root.Parse(args, Parsing);
        if (parse.Action is HelpAction)
        {
            WriteHelp(root, parse.CommandResult.Command, console.Out);
            return ErrorContract.Success;
        }
        if (args is ["--version"])
        {
            console.Out.WriteLine(Toolkit.Version);
            return ErrorContract.Success;
        }
        var chosen = parse.CommandResult.Command;
        if (chosen is not EconCommand && parse.UnmatchedTokens.Count == 0)
            return Fail(console, null, ErrorContract.BadInput,
                $"'econ {ErrorContract.CommandPath(chosen)}' needs a subcommand: {string.Join(", ", chosen.Subcommands.Select(s => s.Name))}.");
        if (parse.Errors.Count > 0 || chosen is not EconCommand command) return Fail(console, null, ErrorContract.BadInput, Describe(parse));

        using var outputs = new OutputFiles();
        var run = new CommandRun(parse, console, outputs);
        try
        {
            int code = command.Execute(run);
            console.Cancellation.ThrowIfCancellationRequested();
            run.Progress.EndLine();
            outputs.Commit();
            console.Out.Write(run.PendingOutput);
            return code;
        }
        catch (Exception e)
        {
            run.Progress.EndLine();
            var (code, message) = ErrorContract.Map(e, command);
            if (code == ErrorContract.Unexpected && Environment.GetEnvironmentVariable("ECON_DEBUG") == "1") console.Error.WriteLine(e);
            return Fail(console, command, code, message);
        }
    }

    private static int Fail(CliConsole console, EconCommand? command, int code, string message)
    {
        _ = command;
        console.Error.WriteLine("error: " + message);
        return code;
    }

    // The first parse error, in the command's terms: unknown words name the command they were given to.
    private static string Describe(ParseResult parse)
    {
        var where = ErrorContract.CommandPath(parse.CommandResult.Command);
        var at = where.Length == 0 ? "econ" : $"econ {where}";
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            if (where.Length == 0 && !token.StartsWith('-'))
                return $"Unknown command '{token}'; try one of: {string.Join(", ", parse.RootCommandResult.Command.Subcommands.Select(c => c.Name))}.";
            var subcommands = parse.CommandResult.Command.Subcommands;
            if (!token.StartsWith('-') && subcommands.Count > 0)
                return $"Unknown subcommand '{token}' of '{at}'; expected {string.Join(", ", subcommands.Select(s => s.Name))}.";
            return token.StartsWith('-')
                ? $"Unknown option {token} for '{at}'; see '{at} --help'."
                : $"Unexpected argument '{token}' for '{at}'; options take the form --name value (see '{at} --help').";
        }
        // Missing required options first, in declaration order, with what they are for.
        foreach (var option in parse.CommandResult.Command.Options.Where(o => o.Required))
            if (parse.GetResult(option) is not { IdentifierTokenCount: > 0 }) return $"{option.Name} is required ({option.Description}).";
        var first = parse.Errors[0];
        if (first.SymbolResult is OptionResult { Tokens.Count: 0, Option: { Arity.MinimumNumberOfValues: > 0 } valueless })
            return $"{valueless.Name} needs a value: {valueless.HelpName} ({valueless.Description}).";
        return first.Message.ReplaceLineEndings(" ").Trim();
    }

    private static void WriteHelp(RootCommand root, Command command, TextWriter output) => output.Write(Help.Render(root, command));
}
