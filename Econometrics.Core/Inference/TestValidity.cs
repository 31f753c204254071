namespace Econometrics;

/// <summary>Whether a test statistic could be computed and interpreted for the data at hand.</summary>
public enum TestValidity
{
    /// <summary>The statistic and p-value are meaningful.</summary>
    Valid,

    /// <summary>The statistic could not be computed for these data (the reason says why).</summary>
    Invalid,

    /// <summary>The test does not apply to this kind of input (the reason says why).</summary>
    NotApplicable,
}
