using System.Diagnostics;
using System.Globalization;
using Econometrics.Cli.ReportSections;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ report</c>: the main job, a self-contained HTML and Markdown report over the shipped data.</summary>
public sealed class ReportCommand : ICommand
{
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

    /// <inheritdoc/>
    public string Name => "report";

    /// <inheritdoc/>
    public string Description => "write the report over the shipped data (index.html + report.md)";

    /// <inheritdoc/>
    public string Usage => """
        usage: econ report [--out DIR] [--data-dir DIR] [--seed N]

          --out DIR        output folder (default: report)
          --data-dir DIR   folder with the shipped data sets (default: the data/ folder next to econ, else ./data)
          --seed N         seed for every random procedure in the report (default 20260101)

        """;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        var outDir = args.Get("out") ?? "report";
        var dataDir = args.Get("data-dir") ?? FindDataDirectory();
        var seed = args.GetInt("seed", SharedOptions.DefaultSeed);
        args.RejectUnknown();
        if (!Directory.Exists(dataDir)) throw new UsageException($"--data-dir: folder '{dataDir}' does not exist.");

        var context = new ReportContext(dataDir, seed, console.Error, console.Cancellation);
        var report = new Report("Econometrics report");
        var timings = new List<KeyValuePair<string, string>>();
        foreach (var s in Sections)
        {
            console.Cancellation.ThrowIfCancellationRequested();
            console.Error.WriteLine($"[report] {s.Title} ...");
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
        report.WriteTo(outDir);
        console.Out.WriteLine($"Report written to {Path.Combine(outDir, "index.html")} and {Path.Combine(outDir, "report.md")}");
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
