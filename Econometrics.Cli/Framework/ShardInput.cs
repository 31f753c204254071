using Econometrics.Inference;

namespace Econometrics.Cli;

/// <summary>Reads the <c>replicateDraws</c> of a shard's <c>--json</c> file for a <c>--merge</c> option.</summary>
internal static class ShardInput
{
    /// <summary>The draws in <paramref name="file"/>; a missing, unreadable or foreign file is a usage error naming it.</summary>
    public static ReplicateDraws Read(string file)
    {
        if (Opt.InputFileProblem(file) is { } problem) throw new UsageException($"--merge: {problem}");
        try { return ReplicateDraws.FromJson(File.ReadAllText(file)); }
        catch (ArgumentException e) { throw new UsageException($"--merge: '{file}': {e.Message.Split(" (Parameter")[0]}"); }
    }
}
