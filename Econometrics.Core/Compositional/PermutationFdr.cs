using Econometrics.Inference;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Permutation false discovery rate of a pairwise measure at a grid of cutoffs, as propr's <c>updateCutoffs</c>
/// (Quinn et al. 2017): every column of the data is shuffled independently (propr's feature-wise permutation), the
/// measure is recomputed, and at each cutoff the FDR is the mean number of permuted pairs beyond the cutoff divided
/// by the number of observed pairs beyond it.
/// </summary>
/// <remarks>
/// <para>Cutoffs default to the quantiles (R's type 7) at <c>seq(0, 1, length = NumberOfCutoffs)</c> of the observed
/// values: the non-negative ones for <see cref="FdrTails.Right"/>, the absolute values for <see cref="FdrTails.Both"/>.
/// A pair counts as beyond a non-negative cutoff when its value is strictly greater, beyond a negative cutoff when it
/// is strictly smaller (propr's <c>countValuesBeyondThreshold</c> for a direct measure).</para>
/// <para>Permutation k shuffles the columns with a generator seeded from (Seed, k) only, so the table is identical on
/// any thread count. The measure is recomputed with the same settings (basis shrinkage re-estimates its intensity on
/// each permutation, as propr does).</para>
/// </remarks>
public sealed record PermutationFdr
{
    /// <summary>The measure.</summary>
    public PairwiseMetric Metric { get; init; } = PairwiseMetric.Proportionality;

    /// <summary>Settings of the partial correlations (covariance, route) for <see cref="PairwiseMetric.PartialCorrelation"/>.</summary>
    public PartialCorrelations PartialCorrelations { get; init; } = new();

    /// <summary>Number of permutations P (propr's <c>p</c>, default 100).</summary>
    public int Permutations { get; init; } = 100;

    /// <summary>Number of quantile cutoffs (propr's <c>number_of_cutoffs</c>, default 100); ignored when <see cref="Cutoffs"/> is set.</summary>
    public int NumberOfCutoffs { get; init; } = 100;

    /// <summary>Explicit cutoffs (propr's <c>custom_cutoffs</c>); null means quantiles of the observed values.</summary>
    public IReadOnlyList<double>? Cutoffs { get; init; }

    /// <summary>One tail (positive association, propr's default) or both.</summary>
    public FdrTails Tails { get; init; } = FdrTails.Right;

    /// <summary>Seed of the permutations.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Upper bound on parallel permutations; -1 means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The permutations this process runs (default all): shard i of n runs permutations k with k mod n = i, and its
    /// result carries their counts (<see cref="PermutationFdrResult.ReplicateDraws"/>) for a merge.
    /// </summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>
    /// The draws of every shard of one run (from their results' <c>replicateDraws</c>), merged instead of permuting: the
    /// table then equals the one-process table exactly. Null permutes.
    /// </summary>
    public IReadOnlyList<ReplicateDraws>? Shards { get; init; }

    private const string Kind = "permutation-fdr";

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Estimates the FDR at each cutoff.</summary>
    /// <param name="composition">At least 3 parts (partial correlations) or 2 (proportionality), and 3 samples.</param>
    /// <param name="progress">Receives the fraction of permutations done.</param>
    /// <param name="cancellationToken">Stops between permutations.</param>
    /// <exception cref="ArgumentException">Invalid settings, or data the measure cannot be computed on.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public PermutationFdrResult Estimate(Composition composition, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(composition);
        Validate();
        return Estimate(composition, k => Shuffles(composition.NObs, composition.NParts, Seed, k), Backend ?? LinearAlgebraBackends.Default, progress,
            cancellationToken);
    }

    /// <summary>The core, with the permutations supplied: <c>permutation(k)[j]</c> gives the row order of column j in permutation k.</summary>
    internal PermutationFdrResult Estimate(Composition composition, Func<int, int[][]> permutation, ILinearAlgebra la,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Validate();
        if (composition.NObs < 3) throw new ArgumentException($"A permutation FDR needs at least 3 samples; the composition has {composition.NObs}.",
            nameof(composition));
        var observed = PairValues(composition, la);
        var cutoffs = Cutoffs?.ToArray() ?? QuantileCutoffs(observed);
        int m = observed.Length, c = cutoffs.Length;
        var sortedObserved = (double[])observed.Clone();
        Array.Sort(sortedObserved);
        var truecounts = cutoffs.Select(t => Beyond(sortedObserved, t)).ToArray();

        string run = ReplicateDraws.Fingerprint(FormattableString.Invariant($"{Kind};{Metric};{PartialCorrelations.Covariance};{Tails};{Seed}"),
            observed.Concat(cutoffs));
        int[][] counts;
        ReplicateDraws? draws = null;
        if (Shards is { } shards)
        {
            counts = ReplicateDraws.MergeRun(shards, Kind, run, Permutations, "permutations", "the data, the seed or the settings", nameof(Shards))
                .ToArrays().Select(v => v.Select(x => (int)x).ToArray()).ToArray();
        }
        else
        {
            var owned = ReplicateDraws.Owned(Permutations, Shard);
            counts = new int[owned.Length][];
            int done = 0;
            var po = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
            var x = composition.Raw;
            Parallel.For(0, owned.Length, po, o =>
            {
                var orders = permutation(owned[o]);
                var y = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => x[orders[j][i], j]);
                var values = PairValues(Composition.From(y, composition.Parts), la);
                Array.Sort(values);
                var row = new int[c];
                for (int t = 0; t < c; t++) row[t] = Beyond(values, cutoffs[t]);
                counts[o] = row;
                int d = Interlocked.Increment(ref done);
                progress?.Report((double)d / owned.Length);
            });
            if (Shard.Count > 1)
                draws = ReplicateDraws.From(Kind, run, Permutations, Shard, counts.Select(r => r.Select(v => (double)v).ToArray()).ToArray());
        }

        int p = counts.Length;
        var rows = new FdrRow[c];
        int undefined = 0;
        for (int t = 0; t < c; t++)
        {
            // Integer sums: the same on any thread count and order.
            long sum = 0;
            for (int k = 0; k < p; k++) sum += counts[k][t];
            double mean = p > 0 ? (double)sum / p : double.NaN, ss = 0;
            for (int k = 0; k < p; k++) ss += (counts[k][t] - mean) * (counts[k][t] - mean);
            double se = p > 1 ? Math.Sqrt(ss / (p - 1) / p) : double.NaN;
            double fdr = truecounts[t] > 0 ? mean / truecounts[t] : double.NaN;
            if (truecounts[t] == 0) undefined++;
            rows[t] = new FdrRow(cutoffs[t], truecounts[t], mean, fdr, truecounts[t] > 0 ? se / truecounts[t] : double.NaN);
        }
        var diagnostics = new List<Diagnostic>();
        if (undefined > 0)
            diagnostics.Add(Diagnostic.Info($"{undefined} cutoff{(undefined == 1 ? " has" : "s have")} no observed pair beyond " +
                $"{(undefined == 1 ? "it" : "them")}; the FDR is undefined there (null).", "fdr-undefined"));
        if (draws is not null)
            diagnostics.Add(Diagnostic.Info($"Shard {Shard} ran {p} of the {Permutations} permutations; the table is theirs alone. Merge every shard's draws " +
                "(econ: --merge with the shards' --json files) for the full table.", "shard"));
        return new PermutationFdrResult(Metric, Metric == PairwiseMetric.PartialCorrelation ? PartialCorrelations.Covariance : null,
            Tails, p, Seed, composition.NObs, composition.NParts, m, rows, diagnostics)
        { ReplicateDraws = draws };
    }

    private void Validate()
    {
        if (Permutations < 1) throw new ArgumentOutOfRangeException(nameof(Permutations), Permutations, "At least one permutation is needed.");
        if (Cutoffs is null && NumberOfCutoffs < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfCutoffs), NumberOfCutoffs, "At least one " +
            "cutoff is needed.");
        if (Cutoffs is { } cs && (cs.Count == 0 || cs.Any(v => !double.IsFinite(v))))
            throw new ArgumentException("Cutoffs must be a non-empty list of finite numbers.", nameof(Cutoffs));
        ArgumentNullException.ThrowIfNull(PartialCorrelations, nameof(PartialCorrelations));
        if (Shards is not null && Shard.Count > 1) throw new ArgumentException("Run a shard or merge the shards, not both.", nameof(Shards));
    }

    /// <summary>The measure for every pair i &lt; j (on |value| with two tails).</summary>
    private double[] PairValues(Composition composition, ILinearAlgebra la)
    {
        var m = Metric == PairwiseMetric.Proportionality
            ? LogRatioMeasures.ProportionalityFromClrCovariance(LogRatio.Covariance(composition.Clr(), la))
            : PartialCorrelations.Estimate(composition, la).PartialCorrelation;
        int d = m.RowCount;
        var v = new double[d * (d - 1) / 2];
        for (int i = 0, p = 0; i < d; i++)
            for (int j = i + 1; j < d; j++) v[p++] = Tails == FdrTails.Both ? Math.Abs(m[i, j]) : m[i, j];
        return v;
    }

    private double[] QuantileCutoffs(double[] observed)
    {
        var vals = (Tails == FdrTails.Right ? observed.Where(v => v >= 0) : observed).ToArray();
        if (vals.Length == 0)
            throw new ArgumentException("No pair has a non-negative value, so there are no right-tail cutoffs; use both tails or give cutoffs.", nameof(Tails));
        Array.Sort(vals);
        var cut = new double[NumberOfCutoffs];
        for (int t = 0; t < NumberOfCutoffs; t++)
        {
            double p = NumberOfCutoffs == 1 ? 0 : (double)t / (NumberOfCutoffs - 1);
            // R's quantile type 7: h = (n - 1) p, linear between order statistics.
            double h = (vals.Length - 1) * p;
            int lo = (int)Math.Floor(h);
            int hi = Math.Min(lo + 1, vals.Length - 1);
            cut[t] = vals[lo] + (h - lo) * (vals[hi] - vals[lo]);
        }
        return cut;
    }

    /// <summary>Pairs beyond the cutoff in sorted values: strictly above a non-negative cutoff, strictly below a negative one.</summary>
    private static int Beyond(double[] sorted, double cutoff)
    {
        if (cutoff >= 0)
        {
            int lo = 0, hi = sorted.Length;          // first index with value > cutoff
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (sorted[mid] > cutoff) hi = mid; else lo = mid + 1; }
            return sorted.Length - lo;
        }
        else
        {
            int lo = 0, hi = sorted.Length;          // first index with value >= cutoff
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (sorted[mid] >= cutoff) hi = mid; else lo = mid + 1; }
            return lo;
        }
    }

    /// <summary>Independent Fisher-Yates shuffles of each column, from a generator keyed by (seed, permutation).</summary>
    internal static int[][] Shuffles(int n, int d, int seed, int k)
    {
        var rng = new Random(SplitMix64.ToSeed(unchecked((ulong)(uint)seed * SplitMix64.Golden + (ulong)(uint)k * 0xD1B54A32D192ED03UL +
            0x2545F4914F6CDD1DUL)));
        var orders = new int[d][];
        for (int j = 0; j < d; j++)
        {
            var o = Enumerable.Range(0, n).ToArray();
            for (int i = n - 1; i > 0; i--) { int r = rng.Next(i + 1); (o[i], o[r]) = (o[r], o[i]); }
            orders[j] = o;
        }
        return orders;
    }
}
