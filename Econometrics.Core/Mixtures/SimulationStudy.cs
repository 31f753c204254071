namespace Econometrics.Mixtures;

/// <summary>
/// A Monte Carlo study of a growth mixture of experts: R seeded replications of a design, each fitted and aligned to
/// the truth, summarised as relative bias, empirical SE, mean model SE, RMSE and 95% Wald coverage per parameter,
/// plus classification accuracy. Shardable: run shard s of S processes and combine the results.
/// </summary>
public sealed record SimulationStudy
{
    /// <summary>The data-generating design.</summary>
    public required GrowthMixtureDesign Design { get; init; }

    /// <summary>The fitted model (its <see cref="GrowthMixture.Classes"/> must equal the truth's K).</summary>
    public GrowthMixture Model { get; init; } = new() { Starts = 4, FinalStarts = 2 };

    /// <summary>Number of replications R (default 100).</summary>
    public int Replications { get; init; } = 100;

    /// <summary>Master seed; replication r uses a seed derived from (Seed, r).</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>This shard's index, 0-based (default 0).</summary>
    public int Shard { get; init; }

    /// <summary>Number of shards (default 1). Replication r belongs to shard r mod Shards.</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Runs this shard's replications (in parallel; the result does not depend on the thread count).</summary>
    /// <param name="progress">Receives the fraction of replications done.</param>
    /// <param name="cancellationToken">Cancels the study.</param>
    /// <exception cref="ArgumentException">Inconsistent options.</exception>
    public SimulationStudyResult Simulate(IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Replications < 1) throw new ArgumentOutOfRangeException(nameof(Replications), Replications, "At least one replication is needed.");
        if (Shards < 1 || Shard < 0 || Shard >= Shards) throw new ArgumentOutOfRangeException(nameof(Shard), Shard, $"Shard must be in 0..{Shards - 1}.");
        if (Model.Classes != Design.Truth.K)
            throw new ArgumentException($"The model has {Model.Classes} classes; the design has {Design.Truth.K}.", nameof(Model));
        var reps = Enumerable.Range(0, Replications).Where(r => r % Shards == Shard).ToArray();
        var rows = new SimulationReplication?[reps.Length];
        var (probe, _) = (Design with { N = Math.Min(Design.N, 50) }).Simulate(0);
        var shape = Model.Shape(probe, Model.FixedKnots is null);
        var truthSet = GrowthMixture.Canonical(ParameterSet.FromPublic(Design.Truth, shape));
        var truthOrder = CanonicalOrder(Design.Truth, shape);
        var truth = truthSet.Pack(true);
        var names = truthSet.Names(true, probe.ExpertNames, probe.GatingNames);
        int done = 0;
        var inner = Model with { MaxDegreeOfParallelism = 1 };
        Parallel.For(0, reps.Length, new ParallelOptions { CancellationToken = cancellationToken }, j =>
        {
            int r = reps[j];
            var (data, cls) = Design.Simulate(StartValues.HashCode(Seed, r));
            try
            {
                var fit = (inner with { Seed = StartValues.HashCode(Seed ^ 0x5bd1e995, r) }).Fit(data, null, cancellationToken);
                var trueCanon = cls.Select(c => truthOrder[c - 1]).ToArray();
                rows[j] = Align(r, fit, trueCanon, shape);
            }
            catch (ArgumentException)
            {
                rows[j] = new SimulationReplication(r, null, null, 0, false);
            }
            progress?.Report((double)Interlocked.Increment(ref done) / reps.Length);
        });
        return new SimulationStudyResult(names, truth, rows.Select(x => x!).ToArray(), Replications);
    }

    /// <summary>Maps each generating class (0-based) to its position in canonical order.</summary>
    private static int[] CanonicalOrder(MixtureParameters truth, ModelShape shape)
    {
        var order = Enumerable.Range(0, truth.K)
            .OrderBy(k => shape.HasKnot ? truth.Classes[k].Knot : truth.Classes[k].Alpha[0]).ThenBy(k => truth.Classes[k].Alpha[0]).ThenBy(k => k).ToArray();
        var pos = new int[truth.K];
        for (int j = 0; j < order.Length; j++) pos[order[j]] = j;
        return pos;
    }

    /// <summary>Aligns the fitted classes to the truth by maximising agreement of modal and true classes over all permutations.</summary>
    internal static SimulationReplication Align(int r, GrowthMixtureResult fit, int[] trueCanon, ModelShape shape)
    {
        int K = fit.K, n = fit.NObs;
        int[] bestPerm = Enumerable.Range(0, K).ToArray();
        int bestAgree = -1;
        foreach (var perm in Permutations(K))
        {
            int agree = 0;
            for (int i = 0; i < n; i++) if (perm[fit.Assignments[i] - 1] == trueCanon[i]) agree++;
            if (agree > bestAgree) { bestAgree = agree; bestPerm = perm; }
        }
        var est = fit.Estimates.Select(e => e.Estimate).ToArray();
        var se = fit.Estimates.Select(e => e.StdError ?? double.NaN).ToArray();
        bool identity = bestPerm.Select((v, i) => v == i).All(b => b);
        if (!identity)
        {
            // Class j of the fit is truth class perm[j]: move its block there and re-reference the gating.
            var ps = ParameterSet.FromPublic(fit.Parameters, shape);
            var moved = new ParameterSet(shape);
            int w = shape.G + 1, inv0 = Array.IndexOf(bestPerm, 0);
            for (int j = 0; j < K; j++)
            {
                int to = bestPerm[j];
                ps.Alpha[j].CopyTo(moved.Alpha[to], 0); ps.B[j].CopyTo(moved.B[to], 0); ps.Psi[j].CopyTo(moved.Psi[to], 0);
                ps.MuX[j].CopyTo(moved.MuX[to], 0); ps.Phi[j].CopyTo(moved.Phi[to], 0);
                ps.Gamma[j].CopyTo(moved.Gamma[to], 0); moved.Theta[to] = ps.Theta[j];
                for (int g = 0; g < w; g++) moved.Gate[to * w + g] = ps.Gate[j * w + g] - ps.Gate[inv0 * w + g];
            }
            var newEst = moved.Pack(true);
            var newSe = new double[se.Length];
            int per = shape.PerClass;
            for (int j = 0; j < K; j++) Array.Copy(se, j * per, newSe, bestPerm[j] * per, per);
            for (int t = K * per; t < se.Length; t++) newSe[t] = K == 2 ? se[t] : double.NaN;   // a new reference changes gating SEs for K > 2
            est = newEst; se = newSe;
        }
        return new SimulationReplication(r, est, se, (double)bestAgree / n, fit.Converged);
    }

    private static IEnumerable<int[]> Permutations(int k)
    {
        if (k == 1) { yield return [0]; yield break; }
        foreach (var p in Permutations(k - 1))
            for (int pos = 0; pos < k; pos++)
            {
                var r = new List<int>(p);
                r.Insert(pos, k - 1);
                yield return [.. r];
            }
    }
}
