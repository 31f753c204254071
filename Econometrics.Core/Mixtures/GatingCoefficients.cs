namespace Econometrics.Mixtures;

/// <summary>The multinomial-logit gating coefficients of one class against class 1.</summary>
/// <param name="Class">The class number (2..K).</param>
/// <param name="Intercept">The intercept.</param>
/// <param name="Coefficients">One coefficient per gating covariate, in input order.</param>
public sealed record GatingCoefficients(int Class, double Intercept, IReadOnlyList<double> Coefficients);
