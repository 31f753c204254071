#:project ../../Econometrics.Core/Econometrics.Core.csproj
#:property RuntimeIdentifier=linux-x64
#:property Optimize=true

// Bench case "coda/pcor-bshrink": basis-shrinkage log-ratio partial correlations, D = 2000 parts, n = 500 samples,
// against the corpcor-based R script beside this file, in the same run.
// Usage: dotnet run -c Release bench/coda/pcor-bshrink.cs [-- --parts 2000 --samples 500 --seed 20260101 --no-r]
// Prints one line per side and a final "ratio" line; exits 1 if the two disagree or the C# time exceeds 3 s.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Econometrics;
using Econometrics.Compositional;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
int d = Arg("--parts", 2000), n = Arg("--samples", 500), seed = Arg("--seed", 20260101);
bool runR = !args.Contains("--no-r");
// The R script sits beside this file; accept being run from the repository root or from bench/coda.
string here = new[] { Path.Combine("bench", "coda"), "." }.First(p => File.Exists(Path.Combine(p, "pcor-bshrink.R")));

// Counts-like data: a 5-factor log-normal basis plus noise, so the shrinkage target is not trivially right.
var rng = new Random(seed);
double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
var f = Matrix<double>.Build.Dense(n, 5, (_, _) => Normal());
var w = Matrix<double>.Build.Dense(5, d, (_, _) => 0.4 * Normal());
var mu = Enumerable.Range(0, d).Select(_ => 2 + 3 * rng.NextDouble()).ToArray();
var x = Matrix<double>.Build.Dense(n, d);
var fw = f * w;
for (int j = 0; j < d; j++)
    for (int i = 0; i < n; i++) x[i, j] = Math.Round(Math.Exp(mu[j] + fw[i, j] + 0.5 * Normal()), 6) + 1e-6;

var la = LinearAlgebraBackends.Default;
Console.WriteLine($"backend: {la.Name}, {la.Threads} threads");
var spec = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage };
spec.Estimate(Composition.From(x.SubMatrix(0, 50, 0, 40)));   // JIT warm-up on a small slice

var times = new List<double>();
PartialCorrelationResult? result = null;
for (int rep = 0; rep < 3; rep++)
{
    var clock = Stopwatch.StartNew();
    result = spec.Estimate(Composition.From(x));
    times.Add(clock.Elapsed.TotalSeconds);
}
double csharp = times.Min();
Console.WriteLine($"C#  coda pcor-bshrink D={d} n={n}: {csharp:F3} s (best of 3: {string.Join(", ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}), lambda = {result!.Shrinkage!.Lambda:F8}");
int status = csharp <= 3.0 ? 0 : 1;
if (status != 0) Console.WriteLine("FAIL: over the 3 s budget");

if (runR)
{
    var tmp = Directory.CreateTempSubdirectory("coda-bench-");
    try
    {
        var csv = Path.Combine(tmp.FullName, "input.csv");
        using (var sw = new StreamWriter(csv))
        {
            sw.WriteLine(string.Join(",", Enumerable.Range(1, d).Select(j => "p" + j.ToString(CultureInfo.InvariantCulture))));
            for (int i = 0; i < n; i++)
                sw.WriteLine(string.Join(",", Enumerable.Range(0, d).Select(j => x[i, j].ToString("R", CultureInfo.InvariantCulture))));
        }
        var json = Path.Combine(tmp.FullName, "r.json");
        var psi = new ProcessStartInfo("Rscript", [Path.Combine(here, "pcor-bshrink.R"), csv, json]) { RedirectStandardError = true };
        using var proc = Process.Start(psi)!;
        string err = proc.StandardError.ReadToEnd();
        proc.WaitForExit();
        if (proc.ExitCode != 0) { Console.WriteLine($"R failed: {err}"); return 1; }
        var r = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        double rSeconds = r.GetProperty("seconds").GetDouble();
        double maxDiff = 0;
        var rows = r.GetProperty("rows");
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < d; j++)
                maxDiff = Math.Max(maxDiff, Math.Abs(rows[i][j].GetDouble() - result.PartialCorrelation[i, j]));
        double lambdaDiff = Math.Abs(r.GetProperty("lambda").GetDouble() - result.Shrinkage.Lambda);
        Console.WriteLine($"R   coda pcor-bshrink D={d} n={n}: {rSeconds:F3} s ({r.GetProperty("software").GetString()}), lambda = {r.GetProperty("lambda").GetDouble():F8}");
        Console.WriteLine($"ratio coda/pcor-bshrink: R / C# = {rSeconds / csharp:F1}x; max |pcor diff| over 5 rows = {maxDiff:E2}; |lambda diff| = {lambdaDiff:E2}");
        if (maxDiff > 1e-8 || lambdaDiff > 1e-10) { Console.WriteLine("FAIL: results differ"); status = 1; }
        if (rSeconds / csharp < 5) { Console.WriteLine("FAIL: less than 5x faster than R"); status = 1; }
    }
    finally { tmp.Delete(true); }
}
return status;
