using Econometrics.LinearAlgebra;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;

namespace Econometrics.Panel.Simulation;

/// <summary>
/// Size and power of the CD family by simulation over an (N, T) grid: seeded per replication, parallel, with
/// progress and cancellation, and shardable (<see cref="Simulate"/> with a shard index and count, then
/// <see cref="CdMonteCarloResult.Merge"/>), so a large study can run as a job array.
/// </summary>
/// <remarks>
/// Replication r of grid cell c draws from a generator seeded by (Seed, c, r) alone, so every count is the same on
/// any thread count and for any sharding. Shard i of n runs the replications with r mod n = i.
/// Pure factor designs test the principal-components residuals with <see cref="Factors"/> factors, and CD* the raw
/// panel with its own PCA (CD* applies its own principal components); designs with a regressor fit <see cref="Model"/> and test
/// its residuals (CD* on the partial residuals).
/// </remarks>
public sealed record CdMonteCarlo
{
    /// <summary>The data-generating process (its N and T are replaced by each grid cell's).</summary>
    public FactorPanelDgp Dgp { get; init; } = new();

    /// <summary>The (N, T) grid (default the single cell 100 x 100).</summary>
    public IReadOnlyList<(int N, int T)> Grid { get; init; } = [(100, 100)];

    /// <summary>Replications per cell (default 500).</summary>
    public int Replications { get; init; } = 500;

    /// <summary>Study seed (default 20260101).</summary>
    public long Seed { get; init; } = 20260101;

    /// <summary>Nominal level (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Factors removed for the PC residuals and by CD* (default: the DGP's number).</summary>
    public int? Factors { get; init; }

    /// <summary>CD_W draws per replication (default 30).</summary>
    public int Draws { get; init; } = 30;

    /// <summary>The estimator for designs with a regressor (default CCE mean group).</summary>
    public PanelModel Model { get; init; } = PanelModel.CceMeanGroup;

    /// <summary>Threads (default the processor count); results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>A one-line description of the design (used to check that shards belong together).</summary>
    public string Design => $"{Dgp}; factors removed {Factors ?? Dgp.Factors}; draws {Draws}; model " +
        $"{(Dgp.IncludeRegressor ? Estimators.PanelRegression.Describe(Model) : "PC residuals")}";

    /// <summary>Runs the study, or one shard of it.</summary>
    /// <param name="progress">Receives completed and total replications.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <param name="shardIndex">This shard (0-based).</param>
    /// <param name="shardCount">Number of shards (default 1: the whole study).</param>
    public CdMonteCarloResult Simulate(IProgress<CdMonteCarloProgress>? progress = null, CancellationToken cancellation = default,
        int shardIndex = 0, int shardCount = 1)
    {
        if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount)
            throw new ArgumentException($"The shard must satisfy 0 <= index < count; got {shardIndex}/{shardCount}.", nameof(shardIndex));
        if (Replications < 1) throw new ArgumentException("Replications must be at least 1.", nameof(Replications));
        if (Grid.Count == 0) throw new ArgumentException("The grid is empty.", nameof(Grid));
        // Every cell's design is checked before any replication runs, not inside the parallel loop.
        foreach (var (n, t) in Grid) (Dgp with { N = n, T = t }).Validate();
        var mine = Enumerable.Range(0, Replications).Where(r => r % shardCount == shardIndex).ToArray();
        int total = mine.Length * Grid.Count, done = 0;
        var cells = new List<CdMonteCarloCell>();
        for (int c = 0; c < Grid.Count; c++)
        {
            var (n, t) = Grid[c];
            var dgp = Dgp with { N = n, T = t };
            int m = Factors ?? dgp.Factors;
            var spatial = dgp.SpatialInverse();
            var outcomes = new Dictionary<string, bool>[mine.Length];
            var thetas = new double[mine.Length];
            int cell = c;
            Parallel.For(0, mine.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellation }, k =>
            {
                var rng = new SeededRandom(SeededRandom.Derive(Seed, cell, mine[k]));
                (outcomes[k], thetas[k]) = Replicate(dgp, spatial, m, rng);
                int now = Interlocked.Increment(ref done);
                progress?.Report(new CdMonteCarloProgress(now, total));
            });
            var names = outcomes.SelectMany(o => o.Keys).Distinct().ToArray();
            var rejections = names.ToDictionary(name => name, name => outcomes.Count(o => o.TryGetValue(name, out var rej) && rej));
            double thetaSum = 0;
            foreach (var th in thetas) thetaSum += th;
            cells.Add(new CdMonteCarloCell(n, t, mine.Length, rejections, thetaSum, thetas));
        }
        return new CdMonteCarloResult(Design, Seed, Replications, Alpha, [shardIndex], shardCount, cells);
    }

    private (Dictionary<string, bool>, double) Replicate(FactorPanelDgp dgp, MathNet.Numerics.LinearAlgebra.Matrix<double>? spatial, int m, SeededRandom rng)
    {
        var sample = dgp.Simulate(rng, spatial);
        var la = Backend ?? LinearAlgebraBackends.Default;
        var options = new CrossSectionalDependence
        {
            Tests = CdTests.CD | CdTests.CDw | CdTests.CDwPlus | CdTests.CDStar,
            Factors = FactorCount.Fixed(m), Draws = Draws, Seed = (int)(rng.NextBits() >> 33), Backend = la,
        };
        CrossSectionalDependenceResult result;
        int t = dgp.T, n = dgp.N;
        if (sample.X is null)
        {
            var y = sample.Y.ToColumnMajorArray();
            var a = (double[])y.Clone();
            PanelMath.DemeanColumns(a, t, n);
            var (_, v) = PanelMath.LeadingRightVectors(a, t, n, m, la);
            PanelMath.SubtractRightSubspace(a, t, n, v, m, la);   // a is this replicate's own copy; the residuals overwrite it
            var e = a;
            var ids = Enumerable.Range(1, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            result = options.Run(new CdInput(e, t, n, ids, "PC residuals", Partial: y, CommonEffectsRemoved: true));
        }
        else
        {
            var fit = new PanelRegression("y ~ x", Model) { Backend = la }.Fit(sample.ToPanel());
            result = options.Run(CdInput.FromFit(fit));
        }
        var outcome = new Dictionary<string, bool>();
        foreach (var s in result.Tests)
            if (s.Result.Validity == TestValidity.Valid) outcome[s.Name] = s.Result.RejectsAt(Alpha);
        return (outcome, result["CDStar"].Theta ?? double.NaN);
    }
}
