using Econometrics.Reporting;

namespace Econometrics.Causal.Invariance;

/// <summary>The result of <see cref="AnchorRegression.Fit(Environments)"/>.</summary>
/// <param name="Gamma">The robustness parameter.</param>
/// <param name="Predictors">Predictor names.</param>
/// <param name="Intercept">The intercept.</param>
/// <param name="Coefficients">The slopes, in predictor order.</param>
/// <param name="NObs">Observations.</param>
public sealed record AnchorRegressionResult(double Gamma, IReadOnlyList<string> Predictors, double Intercept, IReadOnlyList<double> Coefficients, int NObs)
{
    /// <summary>The result as a summary table.</summary>
    public SummaryTable Summary()
    {
        var t = new Table("Coefficients", "Term", "Estimate");
        t.AddRow("(Intercept)", Intercept);
        for (int j = 0; j < Predictors.Count; j++) t.AddRow(Predictors[j], Coefficients[j]);
        return new SummaryTable($"Anchor regression (gamma = {Gamma})").AddHeader("Observations", NObs).AddTable(t);
    }

    /// <inheritdoc/>
    public override string ToString() => Summary().ToText();

    /// <summary>HTML rendering.</summary>
    public string ToHtml() => Summary().ToHtml();

    /// <summary>Markdown rendering.</summary>
    public string ToMarkdown() => Summary().ToMarkdown();

    /// <summary>JSON rendering.</summary>
    public string ToJson() => Summary().ToJson();
}
