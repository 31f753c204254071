using System.CommandLine;
using Econometrics.Mixtures;

namespace Econometrics.Cli.Commands;

/// <summary>
/// <c>econ moe fit|enumerate|screen</c>: growth mixtures of experts (linear, quadratic, bilinear-spline, negative
/// exponential, Jenss-Bayley or nonparametric growth mixtures with gating and expert covariates) on wide longitudinal data.
/// </summary>
public static class MoeCommands
{
    /// <summary>The <c>moe</c> command group.</summary>
    public static Command Group() => new CommandGroup("moe", "growth mixtures of experts: fit K classes, enumerate K = 1..Kmax, or screen covariates")
    {
        new MoeCommand(Mode.Fit), new MoeCommand(Mode.Enumerate), new MoeCommand(Mode.Screen),
    };

    private enum Mode { Fit, Enumerate, Screen }

    private sealed class MoeCommand : EconCommand
    {
        private const string Wide = "--data data/moe/moe_ref_sim.csv --id id --y-prefix Y --t-prefix T";

        private readonly Mode _mode;
        private readonly SharedOptions _shared;
        private readonly Option<string?> _id, _y, _t;
        private readonly Option<string[]> _gating = null!, _experts = null!, _candidates = null!;
        private readonly ChoiceOption<CovariateTreatment> _covariates;
        private readonly ChoiceOption<GrowthCurve> _curve;
        private readonly Option<int> _starts, _classes = null!, _maxClasses = null!, _blrt = null!;
        private readonly Option<bool> _rebaseline, _vlmr = null!;
        private readonly ChoiceOption<bool> _estimator = null!;

        public MoeCommand(Mode mode) : base(mode.ToString().ToLowerInvariant(), mode switch
        {
            Mode.Fit => "fit a growth mixture with K classes",
            Mode.Enumerate => "fit K = 1..Kmax classes and compare information criteria",
            _ => "screen covariates in both roles (gating and expert) by likelihood ratios, Holm at 5%",
        }, mode switch
        {
            Mode.Fit => $"econ moe fit {Wide} --classes 2",
            Mode.Enumerate => $"econ moe enumerate {Wide} --max-classes 3 --vlmr --blrt 99",
            _ => $"econ moe screen {Wide} --classes 2 --candidates gx,ex",
        })
        {
            _mode = mode;
            _shared = new SharedOptions(this, seed: true);
            _id = Declare(Opt.Column("--id", "person identifier column"));
            _y = Declare(Opt.Text("--y-prefix", "Y", "outcome columns Y1, Y2, ...", required: true));
            _t = Declare(Opt.Text("--t-prefix", "T", "time columns T1, T2, ... (individually varying occasions)", required: true));
            if (mode == Mode.Enumerate)
            {
                _maxClasses = Declare(Opt.Int("--max-classes", "K", "largest K to enumerate", 4, min: 1), "MaxClasses");
                _blrt = Declare(Opt.Int("--blrt", "B", "bootstrap likelihood-ratio test of K-1 vs K with B replicates (adds blrtP to each row; 0: off)", 0,
                    min: 0),
                    "BootstrapReplicates");
                _vlmr = Declare(Opt.Flag("--vlmr", "Vuong-Lo-Mendell-Rubin test of K-1 vs K and its adjusted version (adds vlmrP, adjustedLmrP)"),
                    "VuongLoMendellRubin");
            }
            else
                _classes = Declare(Opt.Int("--classes", "K", "number of latent classes", 2, min: 1), "Classes");
            if (mode == Mode.Fit)
                _estimator = Declare(Opt.Choice("--estimator", "ml: SEs from the observed information; mlr: robust Huber-White sandwich SEs (Mplus MLR)",
                    false, ("ml", false), ("mlr", true)), "RobustStandardErrors");
            if (mode == Mode.Screen)
                _candidates = Declare(Opt.List("--candidates", "a,b,c", "covariates tested in both roles", required: true));
            else
            {
                _gating = Declare(Opt.List("--gating", "a,b", "gating covariates (predict class membership; class 1 is the reference)"));
                _experts = Declare(Opt.List("--experts", "c,d", "expert covariates (direct effects on the growth factors)"));
            }
            _covariates = Declare(Opt.Choice("--covariates", "joint: x in the likelihood as OpenMx/nlpsem; conditional: as flexmix/lcmm",
                CovariateTreatment.Joint, ("joint", CovariateTreatment.Joint), ("conditional", CovariateTreatment.Conditional)), "Covariates");
            _curve = Declare(Opt.Choice("--curve",
                "trajectory: bls (bilinear spline, class-specific knot), exp (negative exponential, class-specific rate), jb (Jenss-Bayley, " +
                    "class-specific acceleration), nonparametric (latent basis, class-specific relative rates)",
                GrowthCurve.BilinearSpline,
                ("bls", GrowthCurve.BilinearSpline), ("linear", GrowthCurve.Linear), ("quadratic", GrowthCurve.Quadratic),
                ("exp", GrowthCurve.NegativeExponential), ("jb", GrowthCurve.JenssBayley), ("nonparametric", GrowthCurve.Nonparametric)), "Curve");
            _starts = Declare(Opt.Int("--starts", "S", "random starts", 20, min: 1), "Starts");
            _rebaseline = Declare(Opt.Flag("--rebaseline", "measure time from each person's first occasion (t - t1)"));
        }

        public override int Execute(CommandRun run)
        {
            var gating = _mode == Mode.Screen ? run.Get(_candidates) : run.Get(_gating);
            var experts = _mode == Mode.Screen ? [] : run.Get(_experts);
            var data = GrowthData.Load(_shared.DataPath(run)!, run.Get(_id)!, run.Get(_y)!, run.Get(_t)!, gating, experts);
            if (run.Get(_rebaseline)) data = data.FromFirstOccasion();
            int starts = run.Get(_starts);
            var model = new GrowthMixture
            {
                Classes = _mode == Mode.Enumerate ? 1 : run.Get(_classes), Curve = run.Get(_curve), Covariates = run.Get(_covariates),
                Starts = starts, FinalStarts = Math.Min(4, starts), Seed = _shared.SeedValue(run),
            };
            var progress = run.Progress.Fraction("moe");
            switch (_mode)
            {
                case Mode.Screen:
                {
                    var result = new CovariateScreen { Model = model with { StandardErrors = false } }.Test(data, progress, run.Cancellation);
                    _shared.Emit(run, "Covariate screen", result.ToString(), result.ToJson, result.ToHtml, result.PlotEvidence);
                    break;
                }
                case Mode.Enumerate:
                {
                    var result = new ClassEnumeration
                    {
                        MaxClasses = run.Get(_maxClasses), Model = model with { StandardErrors = false }, BootstrapReplicates = run.Get(_blrt),
                        VuongLoMendellRubin = run.Get(_vlmr),
                    }
                        .Fit(data, progress, run.Cancellation);
                    _shared.Emit(run, "Class enumeration", result.ToString(), result.ToJson, result.ToHtml, result.PlotCriteria);
                    break;
                }
                default:
                {
                    var result = (model with { RobustStandardErrors = run.Get(_estimator) }).Fit(data, progress, run.Cancellation);
                    _shared.Emit(run, "Growth mixture", result.ToString(), result.ToJson, result.ToHtml, () => result.PlotTrajectories(data));
                    break;
                }
            }
            return 0;
        }
    }
}
