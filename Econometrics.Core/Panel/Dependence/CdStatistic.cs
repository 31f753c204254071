namespace Econometrics.Panel.Dependence;

/// <summary>One statistic of a <see cref="CrossSectionalDependenceResult"/>.</summary>
/// <param name="Name">The stable name: CD, LM, ScaledLM, BiasCorrectedScaledLM, LMAdj, CDw, CDwPlus, CDStar or LocalCD.</param>
/// <param name="Result">The statistic, its reference distribution and p-value.</param>
/// <param name="Theta">CD*'s bias parameter theta (null for the other tests).</param>
/// <param name="Factors">The number of factors CD* removed (null for the other tests).</param>
public sealed record CdStatistic(string Name, [property: System.Text.Json.Serialization.JsonIgnore] TestResult Result, double? Theta = null,
    int? Factors = null)
{
    /// <summary>The name plm and xtcd2 users know: "CD", "LM", "Scaled LM", "Bias-corrected scaled LM", "CD_W", "CD_W+", "CD*", ...</summary>
    public string Label => LabelOf(Name);

    /// <summary>The human label of a stable test name ("CDwPlus" becomes "CD_W+").</summary>
    /// <param name="name">The stable name.</param>
    public static string LabelOf(string name) => (name ?? throw new ArgumentNullException(nameof(name))) switch
    {
        "ScaledLM" => "Scaled LM",
        "BiasCorrectedScaledLM" => "Bias-corrected scaled LM",
        "LMAdj" => "LM adj. (Pesaran et al.)",
        "CDw" => "CD_W",
        "CDwPlus" => "CD_W+",
        "CDStar" => "CD*",
        "LocalCD" => "Local CD",
        _ => name,
    };

    /// <summary>The reference distribution, in short notation.</summary>
    public ReferenceDistribution Distribution => Result.Distribution;

    /// <summary>Whether the statistic could be computed for these data.</summary>
    public TestValidity Validity => Result.Validity;

    /// <summary>Why the statistic is not valid or does not apply, or null.</summary>
    public string? Reason => Result.Reason;

    /// <summary>The statistic (NaN when the test is not valid for the data).</summary>
    public double Statistic => Result.Statistic;

    /// <summary>The p-value, or null.</summary>
    public double? PValue => Result.PValue;

    /// <summary>Conditions met while computing this statistic.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;
}
