namespace Econometrics.Sem.Fitting;

/// <summary>
/// One model of a measurement-invariance sequence: its fit and, from the second model on, the chi-square difference test
/// against the previous (less constrained) model and the changes in CFI and RMSEA (semTools' compareFit).
/// </summary>
/// <param name="Model">configural, metric, scalar or strict.</param>
/// <param name="GroupEqual">The group.equal levels of the model.</param>
/// <param name="Chisq">Its test statistic.</param>
/// <param name="Df">Its degrees of freedom.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Cfi">Its CFI.</param>
/// <param name="Tli">Its TLI.</param>
/// <param name="Rmsea">Its RMSEA.</param>
/// <param name="Srmr">Its SRMR.</param>
/// <param name="Aic">Its AIC.</param>
/// <param name="Bic">Its BIC.</param>
public sealed record SemInvarianceStep(string Model, IReadOnlyList<string> GroupEqual, double Chisq, int Df,
    [property: System.Text.Json.Serialization.JsonPropertyName("pvalue")] double PValue, double Cfi, double Tli, double Rmsea, double Srmr, double Aic,
    double Bic)
{
    /// <summary>The chi-square difference to the previous model (lavaan's lavTestLRT); null for the first model.</summary>
    public double? ChisqDiff { get; init; }

    /// <summary>The difference in degrees of freedom.</summary>
    public int? DfDiff { get; init; }

    /// <summary>The p-value of the difference test.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("pvalueDiff")]
    public double? PValueDiff { get; init; }

    /// <summary>The RMSEA of the difference test, sqrt(max(0, (dT - ddf) / (N ddf))) sqrt(G) (lavTestLRT's RMSEA column).</summary>
    public double? RmseaDiff { get; init; }

    /// <summary>CFI minus the previous model's CFI (a drop below -0.01 is Cheung and Rensvold's 2002 flag).</summary>
    public double? DeltaCfi { get; init; }

    /// <summary>RMSEA minus the previous model's RMSEA.</summary>
    public double? DeltaRmsea { get; init; }
}
