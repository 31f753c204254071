namespace Econometrics.Mixtures;

/// <summary>How the expert covariates x enter the likelihood.</summary>
public enum CovariateTreatment
{
    /// <summary>
    /// Modelled jointly: x ~ N(μx_k, Φ_k) within class k, so the class density is f_k(y | x)·φ(x; μx_k, Φ_k). This is the
    /// OpenMx/<c>nlpsem</c> likelihood (and the authors' Mplus input); numbers match those tools.
    /// </summary>
    Joint,

    /// <summary>Conditioned on: the class density is f_k(y | x) alone (flexmix and lcmm style).</summary>
    Conditional,
}
