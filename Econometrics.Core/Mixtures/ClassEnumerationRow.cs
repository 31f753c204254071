namespace Econometrics.Mixtures;

/// <summary>One row of a class enumeration: the fit of the K-class model and how its random starts fared.</summary>
/// <param name="Classes">The number of classes K.</param>
/// <param name="LogLik">The maximised log-likelihood.</param>
/// <param name="NParameters">Free parameters.</param>
/// <param name="Aic">AIC.</param>
/// <param name="Bic">BIC.</param>
/// <param name="AdjustedBic">Sample-size-adjusted BIC.</param>
/// <param name="Entropy">Relative entropy; null for one class.</param>
/// <param name="SmallestClass">The smallest expected class share.</param>
/// <param name="Converged">Whether the best run's EM met its tolerance.</param>
/// <param name="Starts">Random starts tried.</param>
/// <param name="FinalStarts">Final-stage runs.</param>
/// <param name="ConvergedStarts">Final-stage runs that converged.</param>
/// <param name="BestLogLikReplicated">Final-stage runs that reached the best log-likelihood.</param>
public sealed record ClassEnumerationRow(int Classes, double LogLik, int NParameters, double Aic, double Bic, double AdjustedBic,
    double? Entropy, double SmallestClass, bool Converged, int Starts, int FinalStarts, int ConvergedStarts, int BestLogLikReplicated)
{
    /// <summary>Bootstrap likelihood-ratio p-value of K − 1 against K classes; null for K = 1 or when not run.</summary>
    public double? BlrtP { get; init; }

    /// <summary>Vuong-Lo-Mendell-Rubin p-value of K − 1 against K classes (Mplus TECH11); null for K = 1 or when not run.</summary>
    public double? VlmrP { get; init; }

    /// <summary>Lo-Mendell-Rubin adjusted LRT p-value (eq. 15 of Lo, Mendell and Rubin 2001); null for K = 1 or when not run.</summary>
    public double? AdjustedLmrP { get; init; }
}
