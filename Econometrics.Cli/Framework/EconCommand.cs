using System.CommandLine;
using System.Text.RegularExpressions;

namespace Econometrics.Cli;

/// <summary>
/// An <c>econ</c> command: options declared once (help and parsing come from the same declarations) and an
/// <see cref="Execute"/> that runs only after every option has parsed and validated.
/// </summary>
/// <remarks>
/// To add a command: derive from this class, declare options with <see cref="Opt"/> and register them with
/// <see cref="Declare{T}"/> (naming the library property each one sets, so library messages are reworded in the
/// option's terms), write outputs through <see cref="CommandRun.Outputs"/> (or <see cref="SharedOptions.Emit"/>), and
/// add the command to <see cref="Cli"/> or as a subcommand of another command.
/// </remarks>
public abstract class EconCommand : Command
{
    private readonly List<(Regex Pattern, string Replacement)> _libraryNames = [];

    /// <summary>Declares the command.</summary>
    /// <param name="name">The command word.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="example">One example invocation, shown at the end of the command's help.</param>
    protected EconCommand(string name, string description, string example) : base(name, description)
    {
        Example = example;
        // Cli.Run calls Execute itself (inside the error contract); the action only marks the command as runnable.
        SetAction(_ => 0);
    }

    /// <summary>One example invocation.</summary>
    public string Example { get; }

    /// <summary>Runs the command after parsing and validation; returns the exit code.</summary>
    /// <param name="run">Options, console, outputs, progress, cancellation.</param>
    public abstract int Execute(CommandRun run);

    /// <summary>
    /// Adds an option, naming the library properties or values it controls (e.g. "DropIncompletePeriods"), so an
    /// error the library raises about them reaches the user in the option's terms.
    /// </summary>
    /// <typeparam name="TOption">The option's type.</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="libraryNames">Library property names the option sets.</param>
    /// <returns>The option.</returns>
    public TOption Declare<TOption>(TOption option, params string[] libraryNames) where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        Add(option);
        foreach (var n in libraryNames) _libraryNames.Add((new Regex($@"\b{Regex.Escape(n)}\b"), option.Name));
        // An enum value named in a library message (e.g. "PanelModel.UnitOls") reads as the option and word ("--model unitols").
        if (option is IChoiceOption choice)
            foreach (var (word, libraryName) in choice.LibraryNames)
                _libraryNames.Add((new Regex($@"\b{Regex.Escape(libraryName)}\b"), $"{option.Name} {word}"));
        return option;
    }

    /// <summary>Rewrites library names in a message into the options that set them.</summary>
    /// <param name="message">A library message.</param>
    public string InOptionTerms(string message) =>
        _libraryNames.Aggregate(message, (m, n) => n.Pattern.Replace(m, n.Replacement));
}

/// <summary>A command that only groups subcommands (e.g. <c>econ sem</c>); invoking it alone is a usage error.</summary>
/// <param name="name">The command word.</param>
/// <param name="description">One line for help.</param>
public class CommandGroup(string name, string description) : Command(name, description);
