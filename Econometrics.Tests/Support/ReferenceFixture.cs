using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Support;

/// <summary>
/// A reference fixture: <c>Reference/{Capability}/{case}/expected.json</c> written by the committed script beside it
/// (or in its capability folder). This is the one loader every reference test goes through; tolerances are read from the
/// file, never defaulted, so a test cannot compare more loosely than the fixture states.
/// </summary>
public sealed class ReferenceFixture
{
    private ReferenceFixture(string relative, string directory, JsonElement root)
    {
        Name = relative.Replace('\\', '/');
        Directory = directory;
        Root = root;
    }

    /// <summary>The fixture's path under <c>Reference/</c>, e.g. <c>Panel/pcdtest_grunfeld_within</c>.</summary>
    public string Name { get; }

    /// <summary>The fixture's folder in the test output.</summary>
    public string Directory { get; }

    /// <summary>The whole document.</summary>
    public JsonElement Root { get; }

    /// <summary>The "expected" object.</summary>
    public JsonElement Expected => Root.GetProperty("expected");

    /// <summary>The "spec" object (what to compute), where the fixture has one.</summary>
    public JsonElement Spec => Root.GetProperty("spec");

    /// <summary>Where the numbers came from (software and versions).</summary>
    public string Source => Root.GetProperty("source").GetString()!;

    /// <summary>The numeric tolerance stated for a quantity; a missing or non-numeric entry fails the test.</summary>
    public double Tolerance(string quantity)
    {
        if (!Root.TryGetProperty("tolerance", out var t) || !t.TryGetProperty(quantity, out var v) || v.ValueKind != JsonValueKind.Number)
            throw new Xunit.Sdk.XunitException($"{Name}/expected.json states no numeric tolerance for '{quantity}'.");
        return v.GetDouble();
    }

    /// <summary>A file of the fixture (inputs).</summary>
    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>The folder all fixtures are copied to.</summary>
    public static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "Reference");

    /// <summary>Loads <c>Reference/{relative}/expected.json</c>.</summary>
    public static ReferenceFixture Load(string relative)
    {
        var dir = Path.Combine(FixturesRoot, relative);
        var text = System.IO.File.ReadAllText(Path.Combine(dir, "expected.json"));
        using var doc = JsonDocument.Parse(text);
        return new ReferenceFixture(relative, dir, doc.RootElement.Clone());
    }

    /// <summary>All fixture folders (relative paths with '/') under <c>Reference/</c>, sorted.</summary>
    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(FixturesRoot, "expected.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(FixturesRoot, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The case names of one capability whose folder starts with <paramref name="prefix"/>, as theory rows.</summary>
    public static IEnumerable<object[]> Cases(string capability, string prefix) =>
        All().Where(r => r.StartsWith(capability + "/" + prefix, StringComparison.Ordinal))
            .Select(r => new object[] { r[(capability.Length + 1)..] });

    /// <summary>Relative agreement; an expected 0 (an underflowed p-value) needs an actual below 1e-300.</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        bool ok = expected == 0 ? Math.Abs(actual) < 1e-300 : Math.Abs(actual - expected) <= tolerance * Math.Abs(expected);
        Xunit.Assert.True(ok, $"{what}: expected {expected:R}, got {actual:R} (relative difference " +
            $"{Math.Abs(actual - expected) / Math.Abs(expected):E2}, tolerance {tolerance:E0}).");
    }

    /// <summary>A JSON number, with null read as NaN (R's NA).</summary>
    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    /// <summary>A JSON array of numbers.</summary>
    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();

    /// <summary>A JSON array of rows.</summary>
    public static Matrix<double> Matrix(JsonElement e)
    {
        var rows = e.EnumerateArray().Select(Vector).ToArray();
        return Matrix<double>.Build.Dense(rows.Length, rows[0].Length, (i, j) => rows[i][j]);
    }
}

/// <summary>
/// Marks a test class whose tests compare the toolkit with the fixtures under <c>Reference/</c> whose paths start with
/// one of the given prefixes. <c>ReferenceFixtureTests</c> fails for a fixture no test class claims.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class VerifiesFixturesAttribute(params string[] prefixes) : Attribute
{
    /// <summary>Fixture path prefixes, e.g. <c>Panel/pcdtest_</c>.</summary>
    public IReadOnlyList<string> Prefixes { get; } = prefixes;
}
