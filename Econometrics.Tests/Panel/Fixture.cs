using System.Text.Json;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>Loads a fixture folder under Reference/Panel and compares numbers with its stated relative tolerance.</summary>
internal sealed class Fixture
{
    public Fixture(string name)
    {
        Folder = Path.Combine(AppContext.BaseDirectory, "Reference", "Panel", name);
        Doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, "expected.json")));
    }

    public string Folder { get; }
    public JsonDocument Doc { get; }
    public JsonElement Expected => Doc.RootElement.GetProperty("expected");
    public JsonElement Spec => Doc.RootElement.GetProperty("spec");
    public string File(string name) => Path.Combine(Folder, name);

    public double Tolerance(string kind) =>
        Doc.RootElement.GetProperty("tolerance").TryGetProperty(kind, out var t) ? t.GetDouble() : 1e-8;

    public static IEnumerable<object[]> Cases(string prefix) =>
        Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Reference", "Panel"), prefix + "*")
            .Select(d => new object[] { Path.GetFileName(d) }).OrderBy(o => (string)o[0]);

    /// <summary>Relative agreement; an expected 0 (an underflowed p-value) needs an actual below 1e-300.</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        bool ok = expected == 0 ? Math.Abs(actual) < 1e-300 : Math.Abs(actual - expected) <= tolerance * Math.Abs(expected);
        Assert.True(ok, $"{what}: expected {expected:R}, got {actual:R} (relative difference {Math.Abs(actual - expected) / Math.Abs(expected):E2}, tolerance {tolerance:E0}).");
    }
}
