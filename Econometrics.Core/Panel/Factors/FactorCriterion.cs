namespace Econometrics.Panel.Factors;

/// <summary>Criteria for the number of latent factors (Bai and Ng 2002; Ahn and Horenstein 2013).</summary>
public enum FactorCriterion
{
    /// <summary>Ahn-Horenstein eigenvalue ratio mu_k / mu_{k+1} (argmax; k = 0 allowed through the mock eigenvalue).</summary>
    ER,

    /// <summary>Ahn-Horenstein growth ratio (argmax).</summary>
    GR,

    /// <summary>Bai-Ng PC_p1 (argmin).</summary>
    PC1,

    /// <summary>Bai-Ng PC_p2 (argmin).</summary>
    PC2,

    /// <summary>Bai-Ng PC_p3 (argmin).</summary>
    PC3,

    /// <summary>Bai-Ng IC_p1 (argmin).</summary>
    IC1,

    /// <summary>Bai-Ng IC_p2 (argmin).</summary>
    IC2,

    /// <summary>Bai-Ng IC_p3 (argmin).</summary>
    IC3,
}
