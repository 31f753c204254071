namespace Econometrics.Causal.Invariance;

/// <summary>The population-optimal affine predictor <c>Y ~ b + w' Phi X</c> in one environment.</summary>
/// <param name="Intercept">b.</param>
/// <param name="Slopes">w (length r).</param>
/// <param name="ResidualVariance">Var(Y - b - w' Phi X).</param>
public sealed record PopulationRegressor(double Intercept, IReadOnlyList<double> Slopes, double ResidualVariance)
{
    /// <summary>(b, w) as one vector.</summary>
    public double[] Coefficients => [Intercept, .. Slopes];
}
