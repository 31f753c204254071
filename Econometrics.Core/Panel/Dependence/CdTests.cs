namespace Econometrics.Panel.Dependence;

/// <summary>The cross-sectional dependence statistics <see cref="CrossSectionalDependence"/> can compute.</summary>
[Flags]
public enum CdTests
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Pesaran (2004, 2015) CD: sqrt(1/P) sum sqrt(T_ij) rho_ij, N(0,1).</summary>
    CD = 1,

    /// <summary>Breusch-Pagan (1980) LM: sum T_ij rho_ij^2, chi2(P).</summary>
    LM = 2,

    /// <summary>Pesaran (2004) scaled LM: sum (T_ij rho_ij^2 - 1) / sqrt(2P), N(0,1).</summary>
    ScaledLM = 4,

    /// <summary>Baltagi-Feng-Kao (2012) bias-corrected scaled LM for within residuals: scaled LM - N/(2(T-1)).</summary>
    BiasCorrectedScaledLM = 8,

    /// <summary>Pesaran-Ullah-Yamagata (2008) bias-adjusted LM for unit-by-unit OLS residuals (exact finite-T moments).</summary>
    LMAdj = 16,

    /// <summary>Juodis-Reese (2022) randomized CD_W with Rademacher weights, G draws combined as sum/sqrt(G).</summary>
    CDw = 32,

    /// <summary>Juodis-Reese power-enhanced CD_W+ (eq. 32: plus the sum of |rho_ij| above 2 sqrt(ln N / T)).</summary>
    CDwPlus = 64,

    /// <summary>Pesaran-Xie bias-corrected CD* for latent factor models.</summary>
    CDStar = 128,

    /// <summary>Every statistic.</summary>
    All = CD | LM | ScaledLM | BiasCorrectedScaledLM | LMAdj | CDw | CDwPlus | CDStar,
}
