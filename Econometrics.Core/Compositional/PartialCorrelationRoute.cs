namespace Econometrics.Compositional;

/// <summary>How the log-ratio precision matrix Omega is computed; both routes give the same matrix (Erb 2020).</summary>
public enum PartialCorrelationRoute
{
    /// <summary>Moore-Penrose inverse of the clr covariance, as <c>(Gamma + J)^-1 - J</c> with <c>J = 11'/D</c> (one Cholesky, no threshold).</summary>
    ClrPseudoInverse,

    /// <summary>Inverse of the alr covariance for one reference part r, expanded as <c>F_r' Sigma_r^-1 F_r</c>.</summary>
    AlrInverse,
}
