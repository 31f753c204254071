namespace Econometrics.Compositional;

/// <summary>The prior (or rule) of <see cref="BayesianMultiplicativeReplacement"/>, named as in zCompositions' <c>cmultRepl</c>.</summary>
public enum BayesianPrior
{
    /// <summary>GBM, geometric Bayesian multiplicative: strength <c>s_i = 1 / geomean_j(t_ij)</c> (the default).</summary>
    GeometricBayesian,

    /// <summary>SQ, square-root prior: <c>s_i = sqrt(n_i)</c>.</summary>
    SquareRoot,

    /// <summary>BL, Bayes-Laplace prior: <c>s_i = D</c>.</summary>
    BayesLaplace,

    /// <summary>CZM, count zero multiplicative: a zero becomes <c>frac * threshold / n_i</c> (no prior).</summary>
    CountZeroMultiplicative,
}
