using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Econometrics.Tests.Support;

namespace Econometrics.Tests.Cli;

/// <summary>
/// The error contract as FsCheck properties over generated CSVs and option vectors, run in-process against
/// <see cref="Econometrics.Cli.Cli.Run"/>: the exit code is 0 or 2; a failure prints exactly one stderr line starting
/// with <c>error:</c>, nothing on stdout, and leaves the output folder empty; a success prints no NaN or infinity in
/// its summary, JSON or HTML, and its JSON parses. Each case is drawn from a seed, so a failure names a reproducible
/// case (the seed and the command line are in the assertion message).
/// </summary>
public sealed partial class CliContractProperties
{
    // Case counts: together the properties run in well under a minute on one core.
    private const int PanelCases = 150, CompositionCases = 60, InvarianceCases = 60, SemCases = 60;

    [SeededProperty(PanelCases)]
    public void Panel_commands_keep_the_contract_on_generated_panels_and_options(int seed)
    {
        var rng = new Random(seed);
        InTemporaryFolder(dir =>
        {
            var csv = Path.Combine(dir, "panel.csv");
            File.WriteAllText(csv, PanelCsv(rng));
            var output = Path.Combine(dir, "out");
            Directory.CreateDirectory(output);
            AssertContract(seed, PanelArguments(rng, csv, output), output);
        });
    }

    [SeededProperty(CompositionCases)]
    public void Coda_commands_keep_the_contract_on_generated_compositions(int seed)
    {
        var rng = new Random(seed);
        InTemporaryFolder(dir =>
        {
            var csv = Path.Combine(dir, "coda.csv");
            File.WriteAllText(csv, CompositionCsv(rng));
            var output = Path.Combine(dir, "out");
            Directory.CreateDirectory(output);
            string command = Pick(rng, "pcor", "rho");
            var args = new List<string> { "coda", command, "--data", csv };
            args.AddRange(["--parts", string.Join(',', OneIn(rng, 10) ? Subset(rng, ["p1", "p2", "p3", "id", "zz"]) : Subset(rng, ["p1", "p2", "p3", "p4",
                "p5"], 2))]);
            if (OneIn(rng, 3)) args.AddRange(["--zeros", OneIn(rng, 10) ? "7" : Pick(rng, "none", "multiplicative", "bayes")]);
            if (command == "pcor")
            {
                if (OneIn(rng, 4)) args.Add("--shrink");
                if (OneIn(rng, 4)) args.AddRange(["--adjust", OneIn(rng, 10) ? "bonf" : Pick(rng, "bh", "holm", "none")]);
                if (OneIn(rng, 4)) args.AddRange(["--level", OneIn(rng, 5) ? Pick(rng, "0", "1", "NaN", "x") : "0.9"]);
            }
            else if (OneIn(rng, 4)) args.AddRange(["--fdr-permutations", OneIn(rng, 8) ? "-1" : "3", "--fdr-cutoffs", "5"]);
            AddOutputs(rng, args, output);
            AssertContract(seed, args, output);
        });
    }

    [SeededProperty(InvarianceCases)]
    public void Invariance_keeps_the_contract_on_generated_environments(int seed)
    {
        var rng = new Random(seed);
        InTemporaryFolder(dir =>
        {
            var csv = Path.Combine(dir, "env.csv");
            File.WriteAllText(csv, EnvironmentCsv(rng));
            var output = Path.Combine(dir, "out");
            Directory.CreateDirectory(output);
            var args = new List<string>
        {
            "invariance", "--data", csv, "--target", OneIn(rng, 12) ? Pick(rng, "X1", "env", "nope") : "Y",
            "--env", OneIn(rng, 12) ? Pick(rng, "X2", "Y") : "env",
            "--predictors", string.Join(',', OneIn(rng, 12) ? Subset(rng, ["X1", "Y"]) : Subset(rng, ["X1", "X2", "X3"])),
            "--bootstrap", OneIn(rng, 12) ? "-1" : Pick(rng, "0", "0", "5"),
        };
            if (OneIn(rng, 3))
            {
                args.Add("--icp");
                if (OneIn(rng, 4)) args.AddRange(["--test", OneIn(rng, 5) ? "z" : Pick(rng, "normal", "exact")]);
                if (OneIn(rng, 5)) args.Add("--prune");
            }
            if (OneIn(rng, 5)) args.AddRange(["--alpha", OneIn(rng, 4) ? Pick(rng, "0", "2") : "0.1"]);
            if (OneIn(rng, 5)) args.Add("--standardize");
            AddOutputs(rng, args, output);
            AssertContract(seed, args, output);
        });
    }

    [SeededProperty(SemCases)]
    public void Sem_fit_keeps_the_contract_on_generated_data_models_and_options(int seed)
    {
        var rng = new Random(seed);
        InTemporaryFolder(dir =>
        {
            var csv = Path.Combine(dir, "sem.csv");
            File.WriteAllText(csv, SemCsv(rng));
            var model = Path.Combine(dir, "m.lav");
            File.WriteAllText(model, Pick(rng,
                "f =~ x1 + x2 + x3",
                "f =~ x1 + x2 + x3 + x4\ng =~ x4 + x5 + x6\nf ~~ g",
                "f =~ x1 + a*x2 + a*x3\ny ~ f",
                "f =~ x1 + a*x2 + x3\ny ~ b*f + x4\nab := a*b",
                "x1 =~ x2 + x3 + x4",
                "f =~ x1 + x2\n",
                "f =~ x1 + x2 + nope",
                "y ~ x1 + x2 + x3",
                "f =~ x1 + x2 + x3\nf ~~ 1*f",
                "f =~ x1 + x2 +"));
            var output = Path.Combine(dir, "out");
            Directory.CreateDirectory(output);
            var args = new List<string> { "sem", "fit", "--model", model, "--data", csv };
            if (OneIn(rng, 3)) args.AddRange(["--estimator", OneIn(rng, 8) ? "wls" : Pick(rng, "ml", "mlm", "mlr")]);
            if (OneIn(rng, 5)) args.Add("--force");
            if (OneIn(rng, 5)) args.Add("--modindices");
            if (OneIn(rng, 6)) args.AddRange(["--residuals", Path.Combine(output, OneIn(rng, 6) ? "r.pdf" : "r.svg")]);
            AddOutputs(rng, args, output);
            AssertContract(seed, args, output);
        });
    }

    private static void InTemporaryFolder(Action<string> body)
    {
        var dir = Directory.CreateTempSubdirectory("econ-prop").FullName;
        try { body(dir); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static void AssertContract(int seed, IReadOnlyList<string> args, string output)
    {
        var r = CliRunner.Run([.. args]);
        string what = $"seed {seed}: econ {string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}";
        Assert.True(r.ExitCode is 0 or 2, $"{what}\nexit {r.ExitCode}\n{r.Error}");
        if (r.ExitCode == 2)
        {
            var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1 && lines[0].StartsWith("error: ", StringComparison.Ordinal), $"{what}\nstderr:\n{r.Error}");
            Assert.True(r.Out.Length == 0, $"{what}\nstdout on failure:\n{r.Out}");
            Assert.True(!Directory.EnumerateFileSystemEntries(output).Any(), $"{what}\nfiles left: " +
                $"{string.Join(", ", Directory.EnumerateFileSystemEntries(output))}");
            return;
        }
        AssertFinite(what, "stdout", r.Out);
        foreach (var file in Directory.EnumerateFiles(output))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using var _ = JsonDocument.Parse(text);
                AssertFinite(what, file, text);
            }
            else if (file.EndsWith(".html", StringComparison.Ordinal)) AssertFinite(what, file, HtmlText().Replace(text, " "));
        }
        if (args.Contains("-")) using (JsonDocument.Parse(r.Out)) { }
    }

    // "NaN", "Infinity", "Inf" or the infinity sign as a word of the output (not inside a longer word).
    private static void AssertFinite(string what, string where, string text)
    {
        var m = NonFinite().Match(text);
        Assert.False(m.Success, $"{what}\n{where} shows '{m.Value}' near: " +
            $"{(m.Success ? text.Substring(Math.Max(0, m.Index - 200), Math.Min(400, text.Length - Math.Max(0, m.Index - 200))) : "")}");
    }

    [GeneratedRegex(@"(?<![A-Za-z])(NaN|-?Infinity|-?Inf|∞)(?![A-Za-z])")]
    private static partial Regex NonFinite();

    // Markup, styles and scripts are not shown text.
    [GeneratedRegex(@"<style[\s\S]*?</style>|<script[\s\S]*?</script>|<[^>]*>|data:[^""]*")]
    private static partial Regex HtmlText();

    private static List<string> PanelArguments(Random rng, string csv, string output)
    {
        string[] columns = ["a", "b", "c", "year", "firm", "nope"];
        string Column() => OneIn(rng, 15) ? Pick(rng, columns) : Pick(rng, "a", "b", "c");
        string Formula() => $"{Column()} ~ " +
            $"{string.Join(" + ", Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => OneIn(rng, 8) ? $"log({Column()})" : Column()))}";
        var args = new List<string>();
        string command = Pick(rng, "panel", "fit", "cd", "cd", "exponent");
        args.AddRange(command switch
        {
            "fit" => ["panel", "fit"],
            "exponent" => ["panel", "exponent"],
            _ => [command],
        });
        args.AddRange(["--data", csv, "--entity", OneIn(rng, 25) ? Pick(rng, columns) : "firm", "--time", OneIn(rng, 25) ? Pick(rng, columns) : "year"]);
        switch (command)
        {
            case "panel":
                if (OneIn(rng, 2)) args.AddRange(["--variables", string.Join(',', Subset(rng, OneIn(rng, 8) ? columns : ["a", "b", "c"]))]);
                break;
            case "fit":
                args.AddRange(["--formula", Formula()]);
                Model(rng, args);
                if (OneIn(rng, 5)) args.AddRange(["--level", OneIn(rng, 4) ? Pick(rng, "0", "1.5", "NaN", "abc") : "0.9"]);
                break;
            case "cd":
                if (OneIn(rng, 2)) args.AddRange(["--value", Column()]);
                else { args.AddRange(["--formula", Formula()]); Model(rng, args); }
                args.AddRange(["--exponent-reps", OneIn(rng, 15) ? "-2" : Pick(rng, "0", "5")]);
                if (OneIn(rng, 3))
                    args.AddRange(["--tests", string.Join(',', Subset(rng, OneIn(rng, 8) ? ["cd", "bogus"] : ["cd", "lm", "sclm", "bcsclm", "lmadj", "cdw",
                        "cdwplus", "cdstar"]))]);
                if (OneIn(rng, 4)) args.AddRange(["--factors", OneIn(rng, 4) ? Pick(rng, "0", "-1", "99") : Pick(rng, "auto", "1", "2")]);
                if (OneIn(rng, 5)) args.AddRange(["--criterion", OneIn(rng, 5) ? Pick(rng, "7", "er,gr") : Pick(rng, "er", "gr", "ic2", "pc1")]);
                if (OneIn(rng, 5)) args.AddRange(["--kmax", OneIn(rng, 4) ? Pick(rng, "0", "-3") : Pick(rng, "1", "3")]);
                if (OneIn(rng, 5)) args.AddRange(["--draws", OneIn(rng, 4) ? "0" : Pick(rng, "1", "10")]);
                if (OneIn(rng, 6)) args.Add("--drop-incomplete");
                if (OneIn(rng, 6)) args.Add("--standardize");
                if (OneIn(rng, 6)) args.AddRange(["--cdw-form", Pick(rng, "pooled", "correlation")]);
                if (OneIn(rng, 5)) args.AddRange(["--plot-kind", OneIn(rng, 6) ? "pie" : Pick(rng, "heatmap", "histogram", "scree")]);
                break;
            case "exponent":
                if (OneIn(rng, 2)) args.AddRange(["--value", Column()]);
                else { args.AddRange(["--formula", Formula()]); Model(rng, args); }
                args.AddRange(["--reps", OneIn(rng, 15) ? "-1" : Pick(rng, "0", "5")]);
                if (OneIn(rng, 4)) args.AddRange(["--components", OneIn(rng, 4) ? "0" : Pick(rng, "1", "4")]);
                if (OneIn(rng, 4)) args.AddRange(["--size", OneIn(rng, 4) ? Pick(rng, "0", "1") : "0.05"]);
                if (OneIn(rng, 5)) args.Add("--standardize");
                break;
        }
        if (OneIn(rng, 30)) args.Add(Pick(rng, "stray", "--bogus"));
        AddOutputs(rng, args, output, plot: command != "exponent");
        return args;
    }

    private static void Model(Random rng, List<string> args)
    {
        if (!OneIn(rng, 3)) args.AddRange(["--model", OneIn(rng, 15) ? "within" : Pick(rng, "pooled", "fe", "twfe", "re", "fd", "ccemg", "ccep", "pc",
            "unitols")]);
        if (OneIn(rng, 5)) args.AddRange(["--vcov", OneIn(rng, 6) ? "hc9" : Pick(rng, "classical", "hc1", "cluster", "driscoll-kraay", "mean-group")]);
    }

    private static void AddOutputs(Random rng, List<string> args, string output, bool plot = true)
    {
        if (OneIn(rng, 2)) args.AddRange(["--json", OneIn(rng, 6) ? "-" : OneIn(rng, 25) ? output : Path.Combine(output, "r.json")]);
        if (OneIn(rng, 3)) args.AddRange(["--html", Path.Combine(output, "r.html")]);
        if (plot && OneIn(rng, 4)) args.AddRange(["--plot", Path.Combine(output, OneIn(rng, 10) ? "p.pdf" : Pick(rng, "p.svg", "p.png"))]);
    }

    // A panel of up to 8 units and 8 periods with three numeric columns, each drawn from one of several hostile
    // kinds (constant, tiny, huge, collinear, integer), cells sometimes missing, malformed or out of range, rows
    // sometimes duplicated or dropped, and sometimes only a header.
    private static string PanelCsv(Random rng)
    {
        int n = OneIn(rng, 8) ? rng.Next(4) : 3 + rng.Next(6), t = OneIn(rng, 8) ? rng.Next(4) : 4 + rng.Next(5);
        var sb = new StringBuilder("firm,year,a,b,c\n");
        if (OneIn(rng, 25)) return sb.ToString();
        var kinds = Enumerable.Range(0, 3).Select(_ => OneIn(rng, 2) ? 6 : rng.Next(7)).ToArray();
        bool corrupt = OneIn(rng, 6), duplicate = OneIn(rng, 20), missingKey = OneIn(rng, 30);
        double[] scale = [Math.Pow(10, rng.Next(-20, 21)), Math.Pow(10, rng.Next(-20, 21)), Math.Pow(10, rng.Next(-20, 21))];
        for (int i = 0; i < n; i++)
            for (int s = 0; s < t; s++)
            {
                if (rng.Next(20) == 0) continue;
                var v = new double[3];
                for (int j = 0; j < 3; j++)
                    v[j] = kinds[j] switch
                    {
                        0 => 4.2,                                         // constant
                        1 => Normal(rng) * 1e-18,                          // tiny
                        2 => Normal(rng) * 1e140,                          // huge but finite in sums of squares
                        3 => j > 0 ? 2 * v[0] - 1 : Normal(rng),           // collinear with a
                        4 => rng.Next(3),                                  // few integer values
                        5 => i + 0.5 * Normal(rng),                        // unit-specific level
                        _ => Normal(rng) * scale[j] + s,
                    };
                string Cell(double x) => rng.Next(40) switch
                {
                    0 => "",
                    1 => "NA",
                    2 when corrupt => Pick(rng, "abc", "1e300", "-Inf", "NaN"),
                    _ => x.ToString("R", CultureInfo.InvariantCulture),
                };
                var line = $"{(missingKey && OneIn(rng, 10) ? "" : "u" + i)},{2000 + s},{Cell(v[0])},{Cell(v[1])},{Cell(v[2])}\n";
                sb.Append(line);
                if (duplicate && OneIn(rng, 10)) sb.Append(line);
            }
        return sb.ToString();
    }

    // Up to 12 rows of five parts (log-normal, with zeros, negatives, constant or empty cells at times) and an id.
    private static string CompositionCsv(Random rng)
    {
        int n = OneIn(rng, 8) ? rng.Next(4) : 4 + rng.Next(12);
        var sb = new StringBuilder("id,p1,p2,p3,p4,p5\n");
        int kind = OneIn(rng, 2) ? 9 : rng.Next(6);
        for (int i = 0; i < n; i++)
        {
            sb.Append(i);
            for (int j = 0; j < 5; j++)
            {
                double x = Math.Exp(2 * Normal(rng)) * Math.Pow(10, kind == 1 ? -15 : kind == 2 ? 15 : 0);
                string cell = (kind, rng.Next(40)) switch
                {
                    (3, < 4) => "0",
                    (4, < 2) => "-1",
                    (5, _) when j == 2 => "3",
                    (0, 0) => "",
                    _ => x.ToString("R", CultureInfo.InvariantCulture),
                };
                sb.Append(',').Append(cell);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    // Two to four environments with a linear response; sometimes constant, binary, collinear or tiny.
    private static string EnvironmentCsv(Random rng)
    {
        int environments = OneIn(rng, 10) ? 1 : 2 + rng.Next(3), per = OneIn(rng, 10) ? 2 + rng.Next(3) : 5 + rng.Next(15);
        int kind = OneIn(rng, 2) ? 9 : rng.Next(6);
        var sb = new StringBuilder("env,X1,X2,X3,Y\n");
        for (int e = 0; e < environments; e++)
            for (int i = 0; i < per; i++)
            {
                double x1 = Normal(rng) + e, x2 = Normal(rng), x3 = kind == 2 ? x1 - x2 : Normal(rng);
                double y = kind switch
                {
                    0 => 5,
                    1 => x1 + Normal(rng) > 0.5 ? 1 : 0,
                    3 => (x1 + x2 + Normal(rng)) * 1e-18,
                    4 => e,
                    _ => x1 + 0.5 * x2 + Normal(rng),
                };
                sb.Append(CultureInfo.InvariantCulture, $"{e},{x1:R},{x2:R},{x3:R},{y:R}\n");
            }
        return sb.ToString();
    }

    // Up to 300 rows of x1..x6 and y: a one-factor structure, each column sometimes constant, tiny, huge, a copy of
    // another, binary or with missing and malformed cells; sometimes a handful of rows or only the header.
    private static string SemCsv(Random rng)
    {
        int n = OneIn(rng, 10) ? rng.Next(6) : 20 + rng.Next(280);
        var sb = new StringBuilder("x1,x2,x3,x4,x5,x6,y\n");
        var kinds = Enumerable.Range(0, 7).Select(_ => OneIn(rng, 3) ? rng.Next(7) : 9).ToArray();
        double scale = Math.Pow(10, rng.Next(-8, 9));
        bool corrupt = OneIn(rng, 10);
        for (int i = 0; i < n; i++)
        {
            double f = Normal(rng);
            var v = new double[7];
            for (int j = 0; j < 7; j++)
                v[j] = kinds[j] switch
                {
                    0 => 3.5,
                    1 => (f + Normal(rng)) * 1e-18,
                    2 => (f + Normal(rng)) * 1e150,
                    3 => j > 0 ? v[0] : f,
                    4 => f + Normal(rng) > 0 ? 1 : 0,
                    _ => scale * ((0.5 + j / 7.0) * f + Normal(rng)),
                };
            sb.AppendJoin(',', v.Select(x => rng.Next(60) switch
            {
                0 => "",
                1 => "NA",
                2 when corrupt => "abc",
                _ => x.ToString("R", CultureInfo.InvariantCulture),
            })).Append('\n');
        }
        return sb.ToString();
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static bool OneIn(Random rng, int n) => rng.Next(n) == 0;

    private static string Pick(Random rng, params string[] options) => options[rng.Next(options.Length)];

    private static string[] Subset(Random rng, string[] options, int atLeast = 1)
    {
        var s = options.Where(_ => rng.Next(2) == 0).ToList();
        foreach (var o in options)
            if (s.Count < atLeast && !s.Contains(o)) s.Add(o);
        return [.. s];
    }
}
