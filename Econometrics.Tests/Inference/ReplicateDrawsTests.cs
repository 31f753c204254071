using Econometrics.Inference;
using Xunit;

namespace Econometrics.Tests.Inference;

/// <summary>Shard bookkeeping of <see cref="ReplicateDraws"/>: ownership, exact interleaving, refusals, JSON round trip.</summary>
public sealed class ReplicateDrawsTests
{
    private static ReplicateDraws ShardOf(int replicates, Shard shard, string run = "r") =>
        ReplicateDraws.From("test", run, replicates, shard,
            ReplicateDraws.Owned(replicates, shard).Select(r => new[] { r, r == 5 ? double.NaN : -r / 3.0 }).ToArray());

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 3)]
    [InlineData(10, 10)]
    [InlineData(3, 5)]
    public void Every_replicate_is_owned_by_exactly_one_shard_and_merges_back_in_order(int replicates, int count)
    {
        var owned = Enumerable.Range(0, count).SelectMany(i => ReplicateDraws.Owned(replicates, new Shard(i, count))).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, replicates), owned);
        var shards = Enumerable.Range(0, count).Reverse().Select(i => ShardOf(replicates, new Shard(i, count))).ToArray();
        var merged = ReplicateDraws.Merge(shards);
        Assert.True(merged.IsComplete);
        var values = merged.ToArrays();
        for (int r = 0; r < replicates; r++)
        {
            Assert.Equal(r, values[r][0]);
            if (r == 5) Assert.True(double.IsNaN(values[r][1])); else Assert.Equal(-r / 3.0, values[r][1]);
        }
    }

    [Fact]
    public void Foreign_duplicate_and_missing_shards_are_refused()
    {
        var a = ShardOf(9, new Shard(0, 3));
        var b = ShardOf(9, new Shard(1, 3));
        var c = ShardOf(9, new Shard(2, 3));
        Assert.Contains("same run", Assert.Throws<ArgumentException>(() => ReplicateDraws.Merge([a, b, ShardOf(9, new Shard(2, 3), "other")])).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => ReplicateDraws.Merge([a, b, b, c])).Message);
        Assert.Contains("Shard(s) 2 of 3 are missing", Assert.Throws<ArgumentException>(() => ReplicateDraws.Merge([a, b])).Message);
        Assert.Contains("same run", Assert.Throws<ArgumentException>(() => ReplicateDraws.Merge([a, ShardOf(10, new Shard(1, 3))])).Message);
    }

    [Fact]
    public void Json_round_trip_keeps_every_bit_and_rejects_other_files()
    {
        var s = ShardOf(8, new Shard(1, 2));
        var json = System.Text.Json.JsonSerializer.Serialize(new { replicateDraws = s },
            new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase });
        var back = ReplicateDraws.FromJson(json);
        Assert.Equal(s.Run, back.Run);
        Assert.Equal(s.ToArrays(), back.ToArrays());
        Assert.Throws<ArgumentException>(() => ReplicateDraws.FromJson("{\"cd\": 1}"));
        Assert.Throws<ArgumentException>(() => ReplicateDraws.FromJson("{\"replicateDraws\": {\"kind\": \"x\"}}"));
        Assert.Throws<ArgumentException>(() => ReplicateDraws.FromJson(json.Replace("\"shardIndex\":1", "\"shardIndex\":2")));
    }

    [Fact]
    public void Fingerprints_differ_when_settings_or_observed_numbers_differ()
    {
        string f = ReplicateDraws.Fingerprint("seed=1", [0.5, 1.0]);
        Assert.Equal(16, f.Length);
        Assert.Equal(f, ReplicateDraws.Fingerprint("seed=1", [0.5, 1.0]));
        Assert.NotEqual(f, ReplicateDraws.Fingerprint("seed=2", [0.5, 1.0]));
        Assert.NotEqual(f, ReplicateDraws.Fingerprint("seed=1", [0.5, 1.0000000000000002]));
    }
}
