namespace Econometrics.Data;

/// <summary>Input data that cannot be used as given: a malformed number, a missing column, a duplicate key.</summary>
/// <remarks>
/// Derives from <see cref="ArgumentException"/> so callers that treat misuse and bad data alike (the <c>econ</c>
/// command maps both to exit code 2) need one catch. The message names the file, line and column when known.
/// </remarks>
public sealed class DataFormatException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A full sentence naming the problem.</param>
    /// <param name="file">The file, when the data came from one.</param>
    /// <param name="line">The 1-based line number, when known.</param>
    /// <param name="column">The column name, when known.</param>
    public DataFormatException(string message, string? file = null, int? line = null, string? column = null)
        : base(Compose(message, file, line, column), column)
    {
        File = file; Line = line; Column = column;
    }

    /// <summary>The file, when the data came from one.</summary>
    public string? File { get; }

    /// <summary>The 1-based line number in the file, when known.</summary>
    public int? Line { get; }

    /// <summary>The column, when known.</summary>
    public string? Column { get; }

    /// <inheritdoc/>
    public override string Message => base.Message.Split(" (Parameter")[0];

    private static string Compose(string message, string? file, int? line, string? column)
    {
        var where = new List<string>();
        if (file is not null) where.Add(Path.GetFileName(file));
        if (line is not null) where.Add($"line {line}");
        if (column is not null) where.Add($"column '{column}'");
        return where.Count == 0 ? message : $"{string.Join(", ", where)}: {message}";
    }
}
