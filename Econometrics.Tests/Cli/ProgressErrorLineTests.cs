using System.Text;
using Econometrics.Cli;

namespace Econometrics.Tests.Cli;

/// <summary>
/// A failure while a progress bar is drawn on a terminal prints its <c>error:</c> on a line of its own (never appended
/// to the bar), as the last line of stderr, and exits 130 when the failure is a cancellation.
/// </summary>
public sealed class ProgressErrorLineTests
{
    // Cancels the run as soon as the first progress frame reaches stderr.
    private sealed class CancelOnFirstFrame(CancellationTokenSource cancel) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value is not null && value.StartsWith('\r')) cancel.Cancel();
        }
    }

    [Fact]
    public void A_run_cancelled_during_its_progress_bar_ends_the_bar_before_the_error_line()
    {
        using var cancel = new CancellationTokenSource();
        var error = new CancelOnFirstFrame(cancel);
        var output = new StringWriter();
        var dir = Directory.CreateTempSubdirectory("econ-progress").FullName;
        try
        {
            string[] args = ["moe", "fit", "--data", Path.Combine(CliRunner.DataDir, "moe", "moe_ref_sim.csv"), "--id", "id", "--y-prefix", "Y",
                "--t-prefix", "T", "--starts", "20", "--json", Path.Combine(dir, "r.json")];
            int code = Econometrics.Cli.Cli.Run(args, new CliConsole(output, error, cancel.Token) { ErrorIsTerminal = true });
            string text = error.ToString();
            Assert.Equal(ErrorContract.Cancelled, code);
            Assert.Contains('\r', text);
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("error: ", lines[^1], StringComparison.Ordinal);
            Assert.DoesNotContain('\r', lines[^1]);
            Assert.Equal(1, lines.Count(l => l.Contains("error:", StringComparison.Ordinal)));
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
            Assert.Equal("", output.ToString());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
