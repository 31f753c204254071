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
    double Chisq, int Df, double PValue, double BaselineChisq, int BaselineDf, double Cfi, double Tli, double Nfi,
    double Rmsea, double RmseaLower, double RmseaUpper, double RmseaPValue, double RmseaNotClosePValue, double Srmr,
    [property: System.Text.Json.Serialization.JsonPropertyName("logLik")] double LogLikelihood,
    [property: System.Text.Json.Serialization.JsonPropertyName("unrestrictedLogLik")] double UnrestrictedLogLikelihood,
    double Aic, double Bic, double Sabic, [property: System.Text.Json.Serialization.JsonPropertyName("npar")] int NPar, double Fmin);
