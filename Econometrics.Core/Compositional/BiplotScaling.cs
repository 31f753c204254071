namespace Econometrics.Compositional;

/// <summary>
/// How a biplot splits the singular values between rows and columns (Gabriel 1971; Aitchison and Greenacre 2002).
/// With the centred clr data <c>X = U S V'</c> of n samples:
/// </summary>
public enum BiplotScaling
{
    /// <summary>Form biplot (alpha = 1): rows <c>U S</c> (the principal component scores), columns <c>V</c>. Distances
    /// between sample points approximate Aitchison distances between samples.</summary>
    Form,

    /// <summary>Covariance biplot (alpha = 0): rows <c>sqrt(n - 1) U</c>, columns <c>V S / sqrt(n - 1)</c>. Column
    /// vectors approximate the clr covariance (<c>G G' ~ Gamma</c>), so the length of a link between two part
    /// vertices approximates the standard deviation of their log-ratio.</summary>
    Covariance,
}
