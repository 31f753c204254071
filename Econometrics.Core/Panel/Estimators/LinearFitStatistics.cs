namespace Econometrics.Panel.Estimators;

/// <summary>Goodness of fit and the joint test of a linear panel regression.</summary>
/// <param name="RSquared">R-squared of the estimated (transformed) regression, as plm reports it: within for fixed effects,
/// of the quasi-demeaned data for random effects, of the differences for first differences.</param>
/// <param name="AdjustedRSquared">1 - (1 - R^2)(m - 1)/df, m the rows of the estimated regression.</param>
/// <param name="RSquaredWithin">Within R-squared: for fixed effects the same as <paramref name="RSquared"/>; otherwise the squared
/// correlation of the unit-demeaned response and the unit-demeaned fit (Stata's xtreg).</param>
/// <param name="RSquaredOverall">The squared correlation of the response and x'b in levels (Stata's overall R-squared).</param>
/// <param name="JointTest">The F test of all slopes (a chi-squared Wald test for random effects, as plm), with the chosen covariance.</param>
internal sealed record LinearFitStatistics(double RSquared, double AdjustedRSquared, double RSquaredWithin, double RSquaredOverall, TestResult JointTest);
