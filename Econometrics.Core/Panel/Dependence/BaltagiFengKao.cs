namespace Econometrics.Panel.Dependence;

/// <summary>
/// Baltagi, Feng and Kao's (2012) bias-corrected scaled LM for within residuals: the scaled LM minus N / (2(T - 1)),
/// with T the largest pair overlap on unbalanced panels (as plm and EViews).
/// </summary>
internal static class BaltagiFengKao
{
    public static CdStatistic Test(CdStatistics sums, int n, bool withinResiduals)
    {
        IReadOnlyList<Diagnostic>? note = withinResiduals ? null
            : [Diagnostic.Info("The Baltagi-Feng-Kao correction is derived for within (fixed-effects) residuals.", "bfk-setting")];
        return new("BiasCorrectedScaledLM", TestResult.Create("Baltagi-Feng-Kao bias-corrected scaled LM", "No cross-sectional dependence",
            sums.ScaledLm - n / (2.0 * (sums.MaxTij - 1)), ReferenceDistribution.Normal, Tail.TwoSided, note));
    }
}
