using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Econometrics.Tests.Cli;

/// <summary>Ctrl+C (SIGINT) on the real executable: exit 130, one <c>error: cancelled.</c> line, no output file.</summary>
public class CancellationTests
{
    private static int Interrupt(int pid)
    {
        using var kill = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    [Fact]
    public async Task Sigint_during_a_long_job_exits_130_and_leaves_no_output()
    {
        if (!OperatingSystem.IsLinux()) return;
        var dir = Directory.CreateTempSubdirectory("econ-cancel").FullName;
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "econ"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // Minutes of work: 100,000 replications of a 200 x 100 panel.
        foreach (var a in new[] { "cd-mc", "--n", "200", "--t", "100", "--reps", "100000", "--json", Path.Combine(dir, "r.json"),
                     "--html", Path.Combine(dir, "r.html") })
            psi.ArgumentList.Add(a);
        // A child inherits an ignored SIGINT: a test host started by a non-interactive shell's `&` (nohup, CI wrappers)
        // ignores it, and .NET then keeps ignoring it in the child, so the job could not be interrupted. The default
        // disposition for the moment of the fork gives the child what a terminal gives it.
        bool ignored = Signals.SigintIgnored();
        if (ignored) Signals.Set(Signals.Sigint, Signals.Default);
        Process p;
        try { p = Process.Start(psi)!; }
        finally { if (ignored) Signals.Set(Signals.Sigint, Signals.Ignore); }
        using (p)
        {
            try
            {
                var stderr = p.StandardError.ReadToEndAsync();
                var stdout = p.StandardOutput.ReadToEndAsync();
                // Wait until the job has used a second of CPU (start-up takes a fraction of that), so the signal reaches
                // the cooperative handler rather than the default action.
                var watch = Stopwatch.StartNew();
                while (!p.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60) && CpuSeconds(p.Id) < 1.0) await Task.Delay(100);
                Assert.False(p.HasExited, "the job ended before it could be interrupted");
                Assert.Equal(0, Interrupt(p.Id));
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try { await p.WaitForExitAsync(stop.Token); }
                catch (OperationCanceledException) { Assert.Fail("econ was still running 60 s after SIGINT"); }
                Assert.Equal(130, p.ExitCode);
                Assert.Equal("error: cancelled.", (await stderr).Trim());
                Assert.Equal("", await stdout);
            }
            finally
            {
                // A failed assertion must not leave minutes of work running: the child holds whatever descriptors the
                // test host had open (a lock file around the test run, for one).
                if (!p.HasExited) p.Kill(entireProcessTree: true);
            }
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        Directory.Delete(dir);
    }

    // utime + stime (fields 14 and 15 of /proc/PID/stat, after the parenthesised command name), in clock ticks of 1/100 s.
    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return 0; }
    }

    private static class Signals
    {
        public const int Sigint = 2;
        public const nint Default = 0, Ignore = 1;   // SIG_DFL, SIG_IGN

        [DllImport("libc", EntryPoint = "signal")]
        private static extern nint Signal(int signum, nint handler);

        // Only ever switches between SIG_IGN and SIG_DFL: a handler the runtime installed with sigaction must not be
        // round-tripped through signal().
        public static void Set(int signum, nint disposition) => Signal(signum, disposition);

        // Bit SIGINT - 1 of the SigIgn mask in /proc/self/status.
        public static bool SigintIgnored()
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            ulong mask = ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber,
                System.Globalization.CultureInfo.InvariantCulture);
            return (mask & (1UL << (Sigint - 1))) != 0;
        }
    }
}
