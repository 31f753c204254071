using System.Text.Json;

namespace Econometrics.Tests.Support;

/// <summary>A reference fixture: <c>Reference/.../expected.json</c> written by the script beside it.</summary>
public sealed class ReferenceFixture
{
    private ReferenceFixture(string directory, JsonElement root) { Directory = directory; Root = root; }

    /// <summary>The fixture's folder in the test output.</summary>
    public string Directory { get; }

    /// <summary>The whole document.</summary>
    public JsonElement Root { get; }

    /// <summary>The "expected" object.</summary>
    public JsonElement Expected => Root.GetProperty("expected");

    /// <summary>Where the numbers came from (software and versions).</summary>
    public string Source => Root.GetProperty("source").GetString()!;

    /// <summary>The tolerance stated for a quantity.</summary>
    public double Tolerance(string quantity) => Root.GetProperty("tolerance").GetProperty(quantity).GetDouble();

    /// <summary>A file of the fixture (inputs).</summary>
    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>Loads <c>Reference/{relative}/expected.json</c>.</summary>
    public static ReferenceFixture Load(string relative)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Reference", relative);
        var text = System.IO.File.ReadAllText(Path.Combine(dir, "expected.json"));
        return new ReferenceFixture(dir, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>All fixture folders (relative paths) under <c>Reference/</c>.</summary>
    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Reference"), "expected.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Reference"), Path.GetDirectoryName(f)!));
}
