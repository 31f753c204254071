namespace Econometrics.Mixtures;

/// <summary>One candidate covariate in a <see cref="CovariateScreen"/>.</summary>
/// <param name="Covariate">The covariate.</param>
/// <param name="GatingStatistic">2Δℓ for the covariate as the only gating covariate.</param>
/// <param name="GatingDf">Its degrees of freedom (K − 1).</param>
/// <param name="GatingPValue">χ² p-value (unadjusted).</param>
/// <param name="ExpertStatistic">2Δℓ for the covariate as the only expert covariate.</param>
/// <param name="ExpertDf">Its degrees of freedom (K·q).</param>
/// <param name="ExpertPValue">χ² p-value (unadjusted).</param>
/// <param name="Gating">Suggested as a gating covariate (passes Holm's procedure).</param>
/// <param name="Expert">Suggested as an expert covariate (passes Holm's procedure).</param>
public sealed record CovariateScreenRow(string Covariate, double GatingStatistic, int GatingDf, double GatingPValue,
    double ExpertStatistic, int ExpertDf, double ExpertPValue, bool Gating, bool Expert);
