namespace Econometrics.Sem.Fitting;

/// <summary>lavaan's fit measures (ML, normal likelihood, N in every divisor). Undefined quantities (for example the
/// p-value of a just-identified model) are NaN and print/serialize as empty/null.</summary>
/// <param name="Chisq">Likelihood-ratio statistic T = 2 N F_min against the saturated model.</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="PValue">Upper-tail chi-square p-value of T.</param>
/// <param name="BaselineChisq">T of the independence model (x moments kept under fixed.x).</param>
/// <param name="BaselineDf">Its degrees of freedom.</param>
/// <param name="Cfi">Comparative fit index.</param>
/// <param name="Tli">Tucker-Lewis index.</param>
/// <param name="Nfi">Normed fit index.</param>
/// <param name="Rmsea">Root mean square error of approximation (divisor N).</param>
/// <param name="RmseaLower">Lower bound of its 90% interval.</param>
/// <param name="RmseaUpper">Upper bound of its 90% interval.</param>
/// <param name="RmseaPValue">P-value of H0: RMSEA &lt;= 0.05.</param>
/// <param name="RmseaNotClosePValue">P-value of H0: RMSEA &gt;= 0.08.</param>
/// <param name="Srmr">Standardized root mean square residual (Bentler).</param>
/// <param name="LogLikelihood">Log-likelihood of the model (excluding the x marginal under fixed.x).</param>
/// <param name="UnrestrictedLogLikelihood">Log-likelihood of the saturated model.</param>
/// <param name="Aic">Akaike information criterion.</param>
/// <param name="Bic">Bayesian information criterion.</param>
/// <param name="Sabic">Sample-size adjusted BIC.</param>
/// <param name="NPar">Number of free parameters.</param>
/// <param name="Fmin">Minimum of lavaan's objective 0.5[log|Sigma| + tr(S Sigma^-1) - log|S| - p].</param>
public sealed record SemFitMeasures(
    double Chisq, int Df, [property: System.Text.Json.Serialization.JsonPropertyName("pvalue")] double PValue, double BaselineChisq, int BaselineDf, double Cfi, double Tli, double Nfi,
    double Rmsea, double RmseaLower, double RmseaUpper, double RmseaPValue, double RmseaNotClosePValue, double Srmr,
    [property: System.Text.Json.Serialization.JsonPropertyName("logLik")] double LogLikelihood,
    [property: System.Text.Json.Serialization.JsonPropertyName("unrestrictedLogLik")] double UnrestrictedLogLikelihood,
    double Aic, double Bic, double Sabic, [property: System.Text.Json.Serialization.JsonPropertyName("npar")] int NPar, double Fmin)
{
    /// <summary>Robust estimators: the scaled test statistic T / c (Satorra-Bentler for MLM); null for ML.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? ChisqScaled { get; init; }

    /// <summary>Degrees of freedom of the scaled test.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? DfScaled { get; init; }

    /// <summary>P-value of the scaled test.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [System.Text.Json.Serialization.JsonPropertyName("pvalueScaled")]
    public double? PValueScaled { get; init; }

    /// <summary>The scaling factor c = tr(U Gamma) / df.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? ChisqScalingFactor { get; init; }

    /// <summary>The baseline model's scaled test statistic.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? BaselineChisqScaled { get; init; }

    /// <summary>The baseline model's scaling factor.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? BaselineChisqScalingFactor { get; init; }

    /// <summary>Robust CFI 1 - max(T - c df, 0) / max(T - c df, T0 - c0 df0, 0) (Brosseau-Liard and Savalei 2014).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? CfiRobust { get; init; }

    /// <summary>Robust TLI 1 - (T - c df) df0 / ((T0 - c0 df0) df).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? TliRobust { get; init; }

    /// <summary>Robust RMSEA sqrt(max(T / (N df) - c / N, 0)) (Brosseau-Liard, Savalei and Li 2012).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? RmseaRobust { get; init; }
}
