using MathNet.Numerics.Distributions;

namespace Econometrics.Mixtures;

/// <summary>
/// A data-driven screen of candidate covariates for the gating and expert roles: a likelihood-ratio alternative to
/// the paper's SEM forests. A K-class mixture without covariates is fitted once; then, for each candidate c, the model
/// is refitted from that solution twice, with c as the only gating covariate and with c as the only expert covariate
/// (conditional treatment, so the log-likelihoods are comparable), and 2Δℓ is referred to χ² with K − 1 and K·q
/// degrees of freedom. Holm's correction over all 2 x C tests controls the family-wise error; a covariate is
/// suggested for every role it passes.
/// </summary>
/// <remarks>
/// SEM forests (Brandmaier et al. 2013) rank covariates by permutation importance in trees of the single-class growth
/// model and say nothing about the role; this screen tests each role in the mixture itself. The simulation test
/// <c>CovariateScreenTests</c> shows it selects the generating gating and expert covariates and rejects noise.
/// </remarks>
public sealed record CovariateScreen
{
    /// <summary>The mixture (classes, curve, starts); covariate treatment is conditional for the screen.</summary>
    public GrowthMixture Model { get; init; } = new() { StandardErrors = false };

    /// <summary>Family-wise significance level (default 0.05).</summary>
    public double Level { get; init; } = 0.05;

    /// <summary>Screens every gating and expert covariate of <paramref name="data"/> as a candidate for both roles.</summary>
    /// <param name="data">Data whose gating and expert covariates together are the candidates.</param>
    /// <param name="cancellationToken">Cancels the screen.</param>
    /// <exception cref="ArgumentException">No candidates, or a bad level.</exception>
    public CovariateScreenResult Test(GrowthData data, CancellationToken cancellationToken = default) => Test(data, null, cancellationToken);

    /// <summary>Screens every gating and expert covariate of <paramref name="data"/> as a candidate for both roles.</summary>
    /// <param name="data">Data whose gating and expert covariates together are the candidates.</param>
    /// <param name="progress">Receives the fraction done: the base fit's starts count one unit each, as does every refit.</param>
    /// <param name="cancellationToken">Cancels the screen.</param>
    /// <exception cref="ArgumentException">No candidates, or a bad level.</exception>
    public CovariateScreenResult Test(GrowthData data, IProgress<double>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(Level > 0 && Level < 1)) throw new ArgumentOutOfRangeException(nameof(Level), Level, "The level must be in (0, 1).");
        var names = data.GatingNames.Concat(data.ExpertNames).ToArray();
        if (names.Length == 0) throw new ArgumentException("The data have no gating or expert covariates to screen.", nameof(data));
        if (names.Distinct().Count() != names.Length) throw new ArgumentException("A covariate is listed both as gating and as expert; list each " +
            "candidate once.", nameof(data));
        int n = data.N;
        double[] Column(int c) => c < data.G
            ? Enumerable.Range(0, n).Select(i => data.Z[i * data.G + c]).ToArray()
            : Enumerable.Range(0, n).Select(i => data.X[i * data.M + c - data.G]).ToArray();
        var baseData = With(data, [], [], [], []);
        var model = Model with { Covariates = CovariateTreatment.Conditional, StandardErrors = false, FixedKnots = null };
        // Progress in units: the base fit's random starts, then one per refit (two per candidate).
        double units = model.Starts + 2.0 * names.Length;
        int refitsDone = 0;
        var baseFit = model.Fit(baseData, progress is null ? null : new Scaled(progress, model.Starts / units), cancellationToken);
        var basePs = ParameterSet.FromPublic(baseFit.Parameters, model.Shape(baseData, true));
        int K = model.Classes, q = model.Shape(baseData, true).Q;
        var rows = new CovariateScreenRow[names.Length];
        var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Model.MaxDegreeOfParallelism };
        Parallel.For(0, names.Length, po, c =>
        {
            var col = Column(c);
            double llGate = Refit(model, With(data, col, [names[c]], [], []), basePs, cancellationToken);
            progress?.Report((model.Starts + Interlocked.Increment(ref refitsDone)) / units);
            double llExpert = Refit(model, With(data, [], [], col, [names[c]]), basePs, cancellationToken);
            progress?.Report((model.Starts + Interlocked.Increment(ref refitsDone)) / units);
            double lrG = Math.Max(0, 2 * (llGate - baseFit.LogLikelihood)), lrE = Math.Max(0, 2 * (llExpert - baseFit.LogLikelihood));
            int dfG = K - 1, dfE = K * q;
            // Survival functions, not 1 - CDF: the complement underflows to 0 once p falls below 1e-16.
            double pG = dfG > 0 ? ReferenceDistribution.ChiSquared(dfG).Survival(lrG) : 1, pE = ReferenceDistribution.ChiSquared(dfE).Survival(lrE);
            rows[c] = new CovariateScreenRow(names[c], lrG, dfG, pG, lrE, dfE, pE, false, false);
        });
        // Holm over the 2C tests.
        var tests = rows.SelectMany((r, c) => new[] { (c, gate: true, p: r.GatingPValue), (c, gate: false, p: r.ExpertPValue) })
            .OrderBy(t => t.p).ToArray();
        var pass = new HashSet<(int, bool)>();
        for (int j = 0; j < tests.Length; j++)
        {
            if (tests[j].p > Level / (tests.Length - j)) break;
            pass.Add((tests[j].c, tests[j].gate));
        }
        for (int c = 0; c < rows.Length; c++) rows[c] = rows[c] with { Gating = pass.Contains((c, true)), Expert = pass.Contains((c, false)) };
        return new CovariateScreenResult(rows, baseFit.LogLikelihood, K, Level);
    }

    // The base fit's own fraction f reports as f * share of the whole.
    private sealed class Scaled(IProgress<double> whole, double share) : IProgress<double>
    {
        public void Report(double value) => whole.Report(share * Math.Clamp(value, 0, 1));
    }

    /// <summary>EM to convergence and the polish, from the no-covariate solution with the new coefficients at zero.</summary>
    private static double Refit(GrowthMixture model, GrowthData d, ParameterSet basePs, CancellationToken ct)
    {
        var shape = model.Shape(d, true);
        var ps = new ParameterSet(shape);
        int w = shape.G + 1;
        for (int k = 0; k < shape.K; k++)
        {
            basePs.Alpha[k].CopyTo(ps.Alpha[k], 0); basePs.Psi[k].CopyTo(ps.Psi[k], 0);
            basePs.Gamma[k].CopyTo(ps.Gamma[k], 0); ps.Theta[k] = basePs.Theta[k];
            ps.Gate[k * w] = basePs.Gate[k];
        }
        var lik = new MixtureLikelihood(d, shape);
        var bounds = KnotBounds.From(d, shape.Curve);
        var em = new EmAlgorithm(lik, bounds);
        var o = em.Run(ps, model.MaxIterations, model.Tolerance, ct);
        if (o.Degenerate) return double.NegativeInfinity;
        return Polisher.Polish(lik, ps, bounds, ct);
    }

    private static GrowthData With(GrowthData d, double[] z, string[] gating, double[] x, string[] experts) =>
        new(d.Ids.ToArray(), d.Y, d.T, d.P, x, experts, z, gating, [.. d.Diagnostics]);
}
