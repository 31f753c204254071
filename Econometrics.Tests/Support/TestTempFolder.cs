using System.Runtime.CompilerServices;

namespace Econometrics.Tests.Support;

/// <summary>
/// Gives the test process, and every econ process it starts, a temporary folder of its own that is removed when the
/// run ends. Tests write scratch files through <see cref="Path.GetTempPath"/> and
/// <see cref="Directory.CreateTempSubdirectory"/>; without this each run left hundreds of files and folders behind in
/// the machine's temporary folder.
/// </summary>
internal static class TestTempFolder
{
    /// <summary>The folder this test process writes its scratch files into.</summary>
    public static string Root { get; private set; } = Path.GetTempPath();

#pragma warning disable CA2255 // A module initializer is the one place that runs before any test asks for a temporary path.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Redirect()
    {
        Root = Path.Combine(Path.GetTempPath(), $"econometrics-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(Root);
        // Path.GetTempPath reads TMPDIR on every call, and child processes inherit the variable.
        Environment.SetEnvironmentVariable("TMPDIR", Root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { }   // a child still holding a file: leave the one folder rather than fail the run
            catch (UnauthorizedAccessException) { }
        };
    }
}
