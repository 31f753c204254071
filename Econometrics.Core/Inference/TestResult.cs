using Econometrics.Reporting;

namespace Econometrics;

/// <summary>The outcome of one hypothesis test: what was tested, the statistic, its null distribution and p-value.</summary>
/// <param name="Method">The test's name, e.g. "Pesaran CD test for cross-sectional dependence".</param>
/// <param name="NullHypothesis">The null in words, e.g. "No cross-sectional dependence".</param>
/// <param name="Statistic">The observed statistic (NaN only when <see cref="Validity"/> is not valid).</param>
/// <param name="Distribution">The statistic's reference distribution under the null.</param>
/// <param name="PValue">The p-value, or null when the test has none (descriptive variants, invalid tests).</param>
/// <param name="Validity">Whether the statistic could be computed and interpreted.</param>
/// <param name="Reason">Why the test is invalid or not applicable.</param>
public sealed record TestResult(
    [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Method,
    string NullHypothesis,
    double Statistic,
    ReferenceDistribution Distribution,
    double? PValue,
    TestValidity Validity = TestValidity.Valid,
    string? Reason = null) : Result
{
    /// <summary>Builds a valid result with the p-value taken from the reference distribution.</summary>
    /// <param name="method">The test's name.</param>
    /// <param name="nullHypothesis">The null in words.</param>
    /// <param name="statistic">The statistic.</param>
    /// <param name="distribution">The null distribution.</param>
    /// <param name="tail">Which tail gives the p-value.</param>
    /// <param name="diagnostics">Diagnostics to attach.</param>
    public static TestResult Create(string method, string nullHypothesis, double statistic, ReferenceDistribution distribution,
        Tail tail, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(method); ArgumentNullException.ThrowIfNull(nullHypothesis); ArgumentNullException.ThrowIfNull(distribution);
        if (!double.IsFinite(statistic))
            return Invalid(method, nullHypothesis, distribution, double.IsNaN(statistic) ? "The statistic is undefined (a zero variance or too few " +
                "observations)." : "The statistic is infinite.", diagnostics);
        return new(method, nullHypothesis, statistic, distribution, distribution.PValue(statistic, tail)) { Diagnostics = diagnostics ?? [] };
    }

    /// <summary>A result for a test that could not be computed, with the reason.</summary>
    /// <param name="method">The test's name.</param>
    /// <param name="nullHypothesis">The null in words.</param>
    /// <param name="distribution">The null distribution the test would have used.</param>
    /// <param name="reason">Why the test could not be computed.</param>
    /// <param name="diagnostics">Diagnostics to attach.</param>
    public static TestResult Invalid(string method, string nullHypothesis, ReferenceDistribution distribution, string reason,
        IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(method); ArgumentNullException.ThrowIfNull(nullHypothesis);
        ArgumentNullException.ThrowIfNull(distribution); ArgumentNullException.ThrowIfNull(reason);
        return new(method, nullHypothesis, double.NaN, distribution, null, TestValidity.Invalid, reason) { Diagnostics = diagnostics ?? [] };
    }

    /// <summary>Whether the null is rejected at level <paramref name="alpha"/> (false when there is no p-value).</summary>
    /// <param name="alpha">The significance level.</param>
    public bool RejectsAt(double alpha) => PValue is { } p && p < alpha;

    /// <summary>The result as a summary table (the source of every rendering).</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable(Method)
            .AddHeader("H0", NullHypothesis)
            .AddHeader("Statistic", Statistic)
            .AddHeader("Distribution", Distribution.ToString())
            .AddHeader("P-value", PValue is { } p ? Cell.PValue(p) : Cell.Text("none"));
        if (Validity != TestValidity.Valid) s.AddHeader("Validity", $"{Validity}: {Reason}");
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.TestResult;
}
