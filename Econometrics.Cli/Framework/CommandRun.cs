using System.CommandLine;

namespace Econometrics.Cli;

/// <summary>One invocation of a command: its parsed options, console, staged outputs, progress and cancellation.</summary>
public sealed class CommandRun
{
    /// <summary>Creates the run.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="console">The console.</param>
    /// <param name="outputs">Where output files are staged.</param>
    public CommandRun(ParseResult parse, CliConsole console, OutputFiles outputs)
    {
        Parse = parse; Console = console; Outputs = outputs;
        Progress = new ProgressDisplay(console.Error, console.ErrorIsTerminal);
    }

    /// <summary>The parse result.</summary>
    public ParseResult Parse { get; }

    /// <summary>The console.</summary>
    public CliConsole Console { get; }

    /// <summary>Output files, moved into place only when the run succeeds.</summary>
    public OutputFiles Outputs { get; }

    /// <summary>The progress line (drawn on a terminal only).</summary>
    public ProgressDisplay Progress { get; }

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Cancellation => Console.Cancellation;

    /// <summary>The parsed value of an option (its default when absent).</summary>
    /// <typeparam name="T">The option's type.</typeparam>
    /// <param name="option">The option.</param>
    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;

    /// <summary>The parsed value of an argument.</summary>
    /// <typeparam name="T">The argument's type.</typeparam>
    /// <param name="argument">The argument.</param>
    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    /// <summary>Queues text for standard output; it is printed only when the run succeeds.</summary>
    /// <param name="text">The text.</param>
    public void Print(string text) => _out.Append(text);

    /// <summary>The text queued by <see cref="Print"/>.</summary>
    internal string PendingOutput => _out.ToString();

    private readonly System.Text.StringBuilder _out = new();

    /// <summary>Whether the option was given on the command line.</summary>
    /// <param name="option">The option.</param>
    public bool Given(Option option) => Parse.GetResult(option) is { Implicit: false };
}
