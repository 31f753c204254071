namespace Econometrics.Panel.Estimators;

/// <summary>One row of a coefficient table.</summary>
/// <param name="Name">The regressor, as written in the formula.</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="StdError">Its standard error under the fit's covariance.</param>
/// <param name="Statistic">Estimate / StdError.</param>
/// <param name="PValue">Two-sided p-value from t(df) or N(0,1).</param>
/// <param name="CiLower">Lower end of the confidence interval (estimate - q StdError, q from the same distribution).</param>
/// <param name="CiUpper">Upper end of the confidence interval.</param>
public sealed record Coefficient(string Name, double Estimate, double StdError, double Statistic, double PValue, double CiLower, double CiUpper);
