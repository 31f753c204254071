namespace Econometrics;

/// <summary>How much a <see cref="Diagnostic"/> matters for reading the result.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Context the reader should know (for example, how many pairs entered a statistic).</summary>
    Info,

    /// <summary>Something that may affect the result (dropped data, non-convergence, a boundary estimate).</summary>
    Warning,
}

/// <summary>A condition of the data or the computation that did not stop it but belongs next to the result.</summary>
/// <param name="Severity">Info or warning.</param>
/// <param name="Message">A full sentence naming what happened, e.g. "3 pairs with fewer than 2 common periods were dropped."</param>
/// <param name="Code">A stable short identifier for programs, e.g. "pairs-dropped".</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Message, string? Code = null)
{
    /// <summary>A full sentence naming what happened, e.g. "3 pairs with fewer than 2 common periods were dropped."</summary>
    public string Message { get; init; } = Message ?? throw new ArgumentNullException(nameof(Message));

    /// <summary>An informational diagnostic.</summary>
    /// <param name="message">The sentence to print.</param>
    /// <param name="code">A stable identifier.</param>
    public static Diagnostic Info(string message, string? code = null) =>
        new(DiagnosticSeverity.Info, message ?? throw new ArgumentNullException(nameof(message)), code);

    /// <summary>A warning diagnostic.</summary>
    /// <param name="message">The sentence to print.</param>
    /// <param name="code">A stable identifier.</param>
    public static Diagnostic Warning(string message, string? code = null) =>
        new(DiagnosticSeverity.Warning, message ?? throw new ArgumentNullException(nameof(message)), code);

    /// <inheritdoc/>
    public override string ToString() => Severity == DiagnosticSeverity.Warning ? $"Warning: {Message}" : Message;
}
