using Econometrics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Proportionality between every pair of parts, <c>rho_p = 1 - var(log(x_i/x_j)) / (var(clr_i) + var(clr_j))</c>
/// (Lovell et al. 2015; Erb and Notredame 2016; propr's "rho" with the clr reference), with the variation matrix.
/// </summary>
public sealed record Proportionality
{
    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>The proportionality and variation matrices.</summary>
    /// <param name="composition">At least 2 parts and 2 samples.</param>
    /// <exception cref="ArgumentException">Fewer than 2 samples.</exception>
    public ProportionalityResult Estimate(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        if (composition.NObs < 2) throw new ArgumentException($"Proportionality needs at least 2 samples; the composition has {composition.NObs}.", nameof(composition));
        var gamma = LogRatioMeasures.ClrCovariance(composition, Backend);
        return new ProportionalityResult(composition.Parts.ToArray(), composition.NObs,
            LogRatioMeasures.ProportionalityFromClrCovariance(gamma), LogRatioMeasures.VariationFromClrCovariance(gamma),
            composition.Diagnostics);
    }
}
