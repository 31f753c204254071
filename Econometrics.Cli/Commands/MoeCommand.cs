using System.Globalization;
using Econometrics.Mixtures;

namespace Econometrics.Cli.Commands;

/// <summary>
/// <c>econ moe fit|enumerate</c>: growth mixtures of experts (bilinear-spline growth mixtures with gating and expert
/// covariates) on wide longitudinal data.
/// </summary>
public sealed class MoeCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "moe";

    /// <inheritdoc/>
    public string Description => "growth mixtures of experts: fit K classes, enumerate K = 1..Kmax, or screen covariates";

    /// <inheritdoc/>
    public string Usage => """
        usage: econ moe fit --data F.csv --id COL --y-prefix Y --t-prefix T --classes K [options]
               econ moe enumerate --data F.csv --id COL --y-prefix Y --t-prefix T --max-classes K [options]
               econ moe screen --data F.csv --id COL --y-prefix Y --t-prefix T --classes K --candidates a,b,c [options]

          --id COL                  person identifier column
          --y-prefix Y              outcome columns Y1, Y2, ...
          --t-prefix T              time columns T1, T2, ... (individually varying occasions)
          --classes K               number of latent classes (fit; default 2)
          --max-classes K           largest K to enumerate (enumerate; default 4)
          --gating a,b              gating covariates (predict class membership; class 1 is the reference)
          --experts c,d             expert covariates (direct effects on the growth factors)
          --candidates a,b,c        screen: covariates tested in both roles (likelihood ratios, Holm at 5%)
          --covariates joint|conditional   joint: x in the likelihood as OpenMx/nlpsem (default); conditional: flexmix/lcmm
          --curve bls|linear|quadratic     trajectory (default bls: bilinear spline with a class-specific knot)
          --starts S                random starts (default 20)
          --rebaseline              measure time from each person's first occasion (t - t1)

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["rebaseline"];

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        if (args.Positionals.Count != 1 || args.Positionals[0] is not ("fit" or "enumerate" or "screen"))
            throw new UsageException("econ moe needs a subcommand: fit, enumerate or screen.");
        bool enumerate = args.Positionals[0] == "enumerate", screen = args.Positionals[0] == "screen";
        var shared = SharedOptions.From(args);
        var id = args.Require("id", "the person identifier column");
        var y = args.Require("y-prefix", "the outcome column prefix");
        var t = args.Require("t-prefix", "the time column prefix");
        var gating = args.GetList("gating");
        var experts = args.GetList("experts");
        if (screen)
        {
            if (gating.Length + experts.Length > 0) throw new UsageException("econ moe screen takes --candidates, not --gating or --experts.");
            gating = args.GetList("candidates");
            if (gating.Length == 0) throw new UsageException("--candidates is required (the covariates to screen).");
        }
        var treatment = (args.Get("covariates") ?? "joint") switch
        {
            "joint" => CovariateTreatment.Joint,
            "conditional" => CovariateTreatment.Conditional,
            var other => throw new UsageException($"--covariates must be joint or conditional, not '{other}'."),
        };
        var curve = (args.Get("curve") ?? "bls") switch
        {
            "bls" => GrowthCurve.BilinearSpline,
            "linear" => GrowthCurve.Linear,
            "quadratic" => GrowthCurve.Quadratic,
            var other => throw new UsageException($"--curve must be bls, linear or quadratic, not '{other}'."),
        };
        int starts = args.GetInt("starts", 20);
        if (starts < 1) throw new UsageException("--starts must be at least 1.");
        int classes = enumerate ? 0 : args.GetInt("classes", 2);
        int maxClasses = enumerate ? args.GetInt("max-classes", 4) : 0;
        if (!enumerate && classes < 1) throw new UsageException("--classes must be at least 1.");
        if (enumerate && maxClasses < 1) throw new UsageException("--max-classes must be at least 1.");
        bool rebaseline = args.Has("rebaseline");
        args.RejectUnknown();

        var data = GrowthData.Load(shared.Data!, id, y, t, gating, experts);
        if (rebaseline) data = data.FromFirstOccasion();
        var model = new GrowthMixture
        {
            Classes = Math.Max(classes, 1), Curve = curve, Covariates = treatment, Starts = starts,
            FinalStarts = Math.Min(4, starts), Seed = shared.Seed,
        };
        var progress = new StderrProgress(console.Error);
        if (screen)
        {
            var result = new CovariateScreen { Model = model with { StandardErrors = false } }.Test(data, console.Cancellation);
            shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml, result.PlotEvidence);
        }
        else if (enumerate)
        {
            var result = new ClassEnumeration { MaxClasses = maxClasses, Model = model with { StandardErrors = false } }
                .Fit(data, progress, console.Cancellation);
            console.Error.WriteLine();
            shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml, result.PlotCriteria);
        }
        else
        {
            var result = model.Fit(data, progress, console.Cancellation);
            console.Error.WriteLine();
            shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml, () => result.PlotTrajectories(data));
        }
        return 0;
    }

    /// <summary>A synchronous progress line on stderr (starts finish on worker threads).</summary>
    private sealed class StderrProgress(TextWriter error) : IProgress<double>
    {
        private readonly Lock _gate = new();

        public void Report(double value)
        {
            lock (_gate) error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[moe] {value:P0}   "));
        }
    }
}
