using Econometrics.Causal.Invariance;
using Econometrics.Inference;

namespace Econometrics.Tests.Invariance;

/// <summary>The gap bootstrap in shards: every shard replays the resamples of all replicates and refits its own, so merged shards equal one process.</summary>
public sealed class BootstrapShardTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Merged_bootstrap_shards_give_exactly_the_one_process_intervals(int count)
    {
        var data = Fixtures.Sim();
        var phi = Representation.Subset(data, ["X1", "X2"]);
        var check = new InvarianceCheck { BootstrapReplications = 37, Seed = 9 };
        var one = check.Test(data, phi);
        Assert.Null(one.ReplicateDraws);
        var shards = Enumerable.Range(0, count).Select(i => check with { Shard = new Shard(i, count) }).Select(c => c.Test(data, phi)).ToArray();
        Assert.Equal(37, shards.Sum(s => s.BootstrapReplications));
        Assert.All(shards, s => Assert.Contains(s.Diagnostics, d => d.Code == "shard"));
        var draws = shards.Select(s => ReplicateDraws.FromJson(s.ToJson())).Reverse().ToArray();
        var merged = (check with { Shards = draws }).Test(data, phi);
        Assert.Equal(one.GapIntervals, merged.GapIntervals);
        Assert.Equal(one.ToJson(), merged.ToJson());
        Assert.Equal(one.ToString(), merged.ToString());
        // Another representation (or seed) is another run: refused, not merged.
        Assert.Throws<ArgumentException>(() => (check with { Shards = draws }).Test(data, Representation.Subset(data, ["X1", "X3"])));
        Assert.Throws<ArgumentException>(() => (check with { Seed = 10, Shards = draws }).Test(data, phi));
    }
}
