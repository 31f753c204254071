using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>
/// The parameters of one latent class on the original scale: growth-factor intercepts α (at x = 0), the knot γ,
/// expert coefficients B (growth factors x covariates), the residual growth-factor covariance Ψ, the residual
/// variance θ, and (joint covariate treatment) the expert-covariate mean μx and covariance Φ.
/// </summary>
/// <param name="Alpha">Growth-factor intercepts (q).</param>
/// <param name="Knot">The knot γ of a bilinear spline; NaN for the other curves, which have none.</param>
/// <param name="B">Expert coefficients, q x m (row r: growth factor r; column c: covariate c).</param>
/// <param name="Psi">Residual growth-factor covariance, q x q.</param>
/// <param name="Theta">Residual variance of the outcome (one per class, constant over time).</param>
/// <param name="MuX">Expert-covariate means (m); empty when there are no experts.</param>
/// <param name="Phi">Expert-covariate covariance, m x m; empty when there are no experts.</param>
public sealed record GrowthClassParameters(
    Vector<double> Alpha, double Knot, Matrix<double> B, Matrix<double> Psi, double Theta, Vector<double> MuX, Matrix<double> Phi)
{
    /// <summary>Growth-factor intercepts (q).</summary>
    public Vector<double> Alpha { get; init; } = Alpha ?? throw new ArgumentNullException(nameof(Alpha));

    /// <summary>Expert coefficients, q x m (row r: growth factor r; column c: covariate c).</summary>
    public Matrix<double> B { get; init; } = B ?? throw new ArgumentNullException(nameof(B));

    /// <summary>Residual growth-factor covariance, q x q.</summary>
    public Matrix<double> Psi { get; init; } = Psi ?? throw new ArgumentNullException(nameof(Psi));

    /// <summary>Expert-covariate means (m); empty when there are no experts.</summary>
    public Vector<double> MuX { get; init; } = MuX ?? throw new ArgumentNullException(nameof(MuX));

    /// <summary>Expert-covariate covariance, m x m; empty when there are no experts.</summary>
    public Matrix<double> Phi { get; init; } = Phi ?? throw new ArgumentNullException(nameof(Phi));

    /// <summary>
    /// The curve's nonlinear parameters: the knot (bilinear spline), the growth rate b (negative exponential), the growth
    /// acceleration c (Jenss–Bayley), or the relative rates r_2 … r_{p−1} (nonparametric); empty for linear and
    /// quadratic curves. A spline's knot is read from <see cref="Knot"/>.
    /// </summary>
    public Vector<double> CurveParameters { get; init; } = Vector<double>.Build.Dense(0);

    /// <summary>Number of growth factors q.</summary>
    public int Factors => Alpha.Count;

    /// <summary>Number of expert covariates m.</summary>
    public int Experts => B.ColumnCount;

    /// <summary>The class-specific marginal growth-factor means α + B μx (nlpsem's <c>mueta</c>).</summary>
    public Vector<double> MarginalMeans => Experts == 0 ? Alpha.Clone() : Alpha + B * MuX;
}
