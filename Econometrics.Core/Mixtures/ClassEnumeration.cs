using Econometrics.Inference;

namespace Econometrics.Mixtures;

/// <summary>
/// Fits K = 1..<see cref="MaxClasses"/> classes of one growth mixture and tabulates log-likelihood, AIC, BIC,
/// sample-size-adjusted BIC and entropy, as <c>nlpsem::getSummary</c> and Mplus do for choosing K.
/// </summary>
/// <remarks>
/// The <c>nlpsem</c> workflow enumerates without covariates first and adds gating and expert covariates once K is
/// fixed; load the data without covariates for that. A K the data cannot support is reported as a diagnostic and
/// ends the enumeration.
/// </remarks>
public sealed record ClassEnumeration
{
    /// <summary>The largest number of classes (default 4).</summary>
    public int MaxClasses { get; init; } = 4;

    /// <summary>The model template; its <see cref="GrowthMixture.Classes"/> is replaced by each K.</summary>
    public GrowthMixture Model { get; init; } = new() { StandardErrors = false };

    /// <summary>
    /// Bootstrap replicates B of the likelihood-ratio test of K − 1 against K classes (McLachlan 1987; Mplus TECH14);
    /// 0 (default) skips it. Each replicate simulates data from the fitted K − 1-class model at the observed design
    /// and fits both models to it with the template's starts; p = (1 + #{LR_b ≥ LR}) / (B + 1).
    /// </summary>
    public int BootstrapReplicates { get; init; }

    /// <summary>
    /// Which bootstrap replicates this process runs (default all): shard i of n runs replicates b with b mod n = i and
    /// reports their likelihood ratios (<see cref="ClassEnumerationResult.Blrt"/>) without p-values.
    /// </summary>
    public Shard BootstrapShard { get; init; } = Shard.All;

    /// <summary>
    /// Merge: the replicates of every shard of an earlier sharded run (their <see cref="ClassEnumerationResult.Blrt"/>);
    /// the enumeration is refitted and the p-values come from the shards' ratios, equal to the one-process run.
    /// </summary>
    public IReadOnlyList<BlrtReplicates>? BootstrapShards { get; init; }

    /// <summary>
    /// Whether to add the Vuong-Lo-Mendell-Rubin test and its adjusted version of K − 1 against K classes (Lo, Mendell
    /// and Rubin 2001; Mplus TECH11) to every row K ≥ 2 (default false): the LR statistic against the weighted
    /// chi-square limit of Vuong (1989), from the casewise scores and observed information of both fits.
    /// </summary>
    public bool VuongLoMendellRubin { get; init; }

    /// <summary>Fits every K and returns the table.</summary>
    /// <param name="data">The data.</param>
    /// <param name="progress">Receives the fraction done, advancing within each K as its starts finish.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxClasses"/> is below 1.</exception>
    public ClassEnumerationResult Fit(GrowthData data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (MaxClasses < 1) throw new ArgumentOutOfRangeException(nameof(MaxClasses), MaxClasses, "At least one class is needed.");
        if (BootstrapReplicates < 0) throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), BootstrapReplicates, "The bootstrap needs " +
            "a non-negative number of replicates.");
        if (BootstrapReplicates > 0 && Model.Starts < 2)
            throw new ArgumentOutOfRangeException(nameof(GrowthMixture.Starts), Model.Starts,
                "The bootstrap likelihood-ratio test needs at least 2 random starts per bootstrap fit: a K-class fit stuck in a local maximum " +
                    "understates LR_b and biases p downwards.");
        var fits = new List<GrowthMixtureResult>();
        var diagnostics = new List<Diagnostic>();
        for (int k = 1; k <= MaxClasses; k++)
        {
            try
            {
                var within = progress is null ? null : new Share(progress, k - 1, MaxClasses);
                fits.Add((Model with { Classes = k, FixedKnots = null }).Fit(data, within, cancellationToken));
            }
            catch (ArgumentException e) when (e.ParamName == nameof(GrowthMixture.Classes))
            {
                diagnostics.Add(Diagnostic.Warning($"K = {k}: {e.Message.Split(" (Parameter")[0]} The enumeration stopped at K = {k - 1}.",
                    "classes-unsupported"));
                break;
            }
            progress?.Report((BootstrapReplicates > 0 ? 0.2 : 1.0) * k / MaxClasses);
        }
        if (fits.Count == 0) throw new ArgumentException(diagnostics[0].Message, nameof(data));
        var vlmr = VuongLoMendellRubin ? Vlmr(data, fits, diagnostics, cancellationToken) : null;
        if (BootstrapReplicates == 0) return new ClassEnumerationResult(fits, diagnostics) { Vlmr = vlmr };
        var blrt = BootstrapShards is null ? Bootstrap(data, fits, progress, cancellationToken) : Merge(fits);
        return new ClassEnumerationResult(fits, diagnostics)
        {
            BlrtP = blrt.IsComplete ? PValues(blrt, diagnostics) : null, BootstrapReplicates = BootstrapReplicates, Blrt = blrt, Vlmr = vlmr,
        };
    }

    /// <summary>The VLMR test of every K ≥ 2 in the table (null for K = 1 and where an information matrix is singular).</summary>
    private VlmrTest?[] Vlmr(GrowthData data, List<GrowthMixtureResult> fits, List<Diagnostic> diagnostics, CancellationToken ct)
    {
        var tests = new VlmrTest?[fits.Count];
        for (int j = 1; j < fits.Count; j++)
        {
            ct.ThrowIfCancellationRequested();
            var (test, reason) = Mixtures.VuongLoMendellRubin.Run(Model, data, fits[j - 1], fits[j]);
            tests[j] = test;
            if (test is null)
                diagnostics.Add(Diagnostic.Warning($"VLMR K = {fits[j].K}: not computed: {reason}.", "vlmr-undefined"));
        }
        return tests;
    }

    /// <summary>
    /// The bootstrap likelihood ratios of this shard's replicates for every K ≥ 2 in the table. Replicate b of K has its
    /// own seeds (data and fits, from the template's seed through the SplitMix64 stream key), so the ratios are the
    /// same on any number of threads and in any shard. A bootstrap sample whose K − 1- or K-class fit fails (every run
    /// collapses a class) is redrawn from the next stream of replicate b, up to <see cref="MaxRedraws"/> times: a dropped
    /// replicate would leave B − 1 ratios, and with B = 19 then no p-value could fall to 0.05.
    /// </summary>
    private BlrtReplicates Bootstrap(GrowthData data, List<GrowthMixtureResult> fits, IProgress<double>? progress, CancellationToken ct)
    {
        int pairs = fits.Count - 1;
        var own = ReplicateDraws.Owned(BootstrapReplicates, BootstrapShard);
        int per = own.Length;
        var lr = new double[Math.Max(pairs, 0) * per];
        var redrawn = new int[lr.Length];
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = Model.MaxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, lr.Length, po, t =>
        {
            int pair = t / per, b = own[t % per], K = fits[pair + 1].K;
            var shape = Model.Shape(data, true, K - 1);
            var ps = ParameterSet.FromPublic(fits[pair].Parameters, shape);
            lr[t] = double.NaN;   // a replicate none of whose samples can carry K classes
            for (int a = 0; a <= MaxRedraws && double.IsNaN(lr[t]); a++)
            {
                // Attempt 0 keeps the streams (2K, 2K + 1) of replicate b; redraw a uses (2K + a·2¹⁶, 2K + 1 + a·2¹⁶).
                int purpose = 2 * K + (a << 16);
                var sim = ParametricBootstrap.Simulate(data, ps, StartValues.StreamSeed(Model.Seed, b, purpose));
                var template = Model with
                {
                    StandardErrors = false,
                    FixedKnots = null,
                    MaxDegreeOfParallelism = 1,
                    Seed = StartValues.StreamSeed(Model.Seed, b, purpose + 1),
                };
                try
                {
                    double l0 = (template with { Classes = K - 1 }).Fit(sim, null, ct).LogLikelihood;
                    double l1 = (template with { Classes = K }).Fit(sim, null, ct).LogLikelihood;
                    lr[t] = 2 * (l1 - l0);
                    redrawn[t] = a;
                }
                catch (ArgumentException)
                {
                    redrawn[t] = a + 1;
                }
            }
            progress?.Report(0.2 + 0.8 * Interlocked.Increment(ref done) / lr.Length);
        });
        var ratios = Enumerable.Range(0, Math.Max(pairs, 0))
            .Select(pair => (IReadOnlyList<double?>)lr.AsSpan(pair * per, per).ToArray().Select(v => double.IsFinite(v) ? v : (double?)null).ToArray())
            .ToArray();
        return new BlrtReplicates(BootstrapReplicates, Model.Seed, Model.Starts, BootstrapShard.Index, BootstrapShard.Count, Classes(fits),
            Observed(fits), ratios)
        {
            Redrawn = Enumerable.Range(0, Math.Max(pairs, 0)).Select(pair => redrawn.AsSpan(pair * per, per).ToArray().Sum()).ToArray(),
        };
    }

    /// <summary>How often a bootstrap sample whose fit fails is redrawn before its replicate is given up.</summary>
    internal const int MaxRedraws = 5;

    private BlrtReplicates Merge(List<GrowthMixtureResult> fits)
    {
        var merged = BlrtReplicates.Merge(BootstrapShards!);
        if (merged.Replicates != BootstrapReplicates || merged.Seed != Model.Seed || merged.Starts != Model.Starts)
            throw new ArgumentException($"The BLRT shards ran {merged.Replicates} replicates with seed {merged.Seed} and {merged.Starts} starts; this " +
                $"run asks for {BootstrapReplicates} with seed {Model.Seed} and {Model.Starts} starts.", nameof(BootstrapShards));
        if (!merged.Classes.SequenceEqual(Classes(fits)) || !merged.Observed.SequenceEqual(Observed(fits)))
            throw new ArgumentException("The BLRT shards were computed from other data or model options: their observed likelihood ratios " +
                $"({string.Join(", ", merged.Observed)}) differ from this enumeration's ({string.Join(", ", Observed(fits))}).", nameof(BootstrapShards));
        return merged;
    }

    private static int[] Classes(List<GrowthMixtureResult> fits) => fits.Skip(1).Select(f => f.K).ToArray();

    private static double[] Observed(List<GrowthMixtureResult> fits) =>
        Enumerable.Range(0, fits.Count - 1).Select(pair => 2 * (fits[pair + 1].LogLikelihood - fits[pair].LogLikelihood)).ToArray();

    /// <summary>The BLRT p-value of every K ≥ 2 in the table (null for K = 1): p = (1 + #{LR_b ≥ LR}) / (B + 1) over the fitted replicates.</summary>
    private static double?[] PValues(BlrtReplicates blrt, List<Diagnostic> diagnostics)
    {
        int B = blrt.Replicates;
        var p = new double?[blrt.Classes.Count + 1];
        for (int pair = 0; pair < blrt.Classes.Count; pair++)
        {
            double observed = blrt.Observed[pair];
            var reps = blrt.LikelihoodRatios[pair].Where(v => v is not null).Select(v => v!.Value).ToArray();
            int failed = B - reps.Length, redrawn = blrt.Redrawn?[pair] ?? 0;
            if (redrawn > 0)
                diagnostics.Add(Diagnostic.Info($"BLRT K = {blrt.Classes[pair]}: {redrawn} bootstrap sample(s) could not be fitted (a class " +
                    $"collapsed) and were redrawn.", "blrt-redrawn"));
            if (failed > 0)
                diagnostics.Add(Diagnostic.Warning($"BLRT K = {blrt.Classes[pair]}: {failed} of {B} replicates could not be fitted with " +
                    $"{blrt.Classes[pair]} classes in {MaxRedraws + 1} draws and were left out; p uses the other {reps.Length}.", "blrt-failed"));
            p[pair + 1] = reps.Length == 0 ? null : (1.0 + reps.Count(v => v >= observed)) / (reps.Length + 1);
        }
        return p;
    }

    // The k-th of n equal shares of the whole: a fit's own fraction f reports as (k + f) / n.
    private sealed class Share(IProgress<double> whole, int k, int n) : IProgress<double>
    {
        public void Report(double value) => whole.Report((k + Math.Clamp(value, 0, 1)) / n);
    }
}
