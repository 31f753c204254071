using Econometrics.Sem.Fitting;

namespace Econometrics.Sem.Identification;

/// <summary>Thrown before fitting when a model is not (locally) identified: negative degrees of freedom, or a Jacobian
/// of the covariance map without full column rank. Set <see cref="SemEstimator.ForceFit"/> to fit anyway.</summary>
public sealed class UnidentifiedModelException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="parameters">The parameters that are not locally identified (lavaan notation), possibly empty.</param>
    public UnidentifiedModelException(string message, IReadOnlyList<string> parameters) : base(message, "model") => Parameters = parameters;

    /// <summary>The parameters involved in the rank deficiency.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <inheritdoc/>
    public override string Message => base.Message.Split(" (Parameter")[0];
}
