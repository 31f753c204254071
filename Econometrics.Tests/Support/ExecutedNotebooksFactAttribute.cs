namespace Econometrics.Tests;

/// <summary>
/// A test over notebooks executed by <c>notebooks/run</c>: skipped unless <c>ECONOMETRICS_EXECUTED_NOTEBOOKS</c>
/// names a folder holding them, which <c>.ci/run</c> sets after its notebook step.
/// </summary>
public sealed class ExecutedNotebooksFactAttribute : FactAttribute
{
    /// <summary>The environment variable naming the folder of executed notebooks.</summary>
    public const string Variable = "ECONOMETRICS_EXECUTED_NOTEBOOKS";

    public ExecutedNotebooksFactAttribute()
    {
        var dir = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(dir) || !Directory.Exists(dir) || Directory.GetFiles(dir, "*.source.ipynb").Length == 0)
            Skip = $"No executed notebooks; run notebooks/run and set {Variable}=artifacts/notebooks (CI does).";
    }
}
