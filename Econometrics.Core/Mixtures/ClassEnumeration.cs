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

    /// <summary>Fits every K and returns the table.</summary>
    /// <param name="data">The data.</param>
    /// <param name="progress">Receives the fraction done, advancing within each K as its starts finish.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxClasses"/> is below 1.</exception>
    public ClassEnumerationResult Fit(GrowthData data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (MaxClasses < 1) throw new ArgumentOutOfRangeException(nameof(MaxClasses), MaxClasses, "At least one class is needed.");
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
            progress?.Report((double)k / MaxClasses);
        }
        if (fits.Count == 0) throw new ArgumentException(diagnostics[0].Message, nameof(data));
        return new ClassEnumerationResult(fits, diagnostics);
    }

    // The k-th of n equal shares of the whole: a fit's own fraction f reports as (k + f) / n.
    private sealed class Share(IProgress<double> whole, int k, int n) : IProgress<double>
    {
        public void Report(double value) => whole.Report((k + Math.Clamp(value, 0, 1)) / n);
    }
}
