using System.Text.RegularExpressions;
using Econometrics.Data;

namespace Econometrics.Cli;

/// <summary>
/// The one place that turns an exception into the error contract: exit 2 and one line for bad input or usage,
/// 130 for cancellation, 1 and one line for anything unforeseen (never a .NET exception name or stack).
/// </summary>
public static partial class ErrorContract
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of an unforeseen failure.</summary>
    public const int Unexpected = 1;

    /// <summary>Exit code of bad input or usage.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code of a cancelled run (128 + SIGINT, as shells report Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code and the one-line message (without the <c>error: </c> prefix) for an exception.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="command">The command that ran, whose options reword library names; null before dispatch.</param>
    public static (int ExitCode, string Message) Map(Exception exception, EconCommand? command)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var e = Unwrap(exception);
        string Say(string m) => OneLine(command is null ? m : command.InOptionTerms(m));
        return e switch
        {
            OperationCanceledException => (Cancelled, "cancelled."),
            UsageException or DataFormatException => (BadInput, Say(e.Message)),
            ArgumentNullException => (Unexpected, Internal(command)),
            ArgumentException or FileNotFoundException or DirectoryNotFoundException => (BadInput, Say(e.Message)),
            InsufficientMemoryException or OutOfMemoryException =>
                (BadInput, "the data are too large for the available memory; use fewer units or periods, or a machine with more memory."),
            UnauthorizedAccessException or IOException => (BadInput, Say(e.Message)),
            _ => (Unexpected, Internal(command)),
        };
    }

    // Parallel loops wrap the real failure; report the first inner exception that is not itself a wrapper.
    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException a when a.InnerExceptions.Count > 0:
                    var flat = a.Flatten().InnerExceptions;
                    e = flat.FirstOrDefault(x => x is not OperationCanceledException) ?? flat[0];
                    break;
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                case TypeInitializationException { InnerException: { } inner }:
                    e = inner;
                    break;
                default:
                    return e;
            }
        }
    }

    private static string Internal(EconCommand? command) =>
        $"internal failure in 'econ{(command is null ? "" : " " + CommandPath(command))}'; please report it with the command line " +
        "(set ECON_DEBUG=1 to print the details).";

    /// <summary>The command's words after <c>econ</c>, e.g. "sem fit".</summary>
    /// <param name="command">The command.</param>
    public static string CommandPath(System.CommandLine.Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = new List<string>();
        for (System.CommandLine.Symbol? s = command; s is System.CommandLine.Command c && c is not System.CommandLine.RootCommand; s =
            s.Parents.FirstOrDefault())
            words.Insert(0, c.Name);
        return string.Join(' ', words);
    }

    // One line: no line breaks, and no " (Parameter 'x')" suffix (messages already name the argument).
    private static string OneLine(string s) => ParameterSuffix().Replace(s.ReplaceLineEndings(" "), "").Trim();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();
}
