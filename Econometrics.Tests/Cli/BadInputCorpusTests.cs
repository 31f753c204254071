namespace Econometrics.Tests.Cli;

/// <summary>
/// The committed bad-input corpus (.ci/bad-inputs/cases.txt), run in-process: every case exits 2 with one
/// <c>error:</c> line containing the expected text and leaves its output folder empty. CI also runs it against the
/// built executable (.ci/bad-inputs/run).
/// </summary>
public class BadInputCorpusTests
{
    /// <summary>The repository root (the folder holding .ci/bad-inputs), found upwards from the test binaries.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, ".ci", "bad-inputs", "cases.txt"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (with .ci/bad-inputs/cases.txt) was not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), ".ci", "bad-inputs", "cases.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int tab = line.IndexOf('\t');
            data.Add(line[..tab], line[(tab + 1)..]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_exits_2_with_one_error_line_and_writes_nothing(string arguments, string expected)
    {
        var root = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("econ-bad").FullName;
        var args = Words(arguments.Replace("{out}", output, StringComparison.Ordinal))
            .Select(w => w == "data" || w.StartsWith("data/", StringComparison.Ordinal) || w.StartsWith(".ci/", StringComparison.Ordinal)
                ? Path.Combine(root, w) : w)
            .ToArray();
        try
        {
            var r = CliRunner.Run(args);
            Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Error}");
            var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("error: ", lines[0]);
            Assert.Contains(expected, lines[0]);
            Assert.Empty(Directory.EnumerateFileSystemEntries(output));
        }
        finally { Directory.Delete(output, recursive: true); }
    }

    // The shell's word splitting for the corpus: spaces separate words, double quotes group them.
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in line)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted) { if (any) words.Add(word.ToString()); word.Clear(); any = false; }
            else { word.Append(c); any = true; }
        }
        if (any) words.Add(word.ToString());
        return words;
    }
}
