namespace Econometrics.Bench;

/// <summary>
/// One timed operation: our implementation, optionally an in-process baseline (e.g. the managed backend), and
/// optionally the same computation in R on the same data, timed by R itself in the same run.
/// </summary>
/// <param name="Name">Case name, e.g. "linalg/gemm-2000".</param>
/// <param name="Description">What is computed, with sizes.</param>
/// <param name="Ours">The operation under test.</param>
public sealed record BenchCase(string Name, string Description, Action Ours)
{
    /// <summary>Label of <see cref="Ours"/> in the output.</summary>
    public string OursLabel { get; init; } = "ours";

    /// <summary>An in-process alternative to compare with, e.g. the managed backend.</summary>
    public Action? Baseline { get; init; }

    /// <summary>Label of <see cref="Baseline"/>.</summary>
    public string BaselineLabel { get; init; } = "baseline";

    /// <summary>R code run once before timing (reads inputs written by <see cref="Prepare"/> from the working folder).</summary>
    public string? RSetup { get; init; }

    /// <summary>The R expression timed (the peer's equivalent of <see cref="Ours"/>).</summary>
    public string? RBody { get; init; }

    /// <summary>Writes input files for R into the working folder (called once, before timing).</summary>
    public Action<string>? Prepare { get; init; }

    /// <summary>Timed repetitions (median reported); one warm-up run precedes them.</summary>
    public int Repetitions { get; init; } = 5;

    /// <summary>A line printed under the case after it ran (e.g. the CPU time of child processes), or null.</summary>
    public Func<string>? Footnote { get; init; }

    /// <summary>An upper bound on our median in milliseconds that the issue sets (reported as pass/fail).</summary>
    public double? BudgetMs { get; init; }
}
