namespace Econometrics.Sem.Identification;

/// <summary>Whether the half-trek criterion identifies one parameter.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="HtcIdentified">Whether it is generically identified.</param>
public sealed record ParameterIdentified(string Parameter, bool HtcIdentified);
