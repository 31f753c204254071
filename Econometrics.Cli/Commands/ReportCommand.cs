using System.Diagnostics;
using System.Globalization;
using Econometrics.Cli.ReportSections;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ report</c>: the main job, a self-contained HTML and Markdown report over the shipped data.</summary>
public sealed class ReportCommand : EconCommand
{
    private readonly System.CommandLine.Option<string> _out;
    private readonly System.CommandLine.Option<string?> _dataDir;
    private readonly System.CommandLine.Option<int> _seed;

    /// <summary>The sections, in report order; each capability adds its own.</summary>
    public static IReadOnlyList<IReportSection> Sections { get; } =
    [
        new DataSection(),
        new CdSection(),
        new SemSection(),
        new CodaSection(),
        new TrajectoriesSection(),
        new InvarianceSection(),
    ];

    /// <summary>Declares the command.</summary>
    public ReportCommand() : base("report", "write the report over the shipped data (index.html + report.md)", "econ report --out report")
    {
        _out = Declare(Opt.OutputDirectory("--out", "DIR", "output folder", "report"));
        _dataDir = Declare(Opt.InputDirectory("--data-dir", "DIR", "folder with the shipped data sets (default: the data/ folder next to econ, else ./data)"));
        _seed = Declare(Opt.Int("--seed", "N", "seed for every random procedure in the report", SharedOptions.DefaultSeed));
    }

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var outDir = run.Get(_out);
        var dataDir = run.Get(_dataDir) ?? FindDataDirectory();
        var seed = run.Get(_seed);
        if (!Directory.Exists(dataDir)) throw new UsageException($"--data-dir: folder '{dataDir}' does not exist.");

        // Section status lines go to a terminal only; redirected stderr stays empty unless the run fails.
        var progress = run.Console.ErrorIsTerminal ? run.Console.Error : TextWriter.Null;
        var context = new ReportContext(dataDir, seed, progress, run.Cancellation);
        var report = new Report("Econometrics report");
        var timings = new List<KeyValuePair<string, string>>();
        foreach (var s in Sections)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            progress.WriteLine($"[report] {s.Title} ...");
            var clock = Stopwatch.StartNew();
            s.Write(report.AddSection(s.Title), context);
            timings.Add(new($"Time: {s.Title}", clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s"));
        }
        // The provenance header is rendered first but filled last, once the sections have named their data.
        report.AddProvenance("Generated (UTC)", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        report.AddProvenance("Git commit", GitCommit(dataDir) ?? "not available (the data folder is not in a git checkout)");
        foreach (var (k, v) in Toolkit.Facts()) report.AddProvenance(k, v);
        report.AddProvenance("Command", "econ report --seed " + seed.ToString(CultureInfo.InvariantCulture));
        report.AddProvenance("Seed", seed.ToString(CultureInfo.InvariantCulture) + " (every section; each section lists the econ command that reproduces it)");
        foreach (var (k, v) in context.DataFiles) report.AddProvenance("Data: " + k, v);
        foreach (var (k, v) in timings) report.AddProvenance(k, v);
        run.Outputs.WriteDirectory(outDir, report.WriteTo);
        run.Print($"Report written to {Path.Combine(outDir, "index.html")}, {Path.Combine(outDir, "report.md")} and {Path.Combine(outDir, "report.txt")}\n");
        return 0;
    }

    // The commit of the checkout holding the data folder, when git is installed and the folder is in one.
    private static string? GitCommit(string directory)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory,
            });
            if (p is null) return null;
            string sha = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            return p.ExitCode == 0 && sha.Length == 40 ? sha : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string FindDataDirectory()
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, "data"), Path.Combine(Directory.GetCurrentDirectory(), "data") })
            if (Directory.Exists(candidate)) return candidate;
        return Path.Combine(Directory.GetCurrentDirectory(), "data");
    }
}
