using Econometrics.Panel.Simulation;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>The runner's determinism: thread count and sharding do not change a single count.</summary>
public sealed class MonteCarloRunnerTests
{
    private static readonly CdMonteCarlo Small = new() { Grid = [(20, 30), (30, 20)], Replications = 24, Seed = 7, Draws = 5 };

    [Fact]
    public void Same_counts_on_one_thread_and_many()
    {
        var one = (Small with { MaxDegreeOfParallelism = 1 }).Simulate();
        var many = (Small with { MaxDegreeOfParallelism = 4 }).Simulate();
        Assert.Equal(one.ToJson(), many.ToJson());
    }

    [Fact]
    public void Shards_merge_to_the_whole_study_through_json()
    {
        var whole = Small.Simulate();
        var parts = Enumerable.Range(0, 3).Select(i => CdMonteCarloResult.FromJson(Small.Simulate(shardIndex: i, shardCount: 3).ToJson())).ToList();
        Assert.False(parts[0].IsComplete);
        var merged = CdMonteCarloResult.Merge(parts);
        Assert.True(merged.IsComplete);
        for (int c = 0; c < whole.Cells.Count; c++)
        {
            Assert.Equal(whole.Cells[c].Replications, merged.Cells[c].Replications);
            Assert.Equal(whole.Cells[c].Rejections.OrderBy(k => k.Key), merged.Cells[c].Rejections.OrderBy(k => k.Key));
            Assert.Equal(whole.Cells[c].MeanTheta, merged.Cells[c].MeanTheta, 12);
            // Exact: the merge sums the thetas in replication order, as one process does.
            Assert.Equal(BitConverter.DoubleToInt64Bits(whole.Cells[c].ThetaSum), BitConverter.DoubleToInt64Bits(merged.Cells[c].ThetaSum));
            Assert.Equal(whole.Cells[c].Thetas, merged.Cells[c].Thetas);
        }
        Assert.Throws<ArgumentException>(() => CdMonteCarloResult.Merge([parts[0], parts[0]]));
        Assert.Throws<ArgumentException>(() => CdMonteCarloResult.Merge([parts[0], (Small with { Seed = 8 }).Simulate(shardIndex: 1, shardCount: 3)]));
    }

    [Fact]
    public void Progress_reaches_the_total_and_cancellation_stops()
    {
        int last = 0, total = 0;
        Small.Simulate(new SyncProgress(p => { last = Math.Max(last, p.Completed); total = p.Total; }));
        Assert.Equal(48, total);
        Assert.Equal(48, last);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Small.Simulate(cancellation: cts.Token));
    }

    [Fact]
    public void Dgp_is_reproducible_and_validates()
    {
        var dgp = new FactorPanelDgp
        {
            N = 10, T = 12, Errors = ErrorDistribution.ChiSquared, SerialCorrelation = 0.5, SpatialDelta = 0.3,
            IncludeRegressor = true
        };
        Assert.Equal(dgp.Simulate(3).Y, dgp.Simulate(3).Y);
        Assert.NotEqual(dgp.Simulate(3).Y, dgp.Simulate(4).Y);
        Assert.Equal("SpatialDelta", Assert.Throws<ArgumentException>(() => (dgp with { SpatialDelta = 1.2 }).Simulate(1)).ParamName);
        var panel = dgp.Simulate(3).ToPanel();
        Assert.Equal(10, panel.N);
        Assert.Equal(["y", "x"], panel.Variables);
    }

    private sealed class SyncProgress(Action<CdMonteCarloProgress> report) : IProgress<CdMonteCarloProgress>
    {
        private readonly object _gate = new();
        public void Report(CdMonteCarloProgress value) { lock (_gate) report(value); }
    }
}
