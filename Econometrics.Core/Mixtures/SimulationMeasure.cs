namespace Econometrics.Mixtures;

/// <summary>Performance of one parameter over the replications of a <see cref="SimulationStudy"/>.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Truth">The generating value.</param>
/// <param name="Mean">Mean estimate.</param>
/// <param name="RelativeBias">(mean − truth)/truth, or the absolute bias when the truth is 0.</param>
/// <param name="EmpiricalSE">Standard deviation of the estimates.</param>
/// <param name="MeanSE">Mean of the model standard errors.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Coverage">Share of 95% Wald intervals containing the truth.</param>
public sealed record SimulationMeasure(string Name, double Truth, double? Mean, double? RelativeBias, double? EmpiricalSE, double? MeanSE, double? Rmse,
    double? Coverage);
