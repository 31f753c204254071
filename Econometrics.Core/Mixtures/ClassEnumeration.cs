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
        var blrt = BootstrapReplicates > 0 ? Bootstrap(data, fits, diagnostics, progress, cancellationToken) : null;
        return new ClassEnumerationResult(fits, diagnostics) { BlrtP = blrt, BootstrapReplicates = BootstrapReplicates, Vlmr = vlmr };
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
    /// The BLRT p-value of every K ≥ 2 in the table (null for K = 1). Replicate b of K has its own seeds (data and
    /// fits, from the template's seed through the SplitMix64 stream key), so the p-values are the same on any number of
    /// threads.
    /// </summary>
    private double?[] Bootstrap(GrowthData data, List<GrowthMixtureResult> fits, List<Diagnostic> diagnostics, IProgress<double>? progress,
        CancellationToken ct)
    {
        int B = BootstrapReplicates, pairs = fits.Count - 1;
        var lr = new double[Math.Max(pairs, 0) * B];
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = Model.MaxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, lr.Length, po, t =>
        {
            int pair = t / B, b = t % B, K = fits[pair + 1].K;
            var null0 = fits[pair];
            var shape = Model.Shape(data, true, K - 1);
            var ps = ParameterSet.FromPublic(null0.Parameters, shape);
            var sim = ParametricBootstrap.Simulate(data, ps, StartValues.StreamSeed(Model.Seed, b, 2 * K));
            var template = Model with
            {
                StandardErrors = false,
                FixedKnots = null,
                MaxDegreeOfParallelism = 1,
                Seed = StartValues.StreamSeed(Model.Seed, b,
                2 * K + 1)
            };
            try
            {
                double l0 = (template with { Classes = K - 1 }).Fit(sim, null, ct).LogLikelihood;
                double l1 = (template with { Classes = K }).Fit(sim, null, ct).LogLikelihood;
                lr[t] = 2 * (l1 - l0);
            }
            catch (ArgumentException)
            {
                lr[t] = double.NaN;   // a bootstrap sample that cannot carry K classes
            }
            progress?.Report(0.2 + 0.8 * Interlocked.Increment(ref done) / lr.Length);
        });
        var p = new double?[fits.Count];
        for (int pair = 0; pair < pairs; pair++)
        {
            double observed = 2 * (fits[pair + 1].LogLikelihood - fits[pair].LogLikelihood);
            var reps = lr.AsSpan(pair * B, B).ToArray().Where(double.IsFinite).ToArray();
            int failed = B - reps.Length;
            if (failed > 0)
                diagnostics.Add(Diagnostic.Warning($"BLRT K = {fits[pair + 1].K}: {failed} of {B} bootstrap samples could not be fitted with " +
                    $"{fits[pair + 1].K} classes and were left out.", "blrt-failed"));
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
