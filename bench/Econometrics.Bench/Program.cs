using System.Globalization;
using Econometrics;
using Econometrics.Bench;

// usage: dotnet run -c Release --project bench/Econometrics.Bench -- [name-filter ...] [--no-r] [--list] [--reps N]
// --reps N overrides every case's repetition count (more repetitions steady the median on a loaded machine).
int repsAt = Array.IndexOf(args, "--reps");
int? reps = repsAt >= 0 && repsAt + 1 < args.Length ? int.Parse(args[repsAt + 1], CultureInfo.InvariantCulture) : null;
var filters = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (repsAt < 0 || i != repsAt + 1)).ToArray();
bool noR = args.Contains("--no-r"), list = args.Contains("--list");
var suites = typeof(IBenchSuite).Assembly.GetTypes()
    .Where(t => typeof(IBenchSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .OrderBy(t => t.FullName, StringComparer.Ordinal)
    .Select(t => (IBenchSuite)Activator.CreateInstance(t)!);
var cases = suites.SelectMany(s => s.Cases())
    .Where(c => filters.Length == 0 || filters.Any(f => c.Name.Contains(f, StringComparison.OrdinalIgnoreCase)))
    .ToList();
if (list) { foreach (var c in cases) Console.WriteLine($"{c.Name,-32} {c.Description}"); return 0; }

Console.WriteLine(Toolkit.Describe());
Console.WriteLine($"R peer: {(noR ? "disabled (--no-r)" : RPeer.Available ? "Rscript on PATH" : "Rscript not found; R columns left empty")}");
Console.WriteLine();
static string Ms(double? x) => x is { } v ? v.ToString(v < 10 ? "F2" : "F0", CultureInfo.InvariantCulture) : "-";
static string Ratio(double? peer, double ours) => peer is { } p ? (p / ours).ToString("F1", CultureInfo.InvariantCulture) + "x" : "-";
Console.WriteLine($"{"case",-28} {"ours ms",9} {"min ms",8} {"alloc MB",9} {"peak MB",8} {"baseline ms",12} {"base/ours",10} {"R ms",9} {"R/ours",8}  budget");
int failures = 0;
foreach (var c in cases)
{
    var work = Directory.CreateTempSubdirectory("econ-bench-").FullName;
    try
    {
        c.Prepare?.Invoke(work);
        int n = reps ?? c.Repetitions;
        var (ours, oursMin) = Stopwatches.Ms(c.Ours, n);
        var (allocated, peak) = MemoryProbe.Measure(c.Ours);
        double? baseline = c.Baseline is null ? null : Stopwatches.MedianMs(c.Baseline, n);
        double? r = null; string? rError = null;
        if (!noR && RPeer.Available && c.RBody is not null)
            (r, rError) = RPeer.MedianMs(c.RSetup ?? "", c.RBody, work, n);
        var budget = c.BudgetMs is { } b ? (ours <= b ? $"ok (< {b} ms)" : $"OVER ({b} ms)") : "";
        if (c.BudgetMs is { } bb && ours > bb) failures++;
        Console.WriteLine($"{c.Name,-28} {Ms(ours),9} {Ms(oursMin),8} {Ms(allocated),9} {Ms(peak),8} {Ms(baseline),12} {Ratio(baseline, ours),10} " +
            $"{Ms(r),9} {Ratio(r, ours),8}  {budget}");
        Console.WriteLine($"    {c.Description}; ours = {c.OursLabel}" + (c.Baseline is null ? "" : $", baseline = {c.BaselineLabel}") +
                          (rError is null ? "" : $"; R failed: {rError}"));
        if (c.Footnote is { } note) Console.WriteLine($"    {note()}");
    }
    finally { Directory.Delete(work, recursive: true); }
}
return failures == 0 ? 0 : 3;
