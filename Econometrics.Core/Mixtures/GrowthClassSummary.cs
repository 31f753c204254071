using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>One class of a fitted growth mixture, as reported.</summary>
/// <param name="Class">The class number (1-based; class 1 is the gating reference).</param>
/// <param name="Proportion">Expected class share.</param>
/// <param name="Knot">The knot of a bilinear spline; null for curves without one.</param>
/// <param name="GrowthFactorMeans">Growth-factor intercepts alpha (at x = 0).</param>
/// <param name="MarginalMeans">Growth-factor means alpha + B mu_x.</param>
/// <param name="ExpertCoefficients">Expert coefficients B (growth factors x covariates).</param>
/// <param name="Psi">Residual growth-factor covariance.</param>
/// <param name="ResidualVariance">Residual variance theta of the outcome.</param>
/// <param name="ExpertMeans">Expert-covariate means (joint treatment with experts), else null.</param>
/// <param name="ExpertCovariance">Expert-covariate covariance (joint treatment with experts), else null.</param>
public sealed record GrowthClassSummary(int Class, double Proportion, double? Knot, IReadOnlyList<double> GrowthFactorMeans,
    IReadOnlyList<double> MarginalMeans, Matrix<double> ExpertCoefficients, Matrix<double> Psi, double ResidualVariance,
    IReadOnlyList<double>? ExpertMeans, Matrix<double>? ExpertCovariance)
{
    /// <summary>The curve's nonlinear parameters (knot, rate, acceleration or relative rates); null for linear and quadratic.</summary>
    public IReadOnlyList<double>? CurveParameters { get; init; }
}
