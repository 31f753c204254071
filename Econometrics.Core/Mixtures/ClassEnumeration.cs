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
    /// <param name="progress">Receives the fraction of K values done.</param>
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
                fits.Add((Model with { Classes = k, FixedKnots = null }).Fit(data, null, cancellationToken));
            }
            catch (ArgumentException e) when (e.ParamName == nameof(GrowthMixture.Classes))
            {
                diagnostics.Add(Diagnostic.Warning($"K = {k}: {e.Message.Split(" (Parameter")[0]} The enumeration stopped at K = {k - 1}.", "classes-unsupported"));
                break;
            }
            progress?.Report((double)k / MaxClasses);
        }
        if (fits.Count == 0) throw new ArgumentException(diagnostics[0].Message, nameof(data));
        return new ClassEnumerationResult(fits, diagnostics);
    }
}
