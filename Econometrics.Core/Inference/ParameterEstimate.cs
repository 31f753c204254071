using System.Text.Json.Serialization;

namespace Econometrics;

/// <summary>
/// One row of an estimate table, the same across capabilities: a term, its estimate, standard error, test statistic,
/// p-value and confidence interval. SEM rows also carry lavaan's <c>lhs op rhs</c> triple, label and <c>std.all</c>.
/// </summary>
/// <param name="Term">The parameter as printed, e.g. "capital", "class 1: knot" or "dem60 ~ ind60".</param>
/// <param name="Estimate">The estimate (or the fixed value of a fixed parameter).</param>
/// <param name="StdError">Its standard error, or null when unavailable (fixed parameter, singular information).</param>
/// <param name="Statistic">The Wald statistic (t or z) = Estimate / StdError, or null.</param>
/// <param name="PValue">Its two-sided p-value, or null.</param>
/// <param name="CiLower">Lower end of the confidence interval, or null.</param>
/// <param name="CiUpper">Upper end of the confidence interval, or null.</param>
public sealed record ParameterEstimate(
    string Term,
    double Estimate,
    double? StdError = null,
    double? Statistic = null,
    double? PValue = null,
    double? CiLower = null,
    double? CiUpper = null)
{
    /// <summary>SEM: the left-hand variable (lavaan's <c>lhs</c>); null outside SEM.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lhs { get; init; }

    /// <summary>SEM: the operator <c>=~</c>, <c>~</c> or <c>~~</c>; null outside SEM.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Op { get; init; }

    /// <summary>SEM: the right-hand variable; null outside SEM.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Rhs { get; init; }

    /// <summary>The user's label for the parameter, or null.</summary>
    public string? Label { get; init; }

    /// <summary>Whether the parameter was estimated (false for fixed values such as marker loadings).</summary>
    public bool Free { get; init; } = true;

    /// <summary>SEM with several groups: the group (1-based, in order of first appearance in the data); null with one group.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Group { get; init; }

    /// <summary>SEM with several groups: the group's value in the grouping column; null with one group.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GroupLabel { get; init; }

    /// <summary>SEM: the completely standardized estimate (lavaan's <c>std.all</c>); null outside SEM or when undefined.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StdAll { get; init; }
}
