using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>All parameters of a K-class mixture of experts: the class parameters and the gating coefficients.</summary>
/// <param name="Classes">The K classes.</param>
/// <param name="Gating">
/// Multinomial-logit coefficients, K x (1 + G): row k holds (intercept, slopes) of class k's log-odds against class 1,
/// so row 0 is zero (class 1 is the reference).
/// </param>
public sealed record MixtureParameters(IReadOnlyList<GrowthClassParameters> Classes, Matrix<double> Gating)
{
    /// <summary>The K classes.</summary>
    public IReadOnlyList<GrowthClassParameters> Classes { get; init; } = Classes ?? throw new ArgumentNullException(nameof(Classes));

    /// <summary>Multinomial-logit coefficients, K x (1 + G); row 0 is zero (class 1 is the reference).</summary>
    public Matrix<double> Gating { get; init; } = Gating ?? throw new ArgumentNullException(nameof(Gating));

    /// <summary>Number of classes K.</summary>
    public int K => Classes.Count;
}
