using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Econometrics.Panel.Simulation;

namespace Econometrics.Bench.Cases;

/// <summary>
/// End to end, whole processes: <c>econ cd --tests cd</c> on a long CSV (N = 1000 units, T = 200 periods, 200,000
/// rows: read, panel, CD) against <c>Rscript --vanilla plm_cd.R</c> (read.csv, pdata.frame, pcdtest) on the same file
/// (issue 17: at least 10x). "ours" is the econ process, "baseline" the R process; the ratio column is R / econ.
/// The econ tool is the published one (ReadyToRun): <c>dotnet publish Econometrics.Cli -c Release</c>, or the
/// executable named by ECON.
/// </summary>
public sealed class EndToEndBench : IBenchSuite
{
    public IEnumerable<BenchCase> Cases()
    {
        var econ = Environment.GetEnvironmentVariable("ECON") ?? DefaultEcon();
        if (econ is null || !File.Exists(econ))
        {
            Console.Error.WriteLine("scale/e2e-cd-1000x200 skipped: publish the tool first (dotnet publish Econometrics.Cli -c Release) or set ECON.");
            yield break;
        }
        string script = Path.Combine(AppContext.BaseDirectory, "scripts", "scale", "plm_cd.R");
        string? file = null;
        var cpu = new Dictionary<string, List<double>> { ["econ"] = [], ["R"] = [] };
        yield return new BenchCase("scale/e2e-cd-1000x200", "whole process: read a 200,000-row CSV, build the panel, Pesaran CD (N = 1000, T = 200)",
            () => cpu["econ"].Add(Run(econ, $"cd --data \"{file}\" --entity entity --time time --value y --tests cd")))
        {
            OursLabel = "econ cd (published tool)",
            Baseline = () => cpu["R"].Add(Run("Rscript", $"--vanilla \"{script}\" \"{file}\"")),
            BaselineLabel = "Rscript plm_cd.R (read.csv, pdata.frame, pcdtest)",
            Prepare = dir => Write(file = Path.Combine(dir, "panel.csv")),
            Repetitions = 5,
            // Wall time on a loaded machine is mostly the run queue; the processes' own CPU seconds are the work.
            Footnote = () => string.Create(CultureInfo.InvariantCulture, $"CPU seconds (user + system, median of {cpu["econ"].Count} econ and " +
                $"{cpu["R"].Count} R processes): econ {Median(cpu["econ"]):F3}, R {Median(cpu["R"]):F3}, " +
                $"R / econ {Median(cpu["R"]) / Median(cpu["econ"]):F1}x; " +
                $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"),
        };
    }

    // The published tool of this checkout: <repo>/Econometrics.Cli/bin/Release/net10.0/linux-x64/publish/econ.
    private static string? DefaultEcon()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Econometrics.slnx")))
                return Path.Combine(d.FullName, "Econometrics.Cli", "bin", "Release", "net10.0", "linux-x64", "publish", "econ");
        return null;
    }

    // Runs a process to its end; returns its CPU seconds (user + system, from the growth of getrusage(RUSAGE_CHILDREN)).
    private static double Run(string exe, string args)
    {
        double before = ChildrenCpuSeconds();
        var psi = new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using (var p = Process.Start(psi)!)
        {
            var err = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {args} exited {p.ExitCode}: {err.Result}");
        }
        return ChildrenCpuSeconds() - before;
    }

    private static double Median(List<double> x)
    {
        if (x.Count == 0) return double.NaN;
        var s = x.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)] public long[] Rest;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, ref RUsage usage);

    // Reaped children only: a process counts once it has been waited for (Process.WaitForExit reaps it).
    private static double ChildrenCpuSeconds()
    {
        var u = new RUsage { Rest = new long[14] };
        if (getrusage(-1, ref u) != 0) return double.NaN;   // RUSAGE_CHILDREN
        return u.UserSeconds + u.UserMicroseconds / 1e6 + u.SystemSeconds + u.SystemMicroseconds / 1e6;
    }

    // The long format of make_panel.py (entity, time, y; sorted by unit then period; 6 decimals), from the CD benches' DGP.
    private static void Write(string path)
    {
        const int n = 1000, t = 200;
        var y = new FactorPanelDgp { N = n, T = t }.Simulate(20260101).Y;
        var text = new StringBuilder("entity,time,y\n", 30 * n * t);
        for (int i = 0; i < n; i++)
            for (int s = 0; s < t; s++)
                text.Append(CultureInfo.InvariantCulture, $"u{i + 1},{s + 1},{y[s, i]:F6}\n");
        File.WriteAllText(path, text.ToString());
    }
}
