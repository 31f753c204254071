#:project ../../Econometrics.Core/Econometrics.Core.csproj
#:property RuntimeIdentifier=linux-x64
// Bench case "moe": the 2-class full mixture of experts (bilinear spline, gating gx1 gx2, experts ex1 ex2, joint
// covariate likelihood, standard errors) on the authors' example (N = 500, 10 waves) with 10 random starts, against
// OpenMx 2.21.1 (openmx_fit.R, mxTryHard with up to 10 starts) in the same run. Prints both times and the ratio.
// Usage (from the repository root): dotnet run bench/moe/moe.cs [--no-r] [--r-json FILE]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Econometrics.Mixtures;

var root = Directory.GetCurrentDirectory();
var dataPath = Path.Combine(root, "data", "moe", "example_data.csv");
if (!File.Exists(dataPath)) { Console.Error.WriteLine($"error: run from the repository root ({dataPath} not found)."); return 2; }
var data = GrowthData.Load(dataPath, "id", "Y", "T", ["gx1", "gx2"], ["ex1", "ex2"]);
var model = new GrowthMixture { Classes = 2, Starts = 10, Seed = 20260101 };

var sw = Stopwatch.StartNew();
var fit = model.Fit(data);
double cold = sw.Elapsed.TotalSeconds;
sw.Restart();
var fit2 = model.Fit(data);
double warm = sw.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"C#      : logLik {fit.LogLikelihood:F6}, {fit.NParameters} parameters, {cold:F2} s (first call, JIT included), {warm:F2} s (second call)"));

double? rSeconds = null, rLogLik = null;
string? rJson = args.SkipWhile(a => a != "--r-json").Skip(1).FirstOrDefault();
if (rJson is not null) { var j = JsonDocument.Parse(File.ReadAllText(rJson)).RootElement; rSeconds = j.GetProperty("seconds").GetDouble(); rLogLik = j.GetProperty("logLik").GetDouble(); }
else if (!args.Contains("--no-r"))
{
    var psi = new ProcessStartInfo("Rscript", [Path.Combine(root, "bench", "moe", "openmx_fit.R"), dataPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
    using var p = Process.Start(psi)!;
    string stdout = p.StandardOutput.ReadToEnd();
    p.StandardError.ReadToEnd();
    p.WaitForExit();
    var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith('{'));
    if (line is not null) { var j = JsonDocument.Parse(line).RootElement; rSeconds = j.GetProperty("seconds").GetDouble(); rLogLik = j.GetProperty("logLik").GetDouble(); }
}
if (rSeconds is double rs && rLogLik is double rl)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OpenMx  : logLik {rl:F6}, {rs:F2} s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ratio   : OpenMx / C# = {rs / cold:F1}x (first call), {rs / warm:F1}x (second call); logLik difference C# - OpenMx = {fit.LogLikelihood - rl:F6}"));
}
return fit.LogLikelihood == fit2.LogLikelihood ? 0 : 1;
