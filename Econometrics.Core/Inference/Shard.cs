using System.Globalization;

namespace Econometrics.Inference;

/// <summary>
/// One shard of a replicated computation (Monte Carlo, bootstrap, simulation study): replication r belongs to shard
/// <c>r mod Count</c>, so merged shards equal the one-process run.
/// </summary>
/// <param name="Index">This shard, 0-based.</param>
/// <param name="Count">Number of shards.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole computation in one process.</summary>
    public static Shard All => new(0, 1);

    /// <summary>
    /// Reads a shard: <c>i/n</c>; <c>auto</c> from a Slurm job array (<c>SLURM_ARRAY_TASK_ID</c> minus
    /// <c>SLURM_ARRAY_TASK_MIN</c>, of <c>SLURM_ARRAY_TASK_COUNT</c>) or a Kubernetes Indexed Job
    /// (<c>JOB_COMPLETION_INDEX</c>, with the count from <c>auto/n</c> or <c>ECON_SHARD_COUNT</c>); <c>auto/n</c> checks
    /// the count against Slurm's.
    /// </summary>
    /// <param name="text">The option's value.</param>
    /// <param name="environment">Looks up an environment variable (null: the process environment).</param>
    /// <exception cref="ArgumentException">The text or the environment does not name a shard; the message says why.</exception>
    public static Shard Parse(string text, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var env = environment ?? Environment.GetEnvironmentVariable;
        var parts = text.Split('/');
        int? given = null;
        if (parts.Length == 2 && parts[0] != "auto") return Checked(Int(parts[0]), Int(parts[1]), text);
        if (parts[0] != "auto" || parts.Length > 2) throw Bad(text);
        if (parts.Length == 2) given = Int(parts[1]) ?? throw Bad(text);

        if (env("SLURM_ARRAY_TASK_ID") is { } id)
        {
            int? count = Int(env("SLURM_ARRAY_TASK_COUNT")), min = Int(env("SLURM_ARRAY_TASK_MIN") ?? "0"), task = Int(id);
            if (task is null || count is null || min is null)
                throw new ArgumentException("--shard auto: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN must be integers.", "shard");
            if (given is { } g && g != count)
                throw new ArgumentException($"--shard auto/{g}: the Slurm array has {count} tasks.", "shard");
            return Checked(task - min, count, $"Slurm array task {id}");
        }
        if (env("JOB_COMPLETION_INDEX") is { } index)
        {
            int? count = given ?? Int(env("ECON_SHARD_COUNT"));
            if (count is null)
                throw new ArgumentException("--shard auto in a Kubernetes Indexed Job needs the count: --shard auto/N or ECON_SHARD_COUNT=N (the " +
                    "Job's completions).", "shard");
            return Checked(Int(index), count, $"JOB_COMPLETION_INDEX {index}");
        }
        throw new ArgumentException("--shard auto needs a Slurm job array (SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX).", "shard");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";

    private static Shard Checked(int? i, int? n, string what) =>
        i is { } a && n is { } b && b >= 1 && a >= 0 && a < b ? new(a, b)
            : throw new ArgumentException($"--shard: {what} does not give 0 <= i < n (i = {i?.ToString(CultureInfo.InvariantCulture) ?? "?"}, n = " +
                $"{n?.ToString(CultureInfo.InvariantCulture) ?? "?"}).", "shard");

    private static int? Int(string? s) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static ArgumentException Bad(string text) =>
        new($"--shard must be i/n with 0 <= i < n, auto, or auto/n, not '{text}'.", "shard");
}
