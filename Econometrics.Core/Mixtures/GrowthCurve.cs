namespace Econometrics.Mixtures;

/// <summary>The within-class trajectory shape of a latent growth curve (the curves of nlpsem, Liu 2025).</summary>
public enum GrowthCurve
{
    /// <summary>Straight line: loadings [1, t]; growth factors (intercept, slope).</summary>
    Linear,

    /// <summary>Quadratic: loadings [1, t, t²]; growth factors (intercept, linear, quadratic).</summary>
    Quadratic,

    /// <summary>
    /// Bilinear spline (linear-linear) with an unknown class-specific knot γ: loadings [1, min(t, γ), max(t − γ, 0)];
    /// growth factors (level at t = 0, pre-knot slope, post-knot slope).
    /// </summary>
    BilinearSpline,

    /// <summary>
    /// Negative exponential: y = η0 + η1 (1 − exp(−b t)) with a class-specific growth rate b &gt; 0; growth factors
    /// (intercept, change from the initial status to the asymptote).
    /// </summary>
    NegativeExponential,

    /// <summary>
    /// Jenss–Bayley: y = η0 + η1 t + η2 (exp(c t) − 1) with a class-specific growth acceleration c; growth factors
    /// (intercept, slope of the linear asymptote, change from the initial status to the asymptote's intercept).
    /// </summary>
    /// <remarks>
    /// Where growth does not decelerate like exp(c t) the likelihood can have no interior maximum. On ECLS-K
    /// mathematics (RMS_dat, two classes) the maximisation runs along a ridge on which exp(c t) − 1 ≈ c t + c²t²/2 is
    /// nearly collinear with the linear slope and the change factor's covariances grow into the thousands; the fit then
    /// reports the diagnostics not-converged and hessian-not-pd (no standard errors) instead of estimates that look
    /// regular. Prefer the quadratic or negative-exponential curve for such data.
    /// </remarks>
    JenssBayley,

    /// <summary>
    /// Nonparametric (latent basis): y_1 = η0 and y_j = y_{j−1} + η1 r_{j−1} (t_j − t_{j−1}), with r_1 = 1 and the
    /// relative rates r_2 … r_{p−1} of the later intervals class-specific; growth factors (intercept, slope of the
    /// first interval). Needs every occasion's time.
    /// </summary>
    Nonparametric,
}
