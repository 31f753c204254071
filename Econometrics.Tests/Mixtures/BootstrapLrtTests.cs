using Econometrics.Mixtures;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>The bootstrap likelihood-ratio test of K − 1 against K classes (Mplus TECH14) in the enumeration table.</summary>
public sealed class BootstrapLrtTests
{
    private static GrowthClassParameters Class(double a0, double a1) => new(
        Vector<double>.Build.DenseOfArray([a0, a1]), double.NaN, Matrix<double>.Build.Dense(2, 0),
        Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.1 }, { 0.1, 0.2 } }), 1.0, Vector<double>.Build.Dense(0), Matrix<double>.Build.Dense(0, 0));

    private static GrowthData TwoClasses(int seed) => new GrowthMixtureDesign
    {
        Truth = new MixtureParameters([Class(10, 1), Class(4, -1)], Matrix<double>.Build.Dense(2, 1)),
        Curve = GrowthCurve.Linear, N = 150, Occasions = 5,
    }.Simulate(seed).Data;

    private static ClassEnumeration Enumeration(int threads) => new()
    {
        MaxClasses = 2, BootstrapReplicates = 9,
        Model = new GrowthMixture { Curve = GrowthCurve.Linear, Starts = 3, FinalStarts = 2, StandardErrors = false, MaxDegreeOfParallelism = threads },
    };

    /// <summary>Well-separated classes: no bootstrap LR under one class reaches the observed one, so p = 1/(B + 1).</summary>
    [Fact]
    public void SeparatedClassesGiveTheSmallestPossibleP()
    {
        var r = Enumeration(-1).Fit(TwoClasses(5));
        Assert.Null(r.Models[0].BlrtP);
        Assert.Equal(1.0 / 10, r.Models[1].BlrtP!.Value, 12);
        Assert.Contains("\"blrtP\": 0.1", r.ToJson());
        Assert.Contains("BLRT p", r.ToString());
    }

    /// <summary>Each replicate owns its seeds: one thread and all threads give the same p-values.</summary>
    [Fact]
    public void PValuesDoNotDependOnTheThreadCount()
    {
        var d = new GrowthMixtureDesign
        {
            Truth = new MixtureParameters([Class(10, 1)], Matrix<double>.Build.Dense(1, 1)),
            Curve = GrowthCurve.Linear, N = 120, Occasions = 5,
        }.Simulate(3).Data;
        var one = Enumeration(1).Fit(d);
        var many = Enumeration(-1).Fit(d);
        Assert.Equal(one.Models[1].BlrtP, many.Models[1].BlrtP);
        // One-class data: the observed LR is a draw from the bootstrap distribution, far from the smallest p.
        Assert.True(one.Models[1].BlrtP > 0.1, $"p = {one.Models[1].BlrtP}");
    }

    /// <summary>Three shards of the replicates, each through its JSON file, merge to exactly the one-process BLRT.</summary>
    [Fact]
    public void MergedShardsEqualTheOneProcessRun()
    {
        var d = TwoClasses(8);
        var e = Enumeration(-1) with { BootstrapReplicates = 5 };
        var one = e.Fit(d);
        var shards = Enumerable.Range(0, 3)
            .Select(i => e with { BootstrapShard = new Econometrics.Inference.Shard(i, 3) })
            .Select(x => x.Fit(d)).ToArray();
        Assert.All(shards, s => Assert.Null(s.BlrtP));
        Assert.Contains("BLRT shard 1/3: 2 of 5 replicates", shards[1].ToString());
        // Shard 2 of 3 runs replicates 2 only; shard 0 runs 0 and 3.
        Assert.Equal(one.Blrt!.LikelihoodRatios[0][3], shards[0].Blrt!.LikelihoodRatios[0][1]);
        var files = shards.Select(s => BlrtReplicates.FromJson(s.ToJson())).Reverse().ToArray();
        var merged = (e with { BootstrapShards = files }).Fit(d);
        Assert.Equal(one.BlrtP, merged.BlrtP);
        Assert.Equal(one.Blrt!.LikelihoodRatios[0], merged.Blrt!.LikelihoodRatios[0]);
        Assert.Equal(one.ToJson(), merged.ToJson());
        // A missing shard, a duplicate, or shards from other options are refused.
        Assert.Contains("missing", Assert.Throws<ArgumentException>(() => (e with { BootstrapShards = files[..2] }).Fit(d)).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => (e with { BootstrapShards = [files[0], files[0], files[1]] }).Fit(d)).Message);
        Assert.Contains("seed", Assert.Throws<ArgumentException>(() =>
            (e with { BootstrapShards = files, Model = e.Model with { Seed = 5 } }).Fit(d)).Message);
    }

    [Fact]
    public void TooFewStartsOrNegativeReplicatesAreErrors()
    {
        var d = TwoClasses(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => (Enumeration(1) with
        {
            Model = new GrowthMixture
            {
                Curve = GrowthCurve.Linear, Starts = 1,
                FinalStarts = 1
            }
        }).Fit(d));
        Assert.Contains("at least 2 random starts", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => (Enumeration(1) with { BootstrapReplicates = -1 }).Fit(d));
    }

    [Fact]
    public void BootstrapIsCancellable()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Enumeration(1).Fit(TwoClasses(2), null, cts.Token));
    }

    /// <summary>
    /// A bootstrap sample whose 2-class fit collapses a class (replicates 10 and 11 of this set, each run alone as its
    /// shard) is redrawn from the replicate's next stream, so every replicate has its ratio and p can reach 1/(B + 1);
    /// dropping them made p ≥ 1/B.
    /// </summary>
    [Fact]
    public void CollapsedBootstrapFitsAreRedrawn()
    {
        var d = new GrowthMixtureDesign
        {
            Truth = new MixtureParameters([Class(10, 1), Class(7, 0)], Matrix<double>.Build.Dense(2, 1)),
            Curve = GrowthCurve.Linear, N = 150, Occasions = 5,
        }.Simulate(5000).Data;
        var e = new ClassEnumeration
        {
            MaxClasses = 2, BootstrapReplicates = 12,
            Model = new GrowthMixture { Curve = GrowthCurve.Linear, Starts = 4, FinalStarts = 2, StandardErrors = false, Seed = 5000 },
        };
        foreach (int b in (int[])[10, 11])
        {
            var r = (e with { BootstrapShard = new Econometrics.Inference.Shard(b, 12) }).Fit(d);
            Assert.True(r.Blrt!.Redrawn![0] >= 1, $"replicate {b}: redrawn {r.Blrt.Redrawn[0]}");
            Assert.NotNull(Assert.Single(r.Blrt.LikelihoodRatios[0]));
            Assert.Equal(r.Blrt.Redrawn, BlrtReplicates.FromJson(r.ToJson()).Redrawn);
        }
    }
}
