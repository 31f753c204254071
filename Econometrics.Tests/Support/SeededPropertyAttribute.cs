using System.Globalization;
using System.Security.Cryptography;
using FsCheck.Xunit;

namespace Econometrics.Tests.Support;

/// <summary>
/// An FsCheck property with a fixed start seed, so every run of the suite (and CI) generates the same cases. Set
/// <c>ECONOMETRICS_PROPERTY_SEED</c> to explore: <c>random</c> draws a fresh seed for the process, a number (or the
/// <c>seed,gamma</c> pair FsCheck prints on a failure) replays that seed; the seed in use is part of every failure
/// message and the reason <see cref="PropertySeedFactAttribute"/> gives for skipping (shown by
/// <c>dotnet test --logger "console;verbosity=normal"</c>). <c>ECONOMETRICS_PROPERTY_CASES</c> multiplies every property's case count.
/// A convention test checks that no property uses FsCheck's plain <c>[Property]</c>, whose seed changes per run.
/// </summary>
public sealed class SeededPropertyAttribute : PropertyAttribute
{
    /// <summary>The environment variable choosing the seed: unset for the fixed one, <c>random</c>, or a number.</summary>
    public const string SeedVariable = "ECONOMETRICS_PROPERTY_SEED";

    /// <summary>The environment variable multiplying the case counts (a positive integer).</summary>
    public const string CasesVariable = "ECONOMETRICS_PROPERTY_CASES";

    /// <summary>The seed CI uses (any value works; this one is fixed so failures reproduce).</summary>
    public const ulong FixedSeed = 20261206;

    // SplitMix64's golden gamma, the one FsCheck uses for a seed given alone (it must be odd).
    private const ulong Gamma = 0x9e3779b97f4a7c15UL;

    // Chosen once per test process so every property of an exploratory run shares the printed seed.
    private static readonly Lazy<string> Seed = new(ChooseSeed);

    /// <summary>A property running <paramref name="cases"/> generated cases (times the factor, if set).</summary>
    public SeededPropertyAttribute(int cases)
    {
        Replay = Seed.Value;
        MaxTest = checked(cases * Factor());
    }

    /// <summary>Whether this process explores (the seed or the case count comes from the environment).</summary>
    public static bool Exploring =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SeedVariable)) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CasesVariable));

    /// <summary>The <c>seed,gamma</c> pair the properties of this process start from.</summary>
    public static string Replayed => Seed.Value;

    /// <summary>The number of cases a property declared with <paramref name="cases"/> runs in this process.</summary>
    public static int Cases(int cases) => checked(cases * Factor());

    private static int Factor()
    {
        var text = Environment.GetEnvironmentVariable(CasesVariable);
        if (string.IsNullOrEmpty(text)) return 1;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int f) && f > 0
            ? f
            : throw new InvalidOperationException($"{CasesVariable} must be a positive integer, got '{text}'.");
    }

    private static string ChooseSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable)?.Trim();
        if (string.IsNullOrEmpty(text)) return $"{FixedSeed},{Gamma}";
        string replay;
        if (text.Equals("random", StringComparison.OrdinalIgnoreCase))
            replay = $"{BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))},{Gamma}";
        else
        {
            var parts = text.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            bool ok = parts.Length is 1 or 2 && parts.All(p => ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
            if (!ok || (parts.Length == 2 && ulong.Parse(parts[1], CultureInfo.InvariantCulture) % 2 == 0))
                throw new InvalidOperationException($"{SeedVariable} must be 'random', a seed, or 'seed,gamma' with an odd gamma; got '{text}'.");
            replay = parts.Length == 2 ? $"{parts[0]},{parts[1]}" : $"{parts[0]},{Gamma}";
        }
        return replay;
    }
}
