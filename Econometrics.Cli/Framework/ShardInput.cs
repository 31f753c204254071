using System.CommandLine;
using Econometrics.Inference;

namespace Econometrics.Cli;

/// <summary>The <c>--shard</c> / <c>--merge</c> pair of a shardable command, and the shard files <c>--merge</c> reads.</summary>
internal static class ShardInput
{
    /// <summary>The shard to run and the files to merge; giving both is a usage error (a merge runs in one process).</summary>
    public static (Shard Shard, string[] Merge) Get(CommandRun run, Option<Shard> shard, Option<string[]> merge)
    {
        var (s, m) = (run.Get(shard), run.Get(merge));
        if (m.Length > 0 && s.Count > 1) throw new UsageException("--merge and --shard exclude each other: merge in one process.");
        return (s, m);
    }

    /// <summary>The <c>replicateDraws</c> of every file, or null when there are none.</summary>
    public static ReplicateDraws[]? ReadAll(string[] files) => ReadAll(files, ReplicateDraws.FromJson);

    /// <summary>Every file parsed by <paramref name="fromJson"/>, or null when there are none; a missing, unreadable or foreign file
    /// is a usage error naming it.</summary>
    public static T[]? ReadAll<T>(string[] files, Func<string, T> fromJson) => files.Length == 0 ? null : files.Select(file =>
    {
        if (Opt.InputFileProblem(file) is { } problem) throw new UsageException($"--merge: {problem}");
        try { return fromJson(File.ReadAllText(file)); }
        catch (ArgumentException e) { throw new UsageException($"--merge: '{file}': {e.Message.Split(" (Parameter")[0]}"); }
    }).ToArray();
}
