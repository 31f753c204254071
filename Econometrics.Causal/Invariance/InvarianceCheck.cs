using Econometrics.Inference;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// The invariance report for one representation Phi: per-environment optimal linear predictors on Phi X with
/// standard errors, the invariance gaps, tests of exact invariance (Chow, a Welch-type Wald test, ICP's two tests)
/// and of equal residual scale (Levene, Brown-Forsythe), bootstrap intervals for the gaps, and the decision
/// "epsilon-invariant at level alpha" (Parulekar, Shanmugam and Shakkottai, PAC generalization via invariant representations, ICML 2023).
/// </summary>
/// <remarks>
/// The decision tests H0: slope gap &gt;= <see cref="Tolerance"/> with the upper confidence bound
/// <c>UCB = max_{e&lt;f} ||w_e - w_f|| + sqrt(lambda_max(V_e + V_f) chi2_r(1 - alpha / npairs))</c> and certifies
/// epsilon-invariance when UCB &lt;= tolerance. The raw slope gap depends on how Phi is parameterised; the Chow and
/// Wald tests do not, and <see cref="Standardize"/> puts the UCB on standardised features.
/// The gaps' bootstrap intervals are basic (reverse-percentile) intervals. A gap is a maximum of absolute
/// differences, a non-smooth functional: when the true gap is 0 (an exactly invariant representation) no bootstrap
/// interval is reliable, and the Chow and Wald tests and the certification bound are the valid inference there.
/// </remarks>
public sealed record InvarianceCheck
{
    /// <summary>The tolerance epsilon on the slope gap (in feature units, or per SD with <see cref="Standardize"/>).</summary>
    public double Tolerance { get; init; } = 0.2;

    /// <summary>Level of the tests and of the certification.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Certify on slopes of features scaled to unit pooled SD (the reported gaps stay in raw units; the standardised slope gap is reported
    /// too).</summary>
    public bool Standardize { get; init; }

    /// <summary>Bootstrap replications for the basic (reverse-percentile) intervals of the gaps (stratified by environment; 0 skips the bootstrap).</summary>
    public int BootstrapReplications { get; init; } = 499;

    /// <summary>Seed of the stratified bootstrap.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>
    /// The bootstrap replicates this process runs (default all): shard i of n runs replicates b with b mod n = i, and
    /// its report carries their gap draws (<see cref="InvarianceReport.ReplicateDraws"/>) for a merge.
    /// </summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>
    /// The draws of every bootstrap shard of one run, merged instead of resampling: the intervals then equal the
    /// one-process intervals exactly. Null resamples.
    /// </summary>
    public IReadOnlyList<ReplicateDraws>? Shards { get; init; }

    private const string Kind = "invariance-bootstrap";

    /// <summary>The linear-algebra backend of the least-squares fits; null uses <see cref="LinearAlgebraBackends.Default"/>.</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Builds the report.</summary>
    /// <param name="data">The environments.</param>
    /// <param name="representation">Phi; its predictors must be the data's predictors.</param>
    /// <param name="progress">Receives the bootstrap's progress (0..1).</param>
    /// <param name="cancellationToken">Cancels the bootstrap.</param>
    public InvarianceReport Test(Environments data, Representation representation, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data); ArgumentNullException.ThrowIfNull(representation);
        if (!(Alpha > 0 && Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be in (0, 1).");
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be positive.");
        if (BootstrapReplications < 0) throw new ArgumentOutOfRangeException(nameof(BootstrapReplications), BootstrapReplications, "Must be non-negative.");
        if (Shards is not null && Shard.Count > 1) throw new ArgumentException("Run a bootstrap shard or merge the shards, not both.", nameof(Shards));
        if (!representation.Predictors.SequenceEqual(data.Predictors))
            throw new ArgumentException($"The representation acts on ({string.Join(", ", representation.Predictors)}); the data has " +
                $"({string.Join(", ", data.Predictors)}).", nameof(representation));
        int r = representation.R, K = data.K;
        for (int k = 0; k < K; k++)
            if (data.Count(k) <= r + 1)
                throw new ArgumentException($"Environment '{data.Names[k]}' has {data.Count(k)} rows; a representation with {r} feature(s) needs " +
                    $"more than {r + 1}.", nameof(data));

        var f = representation.Apply(data.X);
        var y = data.Y;
        var sds = Enumerable.Range(0, r).Select(j => StdDev(f.Column(j))).ToArray();
        for (int j = 0; j < r; j++)
            if (!(sds[j] > 0)) throw new ArgumentException($"Feature '{representation.Features[j]}' is constant in the pooled data.", nameof(representation));
        var la = Backend ?? LinearAlgebraBackends.Default;
        var core = Compute(f, y, data, la);

        // Tests of exact invariance.
        var tests = new List<TestResult>();
        int q = r + 1, N = data.N;
        double rssU = core.Fits.Sum(ft => ft.Rss);
        double chow = (core.Pooled.Rss - rssU) / ((K - 1) * q) / (rssU / (N - K * q));
        tests.Add(TestResult.Create("Chow (pooled vs per-environment regressions)", "Equal intercept and slopes in every environment (common variance)",
            chow, ReferenceDistribution.F((K - 1) * q, N - K * q), Tail.Upper));
        tests.Add(Wald(core.Estimates));
        var engine = new IcpEngine(f, y, data, la);
        var all = Enumerable.Range(0, r).ToArray();
        tests.Add(IcpTestResult("ICP normal test (residual means, variances; Bonferroni K - 1)", engine.PValue(all, IcpTest.Normal)));
        tests.Add(IcpTestResult("ICP exact test (leave-one-out prediction F; Bonferroni K)", engine.PValue(all, IcpTest.Exact)));
        var resid = core.Pooled.Residuals.ToArray();
        tests.Add(ResidualTests.Levene(resid, data, median: false));
        tests.Add(ResidualTests.Levene(resid, data, median: true));

        // Certification of epsilon-invariance (H0: slope gap >= tolerance).
        int npairs = K * (K - 1) / 2;
        double c = ChiSquared.InvCDF(r, 1 - Alpha / npairs);
        double ucb = 0, stdGap = 0;
        for (int e = 0; e < K; e++)
            for (int g = e + 1; g < K; g++)
            {
                double d2 = 0, s2 = 0;
                for (int j = 0; j < r; j++)
                {
                    double d = core.Estimates[e].Estimate[j + 1] - core.Estimates[g].Estimate[j + 1];
                    d2 += d * d; s2 += d * d * sds[j] * sds[j];
                }
                var v = core.Estimates[e].Covariance.SubMatrix(1, r, 1, r) + core.Estimates[g].Covariance.SubMatrix(1, r, 1, r);
                if (Standardize) v = Matrix<double>.Build.DenseOfDiagonalArray(sds) * v * Matrix<double>.Build.DenseOfDiagonalArray(sds);
                double lambda = v.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Max(z => z.Real);
                double dist = Math.Sqrt(Standardize ? s2 : d2);
                ucb = Math.Max(ucb, dist + Math.Sqrt(lambda * c));
                stdGap = Math.Max(stdGap, Math.Sqrt(s2));
            }
        bool certified = ucb <= Tolerance;

        var (intervals, draws) = Bootstrap(f, y, data, core.Gaps, la, progress, cancellationToken);
        var chowTest = tests[0];
        string scale = Standardize ? "standardised " : "";
        string evidence = certified
            ? $"Certified: the {(1 - Alpha) * 100:0.##}% upper bound on the {scale}slope gap, {ucb:0.####}, is at most the tolerance {Tolerance:0.####}."
            : $"Not certified: the {(1 - Alpha) * 100:0.##}% upper bound on the {scale}slope gap, {ucb:0.####}, exceeds the tolerance {Tolerance:0.####}" +
              (chowTest.RejectsAt(Alpha) ? $"; exact invariance is also rejected (Chow " +
                  $"{Econometrics.Reporting.PValueFormat.InText(chowTest.PValue ?? double.NaN)})." : "; exact invariance is not rejected, so more " +
                      "data per environment could certify it.");
        var diagnostics = Diagnostics(data, core.Gaps);
        if (draws is not null)
            diagnostics = [.. diagnostics, Diagnostic.Info($"Bootstrap shard {Shard} ran {draws.Values.Count} of the {BootstrapReplications} replicates; " +
                "the intervals are theirs alone. Merge every shard's draws (econ: --merge with the shards' --json files) for the full intervals.", "shard")];
        return new InvarianceReport(representation.Name, representation.Features.ToArray(), data.Target, data.N, core.Estimates, core.Gaps, stdGap,
            tests, intervals, ucb, Tolerance, Alpha, Standardize, certified, evidence, diagnostics)
        {
            BootstrapReplications = intervals.Count == 0 ? 0 : draws?.Values.Count ?? BootstrapReplications, BootstrapSeed = Seed,
            EnvironmentName = data.EnvironmentName, ReplicateDraws = draws,
        };
    }

    private static IReadOnlyList<Diagnostic> Diagnostics(Environments data, InvarianceGaps gaps) =>
        double.IsNaN(gaps.VarianceRatio)
            ? [.. data.Diagnostics, Diagnostic.Warning($"The residual variance of '{data.Target}' is 0 in at least one environment, so the " +
                "variance ratio (and its interval) is undefined.", "variance-ratio-undefined")]
            : data.Diagnostics;

    private static TestResult IcpTestResult(string method, double p) =>
        new(method, "The residual distribution is the same in every environment", double.NaN, ReferenceDistribution.None, p);

    // Welch-type Wald test: sum_e (theta_e - theta_bar)' V_e^-1 (theta_e - theta_bar) ~ chi2((K - 1) q).
    private static TestResult Wald(IReadOnlyList<EnvironmentEstimate> est)
    {
        int q = est[0].Estimate.Count;
        var inv = est.Select(e => e.Covariance.Inverse()).ToArray();
        var sumInv = inv.Aggregate((a, b) => a + b);
        var weighted = est.Select((e, i) => inv[i] * Vector<double>.Build.DenseOfEnumerable(e.Estimate)).Aggregate((a, b) => a + b);
        var bar = sumInv.Solve(weighted);
        double w = 0;
        for (int i = 0; i < est.Count; i++)
        {
            var d = Vector<double>.Build.DenseOfEnumerable(est[i].Estimate) - bar;
            w += d * (inv[i] * d);
        }
        return TestResult.Create("Wald (per-environment variances)", "Equal intercept and slopes in every environment (variances may differ)",
            w, ReferenceDistribution.ChiSquared((est.Count - 1) * q), Tail.Upper);
    }

    internal sealed record Core(IReadOnlyList<EnvironmentEstimate> Estimates, LinearFit[] Fits, LinearFit Pooled, InvarianceGaps Gaps);

    /// <summary>Per-environment fits, the pooled fit and the gaps for features grouped as in <paramref name="grouping"/>.</summary>
    internal static Core Compute(Matrix<double> f, double[] y, Environments grouping, ILinearAlgebra la)
    {
        int K = grouping.K;
        var design = LinearFit.WithIntercept(f);
        var yv = Vector<double>.Build.DenseOfArray(y);
        var fits = new LinearFit[K];
        var est = new EnvironmentEstimate[K];
        for (int k = 0; k < K; k++)
        {
            int s = grouping.Start(k), n = grouping.Count(k);
            fits[k] = LinearFit.Fit(design.SubMatrix(s, n, 0, design.ColumnCount), yv.SubVector(s, n), la);
            var cov = fits[k].Covariance;
            est[k] = new EnvironmentEstimate(grouping.Names[k], n, fits[k].Beta.ToArray(), cov.Diagonal().Select(Math.Sqrt).ToArray(), fits[k].Sigma2, cov);
        }
        var pooled = LinearFit.Fit(design, yv, la);
        // IRMv1 and excess risk of the pooled predictor, environment by environment.
        var fitted = yv - pooled.Residuals;
        double irm = 0, excess = double.NegativeInfinity;
        for (int k = 0; k < K; k++)
        {
            int s = grouping.Start(k), n = grouping.Count(k);
            double g = 0, risk = 0;
            for (int i = s; i < s + n; i++) { g += fitted[i] * (fitted[i] - y[i]); risk += (y[i] - fitted[i]) * (y[i] - fitted[i]); }
            irm += Math.Pow(2 * g / n, 2);
            excess = Math.Max(excess, risk / n - fits[k].Rss / n);
        }
        var gaps = InvarianceGaps.From(est.Select(e => e.Estimate.ToArray()).ToArray(), est.Select(e => e.Sigma2).ToArray(), irm, excess);
        return new Core(est, fits, pooled, gaps);
    }

    private (IReadOnlyList<GapInterval> Intervals, ReplicateDraws? Draws) Bootstrap(Matrix<double> f, double[] y, Environments grouping,
        InvarianceGaps observed, ILinearAlgebra la, IProgress<double>? progress, CancellationToken ct)
    {
        int B = BootstrapReplications;
        if (B == 0) return ([], null);
        string run = ReplicateDraws.Fingerprint(FormattableString.Invariant($"{Kind};{Seed};{Alpha}"),
            observed.Named().Select(kv => kv.Value).Concat(y).Concat(f.ToColumnMajorArray()));
        double[][] draws;
        ReplicateDraws? shardDraws = null;
        if (Shards is { } shards)
        {
            draws = ReplicateDraws.MergeRun(shards, Kind, run, B, "replicates", "the data, the representation, the seed or the settings", nameof(Shards))
                .ToArrays();
        }
        else
        {
            var owned = ReplicateDraws.Owned(B, Shard);
            draws = new double[owned.Length][];
            var fb = Matrix<double>.Build.Dense(f.RowCount, f.ColumnCount);
            var yb = new double[y.Length];
            // One generator in replicate order, as a one-process run has always drawn them (the same intervals for a
            // given seed as before sharding existed): a shard draws the row indices of every replicate and refits only
            // its own, so each replicate's resample is the one-process one on any split. The draws cost O(B N), the
            // fits dominate.
            var rng = new Random(Seed);
            for (int b = 0, o = 0; b < B && o < owned.Length; b++)
            {
                ct.ThrowIfCancellationRequested();
                bool mine = owned[o] == b;
                // Resample rows within each environment, so every replicate keeps the environments' sizes.
                for (int k = 0; k < grouping.K; k++)
                {
                    int s = grouping.Start(k), n = grouping.Count(k);
                    for (int i = 0; i < n; i++)
                    {
                        int src = s + rng.Next(n);
                        if (!mine) continue;
                        yb[s + i] = y[src];
                        for (int j = 0; j < f.ColumnCount; j++) fb[s + i, j] = f[src, j];
                    }
                }
                if (!mine) continue;
                draws[o] = Compute(fb, yb, grouping, la).Gaps.Named().Select(kv => kv.Value).ToArray();
                o++;
                if (o % 50 == 0) progress?.Report((double)o / owned.Length);
            }
            if (Shard.Count > 1) shardDraws = ReplicateDraws.From(Kind, run, B, Shard, draws);
        }
        progress?.Report(1.0);
        var named = observed.Named();
        return (named.Select((kv, i) =>
        {
            var col = draws.Select(d => d[i]).OrderBy(v => v).ToArray();
            if (double.IsNaN(kv.Value) || col.Length == 0 || col.Any(double.IsNaN)) return new GapInterval(kv.Key, kv.Value, double.NaN, double.NaN);
            // Basic (reverse-percentile) interval, clipped at the gap's natural floor. A gap is a maximum of absolute
            // differences, so its estimate is biased upwards and the bootstrap doubles that bias: percentile intervals
            // sit above the estimate and miss a true gap of 0 entirely. Reflecting the bootstrap quantiles around the
            // estimate removes the bias to first order.
            double floor = kv.Key == "varianceRatio" ? 1.0 : 0.0;
            double lo = Math.Max(floor, 2 * kv.Value - SampleStatistics.Quantile(col, 1 - Alpha / 2));
            double hi = Math.Max(floor, 2 * kv.Value - SampleStatistics.Quantile(col, Alpha / 2));
            return new GapInterval(kv.Key, kv.Value, lo, hi);
        }).ToArray(), shardDraws);
    }


    private static double StdDev(Vector<double> v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Select(x => (x - m) * (x - m)).Sum() / (v.Count - 1));
    }
}
