using Econometrics.Panel.Estimators;

namespace Econometrics.Panel.Dependence;

/// <summary>What the CD engine tests: a T x N matrix with gaps, and what is known about where it came from.</summary>
/// <param name="E">Residuals or the raw variable, T x N column-major, NaN for gaps.</param>
/// <param name="T">Rows.</param>
/// <param name="N">Columns.</param>
/// <param name="Entities">Unit labels.</param>
/// <param name="Source">A description, e.g. "residuals of the within (FE) regression".</param>
/// <param name="Partial">CD*'s input for a regression: y - x'b (factor part kept), or null to use <paramref name="E"/>.</param>
/// <param name="UnitBases">Orthonormal bases of each unit's regressors (T x k_i), for LM_adj; null unless unit-by-unit OLS.</param>
/// <param name="WithinResiduals">Whether E are within residuals with individual or two-way effects (the BFK correction's setting).</param>
/// <param name="CommonEffectsRemoved">Whether E came from a model that estimated common effects (time effects, CCE, PC factors).</param>
/// <param name="Diagnostics">Notes from building E.</param>
internal sealed record CdInput(double[] E, int T, int N, IReadOnlyList<string> Entities, string Source,
    double[]? Partial = null, double[][]? UnitBases = null, bool WithinResiduals = false, bool CommonEffectsRemoved = false,
    IReadOnlyList<Diagnostic>? Diagnostics = null)
{
    /// <summary>The name of the entity column ("firm"), for axis titles.</summary>
    public string EntityName { get; init; } = "unit";

    /// <summary>The residuals of a fitted regression; CD* gets the partial residuals where the model removed common effects.</summary>
    public static CdInput FromFit(PanelRegressionResult fit) => new((double[])fit.ResidualCells.Clone(), fit.T, fit.N, fit.Entities,
        $"residuals of {PanelRegression.Describe(fit.Model)}: {fit.Formula}",
        fit.Model is PanelModel.CceMeanGroup or PanelModel.CcePooled or PanelModel.InteractiveEffects or PanelModel.TwoWayFixedEffects
            ? (double[])fit.PartialCells.Clone() : null,
        fit.UnitBases, fit.WithinResiduals, fit.CommonEffectsRemoved)
    { EntityName = fit.EntityName };
}
