namespace Econometrics.Panel.Estimators;

/// <summary>The panel regression estimators that produce residuals for the CD tests.</summary>
public enum PanelModel
{
    /// <summary>Pooled OLS with an intercept.</summary>
    Pooled,

    /// <summary>One-way (individual) fixed effects, the within estimator.</summary>
    FixedEffects,

    /// <summary>Two-way (individual and time) fixed effects.</summary>
    TwoWayFixedEffects,

    /// <summary>Random effects by GLS with Swamy-Arora (1972) variance components (plm's default).</summary>
    RandomEffects,

    /// <summary>First differences of consecutive observations within each unit, with an intercept (as plm).</summary>
    FirstDifferences,

    /// <summary>Pesaran (2006) common correlated effects mean group.</summary>
    CceMeanGroup,

    /// <summary>Pesaran (2006) common correlated effects pooled.</summary>
    CcePooled,

    /// <summary>Bai (2009) principal-components interactive effects with additive individual effects.</summary>
    InteractiveEffects,

    /// <summary>Unit-by-unit OLS with intercepts (Pesaran 2004's original residuals; plm's model = NULL); mean-group coefficients.</summary>
    UnitOls,
}
