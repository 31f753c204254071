namespace Econometrics.Tests.Support;

/// <summary>
/// Shows the seed of an exploratory run in the test summary: a test runner hides the test process's stderr, but it
/// lists skipped tests with their reason, so this fact is skipped with the seed as its reason when exploring.
/// </summary>
public sealed class PropertySeedFactAttribute : FactAttribute
{
    public PropertySeedFactAttribute()
    {
        if (SeededPropertyAttribute.Exploring)
            Skip = $"exploring: FsCheck properties replay {SeededPropertyAttribute.SeedVariable}={SeededPropertyAttribute.Replayed}, " +
                $"{SeededPropertyAttribute.CasesVariable}={SeededPropertyAttribute.Cases(1)}";
    }
}
