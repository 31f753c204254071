namespace Econometrics.Cli;

/// <summary>The output streams and cancellation of one <c>econ</c> invocation (injected so tests run it in-process).</summary>
/// <param name="Out">Standard output: human summaries.</param>
/// <param name="Error">Standard error: the one-line error and progress.</param>
/// <param name="Cancellation">Cancelled by Ctrl+C.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, CancellationToken Cancellation = default)
{
    /// <summary>Whether stderr is a terminal; progress is drawn only then.</summary>
    public bool ErrorIsTerminal { get; init; }
}
