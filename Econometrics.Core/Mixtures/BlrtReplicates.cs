using System.Text.Json;
using Econometrics.Inference;

namespace Econometrics.Mixtures;

/// <summary>
/// The bootstrap likelihood ratios behind the BLRT p-values of a class enumeration, for one shard of the replicates
/// or for all of them: what a merge needs to give exactly the one-process p-values.
/// </summary>
/// <param name="Replicates">B, the replicates of the whole test.</param>
/// <param name="Seed">The enumeration's seed (replicate b draws its data and starts from it).</param>
/// <param name="Starts">Random starts of each bootstrap fit.</param>
/// <param name="ShardIndex">This shard (0 when all replicates are here).</param>
/// <param name="ShardCount">Number of shards (1 when all replicates are here); replicate b belongs to shard b mod ShardCount.</param>
/// <param name="Classes">K of each test of K - 1 against K classes.</param>
/// <param name="Observed">The observed likelihood ratio 2 (logLik_K - logLik_{K-1}) of each test.</param>
/// <param name="LikelihoodRatios">Per test, the bootstrap ratios of this shard's replicates b = ShardIndex, ShardIndex + ShardCount, ...;
/// null where the bootstrap sample could not be fitted.</param>
public sealed record BlrtReplicates(int Replicates, int Seed, int Starts, int ShardIndex, int ShardCount, IReadOnlyList<int> Classes,
    IReadOnlyList<double> Observed, IReadOnlyList<IReadOnlyList<double?>> LikelihoodRatios)
{
    /// <summary>
    /// Per test, how many bootstrap samples of these replicates were redrawn because a fit failed (a class collapsed);
    /// null in records written before redraws were counted.
    /// </summary>
    public IReadOnlyList<int>? Redrawn { get; init; }

    /// <summary>Whether every replicate is here (one process, or merged shards).</summary>
    public bool IsComplete => ShardCount == 1;

    /// <summary>Interleaves the shards of one BLRT into the one-process record (replicate b from shard b mod n).</summary>
    /// <param name="shards">Every shard of the same run, in any order.</param>
    /// <exception cref="ArgumentException">The shards come from different runs, overlap, or one is missing.</exception>
    public static BlrtReplicates Merge(IReadOnlyList<BlrtReplicates> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ArgumentException("At least one BLRT shard is needed.", nameof(shards));
        // The one shard record: replicate b's values are its likelihood ratios, one per test; the run fingerprint holds
        // the settings and observed ratios, so shards of another run, duplicates and gaps are refused in one place.
        static ReplicateDraws Draws(BlrtReplicates s)
        {
            int rows = s.LikelihoodRatios.Count == 0
                ? ReplicateDraws.Owned(s.Replicates, new Shard(s.ShardIndex, s.ShardCount)).Length
                : s.LikelihoodRatios[0].Count;
            if (s.LikelihoodRatios.Count != s.Classes.Count || s.LikelihoodRatios.Any(test => test.Count != rows))
                throw new ArgumentException($"BLRT shard {s.ShardIndex}/{s.ShardCount} has a ragged table of likelihood ratios.", nameof(shards));
            return new("blrt",
                ReplicateDraws.Fingerprint($"B={s.Replicates};seed={s.Seed};starts={s.Starts};K={string.Join(",", s.Classes)}", s.Observed),
                s.Replicates, s.ShardIndex, s.ShardCount,
                Enumerable.Range(0, rows).Select(j => (IReadOnlyList<double?>)s.LikelihoodRatios.Select(test => test[j]).ToArray()).ToArray());
        }
        var merged = ReplicateDraws.Merge(shards.Select(Draws).ToArray());
        var f = shards[0];
        var ratios = Enumerable.Range(0, f.Classes.Count)
            .Select(test => (IReadOnlyList<double?>)merged.Values.Select(v => v[test]).ToArray()).ToArray();
        var redrawn = shards.All(s => s.Redrawn is not null)
            ? Enumerable.Range(0, f.Classes.Count).Select(test => shards.Sum(s => s.Redrawn![test])).ToArray()
            : null;
        return f with { ShardIndex = 0, ShardCount = 1, LikelihoodRatios = ratios, Redrawn = redrawn };
    }

    /// <summary>Reads the <c>blrt</c> member of a class-enumeration JSON (<c>econ moe enumerate --json</c>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentException">The text is not an enumeration with BLRT replicates.</exception>
    public static BlrtReplicates FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("blrt", out var r) || r.ValueKind != JsonValueKind.Object)
                throw new ArgumentException("Not a class enumeration with BLRT replicates (no 'blrt' member; was it run with --blrt?).", nameof(json));
            static double? Ratio(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
            return new BlrtReplicates(r.GetProperty("replicates").GetInt32(), r.GetProperty("seed").GetInt32(), r.GetProperty("starts").GetInt32(),
                r.GetProperty("shardIndex").GetInt32(), r.GetProperty("shardCount").GetInt32(),
                r.GetProperty("classes").EnumerateArray().Select(v => v.GetInt32()).ToArray(),
                r.GetProperty("observed").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                r.GetProperty("likelihoodRatios").EnumerateArray().Select(a => (IReadOnlyList<double?>)a.EnumerateArray().Select(Ratio).ToArray())
                    .ToArray())
            {
                Redrawn = r.TryGetProperty("redrawn", out var rd) && rd.ValueKind == JsonValueKind.Array
                    ? rd.EnumerateArray().Select(v => v.GetInt32()).ToArray() : null,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            string why = e is JsonException { LineNumber: { } line, BytePositionInLine: { } at }
                ? $"not valid JSON at line {line + 1}, byte {at + 1}" : e.Message;
            throw new ArgumentException($"Not a class enumeration with BLRT replicates: {why}.", nameof(json), e);
        }
    }
}
