namespace Econometrics.Mixtures;

/// <summary>The within-class trajectory shape of a latent growth curve.</summary>
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
}
