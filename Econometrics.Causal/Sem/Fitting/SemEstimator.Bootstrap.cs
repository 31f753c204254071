using Econometrics.Inference;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

public sealed partial record SemEstimator
{
    // The stream tag of bootstrap replicates: replicate r draws from SplitMix64 stream (Seed, tag, r), so that its sample,
    // and hence every result, is the same on any number of threads and in any order.
    private const uint BootstrapStream = 0x424F4F54;

    /// <summary>
    /// The bootstrap replicates this process fits (default all): shard i of n fits replicates r with r mod n = i, and its
    /// fit carries their estimates (<see cref="SemFit.ReplicateDraws"/>) for a merge; its standard errors are theirs alone.
    /// </summary>
    public Shard BootstrapShard { get; init; } = Shard.All;

    /// <summary>
    /// The replicate estimates of every bootstrap shard of one run, merged instead of refitting the resamples: the fit then
    /// equals the one-process fit exactly. Null resamples.
    /// </summary>
    public IReadOnlyList<ReplicateDraws>? BootstrapShards { get; init; }

    private const string BootstrapKind = "sem-bootstrap";

    /// <summary>The bootstrap draws: the estimates of the replicates this process holds (null for failed replicates).</summary>
    /// <param name="Theta">One entry per held replicate, in replicate order.</param>
    /// <param name="Successes">The non-null entries.</param>
    /// <param name="Shard">A shard's record of its replicates for a merge; null with every replicate here.</param>
    private sealed record BootstrapDraws(double[]?[] Theta, int Successes, ReplicateDraws? Shard)
    {
        public IEnumerable<double[]> Good => Theta.Where(t => t is not null)!;
    }

    // Refuses shard settings that split no bootstrap (checked before any fit).
    private void CheckBootstrapShards()
    {
        if (BootstrapShards is not null && BootstrapShard.Count > 1)
            throw new ArgumentException("Run a bootstrap shard (BootstrapShard) or merge the shards (BootstrapShards), not both.", nameof(BootstrapShards));
        if ((BootstrapShards is not null || BootstrapShard.Count > 1) && StandardErrors != SemStandardErrors.Bootstrap)
            throw new ArgumentException("BootstrapShard and BootstrapShards split the bootstrap: they need StandardErrors = Bootstrap.",
                BootstrapShards is not null ? nameof(BootstrapShards) : nameof(BootstrapShard));
    }

    // Refits the model to B case resamples of the data, starting each from the full-sample estimates (as lavaan); refit
    // replaces the complete-data ML replicate fit (full-information ML passes its own). A shard fits only its own
    // replicates; merged shards supply every replicate's estimates, which are the one-process ones bit for bit because
    // replicate r's resample depends on (Seed, r) alone.
    private BootstrapDraws Bootstrap(RamModel model, ParameterFunctions functions, ConstraintSpace equalities, Matrix<double> raw, double[] start,
        IProgress<double>? progress, CancellationToken cancellationToken, Func<Matrix<double>, double[]?>? refit = null)
    {
        int n = raw.RowCount, p = raw.ColumnCount, b = BootstrapReplicates;
        var columns = raw.ToColumnMajorArray();
        string run = ReplicateDraws.Fingerprint(FormattableString.Invariant(
            $"{BootstrapKind};{Seed};{Estimation};{Missing};{StdLv};{MeanStructure};{ObservedInterceptsFree};{LatentMeansFree};{Model}"),
            start.Concat(columns));
        if (BootstrapShards is { } shards)
        {
            var merged = ReplicateDraws.MergeRun(shards, BootstrapKind, run, b, "replicates", "the data, the model, the seed or the settings",
                nameof(BootstrapShards));
            var all = merged.ToArrays().Select(v => v.Length == start.Length && v.All(double.IsFinite) ? v : null).ToArray();
            progress?.Report(1.0);
            return new BootstrapDraws(all, all.Count(t => t is not null), null);
        }
        var owned = ReplicateDraws.Owned(b, BootstrapShard);
        var draws = new double[]?[owned.Length];
        int done = 0, every = Math.Max(1, owned.Length / 200);
        var po = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, owned.Length, po, o =>
        {
            int r = owned[o];
            var rng = new Random(SplitMix64.ToSeed(SplitMix64.StreamKey((ulong)(uint)Seed, BootstrapStream, (uint)r)));
            var x = new double[n * p];
            for (int i = 0; i < n; i++)
            {
                int row = rng.Next(n);
                for (int v = 0; v < p; v++) x[i + v * n] = columns[row + v * n];
            }
            var resample = Matrix<double>.Build.Dense(n, p, x);
            draws[o] = refit is null ? Replicate(model, functions, equalities, resample, start) : refit(resample);
            int d = Interlocked.Increment(ref done);
            if (d % every == 0 || d == owned.Length) progress?.Report((double)d / owned.Length);
        });
        // A failed replicate is a row of NaN (null in JSON), read back as failed by the merge.
        var shard = BootstrapShard.Count == 1 ? null : ReplicateDraws.From(BootstrapKind, run, b, BootstrapShard,
            draws.Select(t => t ?? Enumerable.Repeat(double.NaN, start.Length).ToArray()).ToArray());
        return new BootstrapDraws(draws, draws.Count(t => t is not null), shard);
    }

    // One replicate fit; null when the resample's covariance is singular or the fit fails or does not converge (lavaan drops
    // those replicates too).
    private double[]? Replicate(RamModel model, ParameterFunctions functions, ConstraintSpace equalities, Matrix<double> x, double[] start)
    {
        int n = x.RowCount;
        var means = x.ColumnSums() / n;
        for (int v = 0; v < x.ColumnCount; v++)
        {
            double m = means[v];
            for (int i = 0; i < n; i++) x[i, v] -= m;
        }
        var sample = x.TransposeThisAndMultiply(x) / n;
        sample = (sample + sample.Transpose()) * 0.5;
        double logDetS;
        try { logDetS = SmallDense.LogDeterminant(sample.Cholesky().Factor); }
        catch (ArgumentException) { return null; }
        if (!double.IsFinite(logDetS)) return null;
        var mean = model.HasMeans ? means : null;
        var ml = new SemObjective(new MlObjective(new RamEvaluator(model, sample, mean), sample, logDetS, mean));
        try
        {
            var (state, _, converged, _, _) = Minimize(ml, functions, equalities, start);
            return converged ? state.Theta : null;
        }
        catch (InvalidOperationException) { return null; }
    }

    // Reports the failed replicates (why they fail depends on the estimator) and summarizes the successful ones; with
    // fewer than 2 successes there is no bootstrap covariance and the fit reports no standard errors.
    private (Matrix<double> Covariance, (double Lo, double Hi)[] Free, double[][] Defined)? SummarizeBootstrap(BootstrapDraws draws,
        ParameterFunctions functions, int q, string failureReason, List<Diagnostic> diagnostics)
    {
        int held = draws.Theta.Length;
        if (draws.Successes < held)
            diagnostics.Add(Diagnostic.Warning($"{held - draws.Successes} of {held} bootstrap replicates failed " +
                $"({failureReason}) and were dropped.", "bootstrap-failures"));
        if (draws.Shard is not null)
            diagnostics.Add(Diagnostic.Info($"Bootstrap shard {BootstrapShard} ran {held} of the {BootstrapReplicates} replicates; the standard " +
                "errors and intervals are theirs alone. Merge every shard's draws (econ: --merge with the shards' --json files) for the full bootstrap.",
                "shard"));
        if (draws.Successes >= 2) return Summarize(draws, functions, q);
        diagnostics.Add(Diagnostic.Warning("Fewer than 2 bootstrap replicates succeeded: no standard errors.", "bootstrap-failures"));
        return null;
    }

    // The bootstrap covariance of the free parameters (divisor B - 1, as lavaan) and 95% percentile intervals (type-7
    // quantiles) of each free parameter and defined parameter.
    private static (Matrix<double> Covariance, (double Lo, double Hi)[] Free, double[][] Defined) Summarize(BootstrapDraws draws,
        ParameterFunctions functions, int q)
    {
        var good = draws.Good.ToArray();
        int b = good.Length;
        var t = Matrix<double>.Build.Dense(b, q, (r, a) => good[r][a]);
        var mean = t.ColumnSums() / b;
        for (int a = 0; a < q; a++)
            for (int r = 0; r < b; r++) t[r, a] -= mean[a];
        var cov = t.TransposeThisAndMultiply(t) / (b - 1);
        var free = new (double, double)[q];
        for (int a = 0; a < q; a++) free[a] = Percentile(good.Select(g => g[a]));
        var defined = functions.Defined.Select(d => good.Select(g => functions.Evaluate(d.Expression!, g).Value).ToArray()).ToArray();
        return (cov, free, defined);
    }

    private static (double, double) Percentile(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? (double.NaN, double.NaN) : (SampleStatistics.Quantile(sorted, 0.025), SampleStatistics.Quantile(sorted, 0.975));
    }

    private static double StandardDeviation(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length < 2) return double.NaN;
        double m = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - m) * (v - m)) / (finite.Length - 1));
    }
}
