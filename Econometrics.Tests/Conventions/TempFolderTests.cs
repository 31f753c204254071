using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Conventions;

public sealed class TempFolderTests
{
    [Fact]
    public void Scratch_files_go_to_the_run_s_own_folder_which_the_run_removes()
    {
        Assert.Contains($"econometrics-tests-{Environment.ProcessId}", TestTempFolder.Root);
        Assert.StartsWith(TestTempFolder.Root, Path.GetTempPath());
        var dir = Directory.CreateTempSubdirectory("probe-");
        Assert.StartsWith(TestTempFolder.Root, dir.FullName);
        dir.Delete();
    }
}
