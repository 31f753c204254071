namespace Econometrics.Sem.Syntax;

/// <summary>An error in lavaan model syntax (or a model that does not fit the data's variables), with its position.</summary>
public sealed class ModelSyntaxException : ArgumentException
{
    /// <summary>Creates the exception; the message is prefixed with "line L, column C: ".</summary>
    /// <param name="message">What is wrong and what was expected.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    public ModelSyntaxException(string message, int line, int column)
        : base($"model syntax, line {line}, column {column}: {message}", "model")
    {
        Line = line; Column = column;
    }

    /// <summary>1-based line of the offending token.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending token.</summary>
    public int Column { get; }

    /// <inheritdoc/>
    public override string Message => base.Message.Split(" (Parameter")[0];
}
