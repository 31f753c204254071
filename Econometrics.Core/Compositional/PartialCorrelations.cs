using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Log-ratio partial correlations and partial variances between the parts of a composition (Erb 2020), with the
/// regularised p &gt; n version of Jin, Notredame and Erb (2023).
/// </summary>
/// <remarks>
/// <para>The partial correlation of parts i and j is the correlation of the residuals of <c>log(x_i/x_r)</c> and
/// <c>log(x_j/x_r)</c> after regressing both on the log-ratios among the other D - 2 parts; it does not depend on the
/// reference r. All pairs come from the precision <c>Omega = Gamma^+</c> of the clr covariance:
/// <c>rho_ij = -Omega_ij / sqrt(Omega_ii Omega_jj)</c>, and the partial variance of part i is <c>1 / Omega_ii</c>.
/// Never regress on clr coordinates: that always gives -1.</para>
/// <para>Tests (sample covariance only): the conditioning set has D - 3 log-ratio dimensions, so
/// <c>t = rho sqrt(df / (1 - rho^2))</c> with <c>df = n - D + 1</c>, and Fisher's <c>z = atanh(rho)</c> has standard
/// error <c>1 / sqrt(n - D)</c>. Under closure, independent basis parts give small positive partial correlations
/// (1 / (D - 1) for equal variances), so rho = 0 is not "basis independence".</para>
/// </remarks>
public sealed record PartialCorrelations
{
    /// <summary>Sample covariance (default) or basis shrinkage for p &gt; n.</summary>
    public CompositionalCovariance Covariance { get; init; } = CompositionalCovariance.Sample;

    /// <summary>How Omega is computed; both routes agree to rounding.</summary>
    public PartialCorrelationRoute Route { get; init; } = PartialCorrelationRoute.ClrPseudoInverse;

    /// <summary>The alr reference part for <see cref="PartialCorrelationRoute.AlrInverse"/>; null means the last part.</summary>
    public string? AlrReference { get; init; }

    /// <summary>Confidence level of the Fisher-z intervals.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Multiple-testing adjustment over the D (D - 1) / 2 pairs.</summary>
    public PValueAdjustment Adjustment { get; init; } = PValueAdjustment.BenjaminiHochberg;

    /// <summary>Fixed correlation-shrinkage intensity for basis shrinkage; null estimates it as corpcor does.</summary>
    public double? Lambda { get; init; }

    /// <summary>Fixed variance-shrinkage intensity for basis shrinkage; null estimates it as corpcor does.</summary>
    public double? LambdaVar { get; init; }

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Estimates the partial correlations of every pair of parts.</summary>
    /// <param name="composition">At least 3 parts; with the sample covariance at least D samples.</param>
    /// <exception cref="ArgumentException">Fewer than 3 parts, too few samples for the sample covariance (the message suggests shrinkage), or invalid
    /// options.</exception>
    public PartialCorrelationResult Estimate(Composition composition) => Estimate(composition, Backend ?? LinearAlgebraBackends.Default);

    internal PartialCorrelationResult Estimate(Composition composition, ILinearAlgebra la)
    {
        ArgumentNullException.ThrowIfNull(composition);
        if (!(Level > 0 && Level < 1)) throw new ArgumentOutOfRangeException(nameof(Level), Level, "The confidence level must lie in (0, 1).");
        int n = composition.NObs, d = composition.NParts;
        var parts = composition.Parts;
        if (d < 3)
            throw new ArgumentException($"Partial correlations between parts need at least 3 parts; the composition has {d} ({string.Join(", ", parts)}). " +
                                        "With two parts the only log-ratio is their ratio.", nameof(composition));
        if (n < 3) throw new ArgumentException($"Partial correlations need at least 3 samples; the composition has {n}.", nameof(composition));
        int r = AlrReference is null ? d - 1 : IndexOfPart(parts, AlrReference);
        var diagnostics = new List<Diagnostic>();
        diagnostics.AddRange(composition.Diagnostics);

        Matrix<double>? omega;
        Func<LogRatioMeasureSet> measures;
        ShrinkageIntensity? intensity = null;
        if (Covariance == CompositionalCovariance.Sample)
        {
            // n samples give a clr covariance of rank at most n - 1; D - 1 is needed.
            if (n < d) throw Singular(n, d);
            var gamma = LogRatio.Covariance(composition.Clr(), la);
            omega = Route == PartialCorrelationRoute.ClrPseudoInverse
                ? LogRatioPrecision.FromClrCovariance(gamma, la)
                : LogRatioPrecision.FromAlrCovariance(LogRatio.Covariance(LogRatio.Alr(composition.Raw, r), la), r, la);
            if (omega is null) throw Singular(n, d);
            measures = () => LogRatioMeasures.FromClrCovariances(gamma, gamma);
        }
        else
        {
            var factors = new SchaferStrimmerShrinkage { Lambda = Lambda, LambdaVar = LambdaVar }
                .Factor(LogRatio.LogProportions(composition.Raw), n, d, la, parts);
            intensity = new ShrinkageIntensity(factors.Lambda, factors.LambdaVar);
            // n < D: the shrunk covariance is a ridge plus rank n - 1, so Omega comes from the n-dimensional sample space
            // and the other D x D outputs, when read, from one SYRK of the data; no shrunk covariance matrix is formed.
            omega = Route == PartialCorrelationRoute.ClrPseudoInverse && n < d ? LogRatioPrecision.FromShrunkLowRank(factors, la) : null;
            if (omega is not null) measures = () => LogRatioMeasures.FromShrinkageFactors(factors, la);
            else
            {
                // The alr route, n >= D, or a lambda too small for the low-rank identity: form the shrunk covariance.
                var shrunk = SchaferStrimmerShrinkage.FromFactors(factors, la);
                var gamma = LogRatioPrecision.DoubleCentre(shrunk.Covariance);
                omega = Route != PartialCorrelationRoute.ClrPseudoInverse
                    ? LogRatioPrecision.FromAlrCovariance(LogRatioPrecision.AlrFromLogCovariance(shrunk.Covariance, r), r, la)
                    : LogRatioPrecision.FromClrCovariance(gamma, la);
                if (omega is null)
                    throw new ArgumentException("The shrunk log-ratio covariance is singular; this happens only with a shrinkage intensity of 0 and p " +
                        "> n. Leave Lambda unset.", nameof(Lambda));
                // Log-proportions differ from log-parts by a row constant, so G S G is the sample clr covariance.
                var sample = shrunk.SampleCovariance!;
                measures = () => LogRatioMeasures.FromClrCovariances(gamma, LogRatioPrecision.DoubleCentre(sample));
            }
            diagnostics.Add(Diagnostic.Info($"Basis shrinkage: lambda = {intensity.Lambda:G6} (correlations), lambda.var = {intensity.LambdaVar:G6} " +
                "(variances).", "shrinkage"));
        }

        var pcor = LogRatioPrecision.PartialCorrelation(omega);
        var pvar = omega.Diagonal().Map(v => 1.0 / v);
        bool shrunkCovariance = intensity is not null;
        if (PartialCorrelationTests.Unavailable(n, d, shrunkCovariance) is { } none) diagnostics.Add(none);
        var (level, adjustment) = (Level, Adjustment);
        var tests = () => PartialCorrelationTests.Compute(pcor, n, d, level, adjustment, shrunkCovariance);
        return new PartialCorrelationResult(parts.ToArray(), n, Covariance, Route, Route == PartialCorrelationRoute.AlrInverse ? parts[r] : null,
            pcor, pvar, omega, measures, tests, intensity, diagnostics);
    }

    private static ArgumentException Singular(int n, int d) => new(
        $"The log-ratio covariance is singular (rank below D - 1 = {d - 1}): {n} samples for {d} parts" +
        (n < d ? $" (the sample covariance needs at least {d})" : ", and some log-ratios are (nearly) collinear, e.g. two proportional parts") +
        ". Use basis shrinkage (Covariance = BasisShrinkage, or --shrink).", "composition");

    private static int IndexOfPart(IReadOnlyList<string> parts, string name)
    {
        for (int k = 0; k < parts.Count; k++) if (parts[k] == name) return k;
        throw new ArgumentException($"AlrReference '{name}' is not a part; the parts are {string.Join(", ", parts)}.", nameof(AlrReference));
    }
}
