namespace Econometrics.Panel.Factors;

/// <summary>How many latent factors to use: a fixed number, or one estimated by a criterion up to a maximum.</summary>
public sealed record FactorCount
{
    private FactorCount(int? fixedCount, FactorCriterion criterion, int maxFactors)
    {
        FixedCount = fixedCount; Criterion = criterion; MaxFactors = maxFactors;
    }

    /// <summary>The user's number of factors, or null when estimated.</summary>
    public int? FixedCount { get; }

    /// <summary>The criterion used when the number is estimated.</summary>
    public FactorCriterion Criterion { get; }

    /// <summary>The largest number considered when estimating (kmax).</summary>
    public int MaxFactors { get; }

    /// <summary>Whether the number is estimated.</summary>
    public bool IsAuto => FixedCount is null;

    /// <summary>A fixed number of factors.</summary>
    /// <param name="k">The number of factors, 0 or more.</param>
    public static FactorCount Fixed(int k) =>
        k >= 0 ? new(k, FactorCriterion.ER, k) : throw new ArgumentOutOfRangeException(nameof(k), k, "The number of factors must be 0 or more.");

    /// <summary>A number estimated by <paramref name="criterion"/> over 0..<paramref name="maxFactors"/> (capped by the data's size).</summary>
    /// <param name="criterion">The criterion (default Ahn-Horenstein ER).</param>
    /// <param name="maxFactors">kmax, at least 1 (default 8).</param>
    public static FactorCount Auto(FactorCriterion criterion = FactorCriterion.ER, int maxFactors = 8) =>
        maxFactors >= 1 ? new(null, criterion, maxFactors)
            : throw new ArgumentOutOfRangeException(nameof(maxFactors), maxFactors, "kmax must be at least 1.");

    /// <summary>"2" or "auto (ER, kmax 8)".</summary>
    public override string ToString() => FixedCount is { } k ? k.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"auto ({Criterion}, kmax {MaxFactors})";
}
