namespace Econometrics.Compositional;

/// <summary>How p-values of many pairs are adjusted for multiple testing (R's <c>p.adjust</c> methods).</summary>
public enum PValueAdjustment
{
    /// <summary>No adjustment.</summary>
    None,

    /// <summary>Holm (1979) step-down; controls the family-wise error rate.</summary>
    Holm,

    /// <summary>Benjamini and Hochberg (1995) step-up; controls the false discovery rate.</summary>
    BenjaminiHochberg,
}
