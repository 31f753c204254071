using System.Diagnostics;
using System.Globalization;

namespace Econometrics.Bench;

/// <summary>Times R code with R's own clock (warm-up, then the median of the repetitions) in a child Rscript.</summary>
public static class RPeer
{
    public static bool Available { get; } = Which("Rscript") is not null;

    /// <summary>The median milliseconds R reports, or null with a reason when R fails.</summary>
    public static (double? Ms, string? Error) MedianMs(string setup, string body, string workDir, int repetitions)
    {
        var script = Path.Combine(workDir, "bench.R");
        File.WriteAllText(script, $$"""
            suppressPackageStartupMessages({
            setwd("{{workDir.Replace("\\", "/")}}")
            {{setup}}
            })
            .f <- function() { {{body}} }
            invisible(.f())
            .t <- replicate({{repetitions}}, system.time(.f())[["elapsed"]])
            cat(sprintf("median_ms=%.6f\n", 1000 * median(.t)))
            """);
        var psi = new ProcessStartInfo("Rscript", $"--vanilla \"{script}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith("median_ms=", StringComparison.Ordinal));
        if (p.ExitCode != 0 || line is null) return (null, stderr.Result.Trim().Split('\n').LastOrDefault() ?? $"Rscript exited {p.ExitCode}");
        return (double.Parse(line["median_ms=".Length..], CultureInfo.InvariantCulture), null);
    }

    private static string? Which(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);
}
