namespace Econometrics.Tests.Conventions;

/// <summary>Every C# line in the repository fits 160 characters (.editorconfig's max_line_length).</summary>
public class SourceLineLengthTests
{
    private const int MaxLineLength = 160;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Econometrics.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Econometrics.slnx above {AppContext.BaseDirectory}: the tests run from a checkout.");
    }

    [Fact]
    public void No_source_line_is_longer_than_160_characters()
    {
        string root = RepositoryRoot();
        var skip = new[] { "bin", "obj", ".git" };
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(skip.Contains)).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {root}");
        var longLines = files.SelectMany(f => File.ReadLines(f).Select((l, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, l.Length)))
            .Where(x => x.Length > MaxLineLength).Select(x => $"{x.File}:{x.Line} ({x.Length})").ToList();
        Assert.True(longLines.Count == 0, $"{longLines.Count} lines over {MaxLineLength} characters: " + string.Join(", ", longLines.Take(20)));
    }
}
