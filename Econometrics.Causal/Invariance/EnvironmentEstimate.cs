using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>The optimal linear predictor on top of a representation, estimated in one environment by OLS.</summary>
/// <param name="Environment">The environment label.</param>
/// <param name="NObs">Rows in the environment.</param>
/// <param name="Estimate">Intercept followed by the r slopes.</param>
/// <param name="StdError">Classical standard errors, same order.</param>
/// <param name="Sigma2">Residual variance RSS / (n - r - 1).</param>
/// <param name="Covariance">The (r + 1) x (r + 1) covariance of <paramref name="Estimate"/>.</param>
public sealed record EnvironmentEstimate(string Environment, int NObs, IReadOnlyList<double> Estimate, IReadOnlyList<double> StdError,
    double Sigma2, Matrix<double> Covariance)
{
    /// <summary>The intercept b_e.</summary>
    public double Intercept => Estimate[0];

    /// <summary>The slopes w_e.</summary>
    public IReadOnlyList<double> Slopes => Estimate.Skip(1).ToArray();
}
