namespace Econometrics.Sem.Fitting;

/// <summary>One row of a fitted model's parameter table, in lavaan's terms.</summary>
/// <param name="Lhs">Left-hand variable.</param>
/// <param name="Op">Operator: <c>=~</c>, <c>~</c> or <c>~~</c>.</param>
/// <param name="Rhs">Right-hand variable.</param>
/// <param name="Label">The user's label, or null.</param>
/// <param name="Free">Whether the parameter was estimated (false for fixed values such as marker loadings and fixed.x moments).</param>
/// <param name="Estimate">The estimate (or fixed value).</param>
/// <param name="StdError">Standard error from the expected information; null for fixed parameters or when the information is singular.</param>
/// <param name="ZValue">Estimate / StdError, or null.</param>
/// <param name="PValue">Two-sided normal p-value of ZValue, or null.</param>
public sealed record SemEstimate(string Lhs, string Op, string Rhs, string? Label, bool Free, double Estimate, double? StdError, double? ZValue, double? PValue)
{
    /// <summary>The completely standardized estimate (lavaan's <c>std.all</c>): all variables, observed and latent, scaled to unit variance.</summary>
    public double StdAll { get; init; } = double.NaN;
}
