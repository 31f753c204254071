using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Econometrics.Inference;

/// <summary>
/// The per-replicate outputs of a replicated computation (bootstrap, permutation test) for one <see cref="Shard"/> of
/// its replicates, or for all of them: what a merge needs to give exactly the one-process result.
/// </summary>
/// <remarks>
/// Replicate r draws from a random stream keyed by r alone and belongs to shard <c>r mod ShardCount</c>, so the values
/// of any split, interleaved by <see cref="Merge"/>, are the one-process values bit for bit, and the statistics formed
/// from them (intervals, FDRs, standard errors) are identical.
/// </remarks>
/// <param name="Kind">What was replicated, e.g. "permutation-fdr"; shards of different kinds never merge.</param>
/// <param name="Run">A fingerprint of the settings and of the observed statistics: shards merge only when it agrees.</param>
/// <param name="Replicates">The replicates of the whole computation.</param>
/// <param name="ShardIndex">This shard (0 when every replicate is here).</param>
/// <param name="ShardCount">Number of shards (1 when every replicate is here).</param>
/// <param name="Values">Per owned replicate r = ShardIndex, ShardIndex + ShardCount, ..., its values (null for NaN:
/// a replicate that could not be computed).</param>
public sealed record ReplicateDraws(string Kind, string Run, int Replicates, int ShardIndex, int ShardCount, IReadOnlyList<IReadOnlyList<double?>> Values)
{
    /// <summary>Whether every replicate is here (one process, or merged shards).</summary>
    public bool IsComplete => ShardCount == 1;

    /// <summary>The replicates a shard owns: r with r mod Count = Index, ascending.</summary>
    /// <param name="replicates">Replicates of the whole computation.</param>
    /// <param name="shard">The shard.</param>
    public static int[] Owned(int replicates, Shard shard)
    {
        var owned = new int[Math.Max(0, (replicates - shard.Index + shard.Count - 1) / shard.Count)];
        for (int k = 0; k < owned.Length; k++) owned[k] = shard.Index + k * shard.Count;
        return owned;
    }

    /// <summary>The values as a matrix of doubles, one row per owned replicate (NaN where null).</summary>
    public double[][] ToArrays() => Values.Select(v => v.Select(x => x ?? double.NaN).ToArray()).ToArray();

    /// <summary>Builds the record of a shard from its values (NaN becomes null).</summary>
    /// <param name="kind">What was replicated.</param>
    /// <param name="run">The run's fingerprint (see <see cref="Fingerprint"/>).</param>
    /// <param name="replicates">Replicates of the whole computation.</param>
    /// <param name="shard">The shard these values belong to.</param>
    /// <param name="values">One row per owned replicate, in ascending replicate order.</param>
    public static ReplicateDraws From(string kind, string run, int replicates, Shard shard, IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(kind); ArgumentNullException.ThrowIfNull(run); ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Owned(replicates, shard).Length)
            throw new ArgumentException($"Shard {shard} of {replicates} replicates owns {Owned(replicates, shard).Length}; got {values.Count} rows.",
                nameof(values));
        return new(kind, run, replicates, shard.Index, shard.Count,
            values.Select(v => (IReadOnlyList<double?>)v.Select(x => double.IsNaN(x) ? (double?)null : x).ToArray()).ToArray());
    }

    /// <summary>
    /// A short fingerprint (16 hex digits of SHA-256) of settings and observed numbers, so that shards of different data
    /// or settings are refused rather than merged.
    /// </summary>
    /// <param name="settings">The settings that change the replicates (seed, counts, options), as text.</param>
    /// <param name="observed">Numbers computed from the data before any replicate (e.g. the observed statistics).</param>
    public static string Fingerprint(string settings, IEnumerable<double> observed)
    {
        ArgumentNullException.ThrowIfNull(settings); ArgumentNullException.ThrowIfNull(observed);
        var text = new StringBuilder(settings);
        foreach (var v in observed) text.Append(';').Append(v.ToString("R", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>
    /// <see cref="Merge"/> for a runner that knows its own run: shards of another kind, fingerprint or replicate count are
    /// refused with a message naming <paramref name="differ"/>, what can make two runs differ.
    /// </summary>
    internal static ReplicateDraws MergeRun(IReadOnlyList<ReplicateDraws> shards, string kind, string run, int replicates, string unit, string differ,
        string paramName)
    {
        var merged = Merge(shards);
        if (merged.Kind != kind || merged.Run != run || merged.Replicates != replicates)
            throw new ArgumentException($"The shards ({merged.Kind}, {merged.Replicates} {unit}, run {merged.Run}) come from another run than this one " +
                $"({kind}, {replicates} {unit}, run {run}): {differ} differ.", paramName);
        return merged;
    }

    /// <summary>Interleaves the shards of one run into the one-process record (replicate r from shard r mod n).</summary>
    /// <param name="shards">Every shard of the same run, in any order.</param>
    /// <exception cref="ArgumentException">The shards come from different runs, overlap, or one is missing.</exception>
    public static ReplicateDraws Merge(IReadOnlyList<ReplicateDraws> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ArgumentException("At least one shard is needed.", nameof(shards));
        var f = shards[0];
        foreach (var s in shards)
            if (s.Kind != f.Kind || s.Run != f.Run || s.Replicates != f.Replicates || s.ShardCount != f.ShardCount)
                throw new ArgumentException($"Shard {s.ShardIndex}/{s.ShardCount} ({s.Kind}, run {s.Run}, {s.Replicates} replicates) does not come " +
                    $"from the same run as shard {f.ShardIndex}/{f.ShardCount} ({f.Kind}, run {f.Run}, {f.Replicates} replicates): the data, the " +
                    "seed or the settings differ.", nameof(shards));
        var byIndex = new ReplicateDraws?[f.ShardCount];
        foreach (var s in shards)
        {
            if (byIndex[s.ShardIndex] is not null) throw new ArgumentException($"Shard {s.ShardIndex}/{s.ShardCount} is given twice.", nameof(shards));
            if (s.Values.Count != Owned(s.Replicates, new Shard(s.ShardIndex, s.ShardCount)).Length)
                throw new ArgumentException($"Shard {s.ShardIndex}/{s.ShardCount} holds {s.Values.Count} replicates, not the ones it owns.",
                    nameof(shards));
            byIndex[s.ShardIndex] = s;
        }
        var missing = Enumerable.Range(0, f.ShardCount).Where(i => byIndex[i] is null).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"Shard(s) {string.Join(", ", missing)} of {f.ShardCount} are missing.", nameof(shards));
        var all = new IReadOnlyList<double?>[f.Replicates];
        for (int r = 0; r < f.Replicates; r++) all[r] = byIndex[r % f.ShardCount]!.Values[r / f.ShardCount];
        return f with { ShardIndex = 0, ShardCount = 1, Values = all };
    }

    /// <summary>Reads the <c>replicateDraws</c> member of a result's JSON (written by a run with <c>--shard</c>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentException">The text holds no replicate draws.</exception>
    public static ReplicateDraws FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("replicateDraws", out var r) || r.ValueKind != JsonValueKind.Object)
                throw new ArgumentException("No 'replicateDraws' member: not the --json output of a run with --shard.", nameof(json));
            static double? Value(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
            var draws = new ReplicateDraws(r.GetProperty("kind").GetString() ?? throw new FormatException("kind"),
                r.GetProperty("run").GetString() ?? throw new FormatException("run"), r.GetProperty("replicates").GetInt32(),
                r.GetProperty("shardIndex").GetInt32(), r.GetProperty("shardCount").GetInt32(),
                r.GetProperty("values").EnumerateArray().Select(a => (IReadOnlyList<double?>)a.EnumerateArray().Select(Value).ToArray()).ToArray());
            if (draws.Replicates < 0 || draws.ShardCount < 1 || draws.ShardIndex < 0 || draws.ShardIndex >= draws.ShardCount)
                throw new FormatException($"shard {draws.ShardIndex}/{draws.ShardCount} of {draws.Replicates} replicates is not a shard");
            return draws;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"Malformed replicate draws: {e.Message}", nameof(json));
        }
    }
}
