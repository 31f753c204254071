namespace Econometrics.Cli;

/// <summary>Wrong use of the command line (unknown command or option, missing value); exit code 2.</summary>
/// <param name="message">What was wrong and what was expected.</param>
public sealed class UsageException(string message) : Exception(message);
