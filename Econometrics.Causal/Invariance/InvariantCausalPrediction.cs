using Econometrics.LinearAlgebra;
using System.Numerics;
using MathNet.Numerics.Distributions;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// Invariant causal prediction (Peters, Buhlmann and Meinshausen, JRSS-B 2016): test every subset S of the
/// predictors for invariance of Y given X_S across environments; the estimated causal predictors are the
/// intersection of the accepted sets, with per-variable p-values and confidence intervals as in R's
/// <c>InvariantCausalPrediction::ICP(selection = "all")</c>.
/// </summary>
/// <remarks>
/// Matches R's package 0.8 numerically except where R is wrong: p-values come from survival functions (R's
/// <c>1 - pf()</c> underflows to 0 below about 1e-16), <see cref="Prune"/> stops the search correctly (R's
/// <c>stopIfEmpty</c> never fires), and the exact test never subsamples. Sets are evaluated in parallel; the result
/// does not depend on the thread count.
/// </remarks>
public sealed record InvariantCausalPrediction
{
    /// <summary>Significance level (R's default 0.01).</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>The per-set invariance test.</summary>
    public IcpTest Test { get; init; } = IcpTest.Normal;

    /// <summary>
    /// The model of the target: linear (Gaussian) or logistic (Binomial, a two-class target). Null chooses as R's
    /// package does: logistic when the target has exactly two distinct values (the larger one is class 1).
    /// </summary>
    public IcpFamily? Family { get; init; }

    /// <summary>Goodness-of-fit level below which the whole model is rejected; null means max(0.01, Alpha) as in R.</summary>
    public double? GoodnessOfFit { get; init; }

    /// <summary>Largest set size tested; null tests all 2^p sets.</summary>
    public int? MaxSetSize { get; init; }

    /// <summary>
    /// Skip sets that contain the running intersection of accepted sets. Accepting such a set cannot change the
    /// estimated causal set, and the p-values of the variables in it are unaffected, so the causal set and its
    /// p-values stay exact; p-values of other variables become lower bounds (still above Alpha) and the intervals are
    /// not reported. Stops as soon as the intersection is empty.
    /// </summary>
    public bool Prune { get; init; }

    /// <summary>The linear-algebra backend of the per-environment Gram matrices; null uses <see cref="LinearAlgebraBackends.Default"/>.</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>The most predictors an exhaustive search accepts.</summary>
    public const int MaxPredictors = 24;

    /// <summary>Runs ICP on the data.</summary>
    /// <param name="data">Environments with the target and predictors.</param>
    /// <param name="progress">Receives the fraction of sets tested.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public IcpResult Fit(Environments data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(Alpha > 0 && Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be in (0, 1).");
        double gof = GoodnessOfFit ?? Math.Max(0.01, Alpha);
        if (!(gof > 0 && gof < 1)) throw new ArgumentOutOfRangeException(nameof(GoodnessOfFit), gof, "GoodnessOfFit must be in (0, 1).");
        int p = data.P;
        int maxSize = MaxSetSize ?? p;
        if (maxSize < 0) throw new ArgumentOutOfRangeException(nameof(MaxSetSize), maxSize, "MaxSetSize must be non-negative.");
        if (p > MaxPredictors && MaxSetSize is null)
            throw new ArgumentException($"{p} predictors give 2^{p} sets; use at most {MaxPredictors} or set MaxSetSize.", nameof(data));
        var classes = data.Y.Distinct().Order().Take(3).ToArray();
        var family = Family ?? (classes.Length == 2 ? IcpFamily.Binomial : IcpFamily.Gaussian);
        LogisticIcpEngine? logistic = null;
        if (family == IcpFamily.Binomial)
        {
            if (classes.Length < 2)
                throw new ArgumentException($"The binary target '{data.Target}' has one class ({classes[0]}) in all {data.N} observations; " +
                    "logistic ICP needs both classes.", nameof(data));
            if (classes.Length > 2)
                throw new ArgumentException($"Family = Binomial needs a target with two values; '{data.Target}' has more. Use Gaussian.", nameof(Family));
            if (Test != IcpTest.Normal)
                throw new ArgumentException("The exact test is for continuous targets; the binomial family uses the normal (Welch t) test.", nameof(Test));
            logistic = new LogisticIcpEngine(data.X, data.Y.Select(v => v == classes[1] ? 1.0 : 0.0).ToArray(), data);
        }
        IIcpSetTest engine = logistic ?? (IIcpSetTest)new IcpEngine(data.X, data.Y, data, Backend ?? LinearAlgebraBackends.Default);

        // R's order: by size, then by the binary code of the set (getblanketall).
        var levels = Enumerable.Range(0, Math.Min(maxSize, p) + 1)
            .Select(s => Masks(p, s).ToArray()).ToArray();
        long total = levels.Sum(l => (long)l.Length);
        var tested = new List<(ulong Mask, double P)>();
        var accepted = new List<ulong>();
        ulong? intersection = null;
        long done = 0;
        bool pruned = false;
        foreach (var level in levels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var todo = Prune && intersection is { } inter ? level.Where(m => (m & inter) != inter).ToArray() : level;
            pruned |= todo.Length < level.Length;
            var pv = new double[todo.Length];
            Parallel.For(0, todo.Length, new ParallelOptions { CancellationToken = cancellationToken },
                i => pv[i] = engine.PValue(Columns(todo[i]), Test));
            for (int i = 0; i < todo.Length; i++)
            {
                if (double.IsNaN(pv[i])) throw new InvalidOperationException($"The design of set {{{Describe(todo[i], data)}}} is singular.");
                tested.Add((todo[i], pv[i]));
                if (pv[i] > Alpha)
                {
                    accepted.Add(todo[i]);
                    intersection = intersection is { } cur ? cur & todo[i] : todo[i];
                }
            }
            done += level.Length;
            progress?.Report((double)done / total);
            if (Prune && intersection == 0UL) { pruned |= done < total; break; }
        }

        double pEmpty = tested[0].P;
        bool reject = !tested.Any(t => t.P > gof);
        var pValues = Enumerable.Repeat(1.0, p).ToArray();
        if (!reject)
            for (int j = 0; j < p; j++)
            {
                double best = pEmpty;
                foreach (var (mask, pval) in tested)
                    if ((mask & (1UL << j)) == 0) best = Math.Max(best, pval);
                pValues[j] = best;
            }

        double[]? upper = null, lower = null;
        var coefSets = new List<(ulong Mask, double[] Coef, double[] Se)>();
        if (!reject)
        {
            double z = Normal.InvCDF(0, 1, 1 - Alpha / 4);
            upper = Enumerable.Repeat(pEmpty > Alpha ? 0.0 : double.NaN, p).ToArray();
            lower = (double[])upper.Clone();
            foreach (var mask in accepted)
            {
                var cols = Columns(mask);
                if (cols.Length == 0) continue;
                var (coef, se) = engine.Coefficients(cols);
                coefSets.Add((mask, coef, se));
                for (int i = 0; i < cols.Length; i++)
                {
                    upper[cols[i]] = NanMax(upper[cols[i]], coef[i] + z * se[i]);
                    lower[cols[i]] = NanMin(lower[cols[i]], coef[i] - z * se[i]);
                }
                for (int j = 0; j < p; j++)
                    if ((mask & (1UL << j)) == 0) { upper[j] = NanMax(upper[j], 0); lower[j] = NanMin(lower[j], 0); }
            }
        }
        var diagnostics = new List<Diagnostic>(data.Diagnostics);
        if (family == IcpFamily.Binomial)
        {
            diagnostics.Add(Diagnostic.Info($"The target has two values ({Fmt(classes[0])}, {Fmt(classes[1])}): logistic-regression ICP with " +
                $"{Fmt(classes[1])} as class 1 (as R's InvariantCausalPrediction); choosing the Gaussian family overrides this.", "binary-target"));
            if (logistic!.NotConverged > 0)
                diagnostics.Add(Diagnostic.Info($"{logistic.NotConverged} logistic fit(s) stopped at R's 10 IRLS iterations before the deviance " +
                    "settled to 1e-6; their p-values are R's.", "irls-iterations"));
        }
        else if (classes.Length == 2)
            diagnostics.Add(Diagnostic.Warning("The target has only two distinct values but is treated as continuous (Family = Gaussian); " +
                "the default would use logistic-regression ICP.", "binary-target"));
        if (reject)
            diagnostics.Add(Diagnostic.Warning($"No set has a p-value above the goodness-of-fit level {gof}; the model is rejected " +
                "(no set of predictors makes the target invariant), so no causal predictor is claimed.", "model-rejected"));
        if (pruned)
        {
            diagnostics.Add(Diagnostic.Info($"Pruned search: {tested.Count} of {total} sets tested. The causal set and the p-values of its " +
                "variables are exact; other p-values are lower bounds and intervals are not reported.", "pruned"));
            upper = lower = null;
        }
        if (MaxSetSize is not null && MaxSetSize < p)
            diagnostics.Add(Diagnostic.Info($"Only sets of at most {MaxSetSize} predictors were tested.", "max-set-size"));

        var names = data.Predictors;
        string[] Names(ulong m) => Columns(m).Select(j => names[j]).ToArray();
        var causal = reject || intersection is null ? [] : Names(intersection.Value);
        return new IcpResult(
            names.ToArray(), Alpha, Test, gof,
            accepted.Select(m => (IReadOnlyList<string>)Names(m)).ToArray(),
            causal, pValues, lower, upper, reject,
            tested.Max(t => t.P),
            tested.Select(t => new IcpSet(Names(t.Mask), t.P)).ToArray(),
            total, pruned, data.K, data.N, diagnostics)
        { Family = family };
    }

    private static string Fmt(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    private static double NanMax(double a, double b) => double.IsNaN(a) ? b : Math.Max(a, b);
    private static double NanMin(double a, double b) => double.IsNaN(a) ? b : Math.Min(a, b);

    private static int[] Columns(ulong mask)
    {
        var c = new int[BitOperations.PopCount(mask)];
        int n = 0;
        for (int j = 0; mask != 0; j++, mask >>= 1) if ((mask & 1) != 0) c[n++] = j;
        return c;
    }

    private static string Describe(ulong mask, Environments data) => string.Join(",", Columns(mask).Select(j => data.Predictors[j]));

    // Sets of the given size in increasing binary code (Gosper's hack).
    private static IEnumerable<ulong> Masks(int p, int size)
    {
        if (size == 0) { yield return 0; yield break; }
        ulong m = (1UL << size) - 1, limit = 1UL << p;
        while (m < limit)
        {
            yield return m;
            ulong c = m & (~m + 1), r = m + c;
            m = (((r ^ m) >> 2) / c) | r;
        }
    }
}
