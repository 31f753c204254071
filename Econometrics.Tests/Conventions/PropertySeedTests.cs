using System.Reflection;
using Econometrics.Tests.Support;
using FsCheck.Xunit;

namespace Econometrics.Tests.Conventions;

/// <summary>Every FsCheck property of the suite draws its cases from the fixed seed, so CI runs are reproducible.</summary>
public sealed class PropertySeedTests
{
    private static IEnumerable<MethodInfo> Properties() =>
        typeof(PropertySeedTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static |
                BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(PropertyAttribute), inherit: false));

    [Fact]
    public void Every_property_uses_the_seeded_attribute()
    {
        var plain = Properties().Where(m => m.GetCustomAttribute<PropertyAttribute>()!.GetType() != typeof(SeededPropertyAttribute))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.True(plain.Count == 0, "FsCheck [Property] draws a new seed each run; use [SeededProperty(cases)]: " + string.Join(", ", plain));
        Assert.True(typeof(PropertySeedTests).Assembly.GetTypes().Any(t => t.IsDefined(typeof(PropertiesAttribute))) == false,
            "a class-level [Properties] could override the seed");
    }

    // Skipped when exploring, with the seed in use as the reason (`dotnet test --logger "console;verbosity=normal"`).
    [PropertySeedFact]
    public void Without_exploration_every_property_replays_the_fixed_seed_and_its_case_count()
    {
        Assert.Equal(7, SeededPropertyAttribute.Cases(7));
        var replays = Properties().Select(m => m.GetCustomAttribute<PropertyAttribute>()!.Replay).Distinct().ToList();
        Assert.Equal([$"{SeededPropertyAttribute.FixedSeed},{0x9e3779b97f4a7c15UL}"], replays);
    }
}
