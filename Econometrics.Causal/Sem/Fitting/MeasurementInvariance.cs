using Deedle;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The measurement-invariance sequence across the groups of an estimator's <see cref="SemEstimator.Group"/> column
/// (Meredith 1993; Vandenberg and Lance 2000): the configural model, then equal loadings (metric), equal loadings and
/// intercepts (scalar) and equal residual variances too (strict), each tested against the previous one (semTools'
/// measurementInvariance / compareFit). The estimator's <see cref="SemEstimator.GroupPartial"/> applies to every model;
/// its <see cref="SemEstimator.GroupEqual"/> must be empty.
/// </summary>
/// <param name="Estimator">The model and its options, with a grouping column.</param>
public sealed record MeasurementInvariance(SemEstimator Estimator)
{
    /// <summary>The model and its options, with a grouping column.</summary>
    public SemEstimator Estimator { get; init; } = Estimator ?? throw new ArgumentNullException(nameof(Estimator));

    /// <summary>The sequence as lavaan's group.equal levels.</summary>
    public static IReadOnlyList<(string Model, string[] GroupEqual)> Sequence { get; } =
    [
        ("configural", []), ("metric", ["loadings"]), ("scalar", ["loadings", "intercepts"]), ("strict", ["loadings", "intercepts", "residuals"]),
    ];

    /// <summary>Fits the four models and tests each against the previous.</summary>
    /// <param name="data">A frame with the model's variables and the grouping column.</param>
    public SemInvariance Test(Frame<int, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Estimator.Group is null) throw new ArgumentException("The invariance sequence needs a grouping column (Group).", nameof(Estimator));
        if (Estimator.GroupEqual.Count > 0)
            throw new ArgumentException("The invariance sequence sets group.equal itself; leave GroupEqual empty.", nameof(Estimator));
        var fits = Sequence.Select(s => (s.Model, s.GroupEqual, (Estimator with { GroupEqual = s.GroupEqual }).Fit(data))).ToList();
        return SemInvariance.Of(fits);
    }
}
