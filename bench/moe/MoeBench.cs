using Econometrics.Mixtures;

namespace Econometrics.Bench.Cases;

/// <summary>
/// The 2-class full mixture of experts (bilinear spline, class-specific knots, gating gx1 gx2, experts ex1 ex2, joint
/// covariate likelihood, standard errors) on the authors' example (N = 500, 10 waves) with 10 random starts, against
/// OpenMx 2.21.1 (openmx_fit.R: the same model, CSOLNP, mxTryHard with up to 10 starts). Issue 7: under 3 s and at
/// least 10x faster than OpenMx, at an equal or better log-likelihood (OpenMx reaches −11458.347444).
/// </summary>
public sealed class MoeBench : IBenchSuite
{
    public IEnumerable<BenchCase> Cases()
    {
        string root = FindRoot();
        string csv = Path.Combine(root, "data", "moe", "example_data.csv");
        string script = Path.Combine(AppContext.BaseDirectory, "scripts", "moe", "openmx_fit.R").Replace("\\", "/");
        var data = GrowthData.Load(csv, "id", "Y", "T", ["gx1", "gx2"], ["ex1", "ex2"]);
        var model = new GrowthMixture { Classes = 2, Starts = 10, Seed = 20260101 };
        yield return new BenchCase("moe/full-2class-example", "full MoE, 2 classes, N = 500, p = 10, 47 parameters, 10 starts + SEs",
            () =>
            {
                var fit = model.Fit(data);
                // The issue asks for an equal or better log-likelihood than OpenMx's −11458.347444.
                if (fit.LogLikelihood < -11458.3475) throw new InvalidOperationException($"logLik {fit.LogLikelihood} is below OpenMx's optimum.");
            })
        {
            OursLabel = "GrowthMixture { Classes = 2, Starts = 10 }.Fit",
            RSetup = $"source('{script}'); dat <- read.csv('{csv.Replace("\\", "/")}')",
            RBody = "invisible(capture.output(moe_openmx_fit(dat)))",   // mxTryHard prints progress without a newline
            Repetitions = 1,
            BudgetMs = 3000,
        };

        // The nonlinear curves, each with 10 starts and standard errors, against OpenMx fitting the same model from
        // the fixture script (Econometrics.Tests/Reference/Mixtures/nonlinear_curves/generate.R, fit_case()).
        string fixtures = Path.Combine(root, "Econometrics.Tests", "Reference", "Mixtures", "nonlinear_curves");
        var rms = GrowthData.Load(Path.Combine(root, "data", "moe", "RMS_dat.csv"), "ID", "M", "T", [], []).FromFirstOccasion();
        rms = GrowthData.FromArrays(rms.Ids, rms.Y, rms.T.Select(t => t / 12).ToArray(), rms.P, [], [], [], []);
        foreach (var (name, curve, describe) in new[]
        {
            ("rms_exp", GrowthCurve.NegativeExponential, "negative exponential, 2 classes, RMS_dat N = 500, p = 9, 15 parameters"),
            ("rms_nonp", GrowthCurve.Nonparametric, "nonparametric (latent basis), 2 classes, RMS_dat N = 500, p = 9, 27 parameters"),
            ("sim_jb", GrowthCurve.JenssBayley, "Jenss-Bayley with gating and expert covariates, 2 classes, N = 300, p = 7, 34 parameters"),
        })
        {
            var d = name.StartsWith("rms", StringComparison.Ordinal) ? rms
                : GrowthData.Load(Path.Combine(fixtures, "sim_" + name[4..] + ".csv"), "id", "Y", "T", ["gx"], ["ex"]);
            var m = new GrowthMixture { Classes = 2, Curve = curve, Starts = 10, Seed = 20260101 };
            yield return new BenchCase($"moe/{name.Replace('_', '-')}-2class", describe + ", 10 starts + SEs", () => m.Fit(d))
            {
                OursLabel = $"GrowthMixture {{ Curve = {curve}, Classes = 2, Starts = 10 }}.Fit",
                RSetup = $"setwd('{root.Replace("\\", "/")}'); source('{Path.Combine(fixtures, "generate.R").Replace("\\", "/")}')",
                // exhaustive: all 10 mxTryHard starts, like our 10 (mxTryHard otherwise stops at the first acceptable fit).
                RBody = $"invisible(capture.output(fit_case('{name}', exhaustive = TRUE)))",
                Repetitions = 1,
                BudgetMs = 10000,
            };
        }
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "data", "moe", "example_data.csv"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }
}
