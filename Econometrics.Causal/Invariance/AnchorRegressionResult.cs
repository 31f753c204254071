using Econometrics.Reporting;

namespace Econometrics.Causal.Invariance;

/// <summary>The result of <see cref="AnchorRegression.Fit(Environments)"/>.</summary>
/// <param name="Gamma">The robustness parameter.</param>
/// <param name="Predictors">Predictor names.</param>
/// <param name="Intercept">The intercept.</param>
/// <param name="Coefficients">The slopes, in predictor order.</param>
/// <param name="NObs">Observations.</param>
public sealed record AnchorRegressionResult(double Gamma, IReadOnlyList<string> Predictors, double Intercept, IReadOnlyList<double> Coefficients,
    int NObs) : Result
{
    /// <summary>The result as a summary table.</summary>
    public override SummaryTable Summary()
    {
        var t = new Table("Coefficients", "Term", "Estimate");
        t.AddRow("(Intercept)", Intercept);
        for (int j = 0; j < Predictors.Count; j++) t.AddRow(Predictors[j], Coefficients[j]);
        return new SummaryTable($"Anchor regression (gamma = {Gamma})").AddHeader("Observations", NObs).AddTable(t);
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.AnchorRegressionResult;
}
