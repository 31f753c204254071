namespace Econometrics.Cli;

/// <summary>One <c>econ</c> command.</summary>
public interface ICommand
{
    /// <summary>The command word, e.g. "describe".</summary>
    string Name { get; }

    /// <summary>One line for <c>econ --help</c>.</summary>
    string Description { get; }

    /// <summary>The usage text for <c>econ NAME --help</c>.</summary>
    string Usage { get; }

    /// <summary>Options that take no value (flags).</summary>
    IReadOnlyCollection<string> Flags => [];

    /// <summary>Runs the command; returns the exit code (0 on success).</summary>
    /// <param name="args">The parsed arguments after the command word.</param>
    /// <param name="console">Where to print.</param>
    int Execute(ParsedArgs args, CliConsole console);
}
