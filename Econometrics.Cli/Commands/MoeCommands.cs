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
    public static Command Group() => new CommandGroup("moe",
        "growth mixtures of experts: fit K classes, enumerate K = 1..Kmax, screen covariates, or simulate the estimator's performance")
    {
        new MoeCommand(Mode.Fit), new MoeCommand(Mode.Enumerate), new MoeCommand(Mode.Screen), new MoeCommand(Mode.Simulate),
    };

    private enum Mode { Fit, Enumerate, Screen, Simulate }

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
        // Words, not bools: System.CommandLine parses an Option<bool> as a flag and would reject "--estimator mlr".
        private readonly ChoiceOption<string> _estimator = null!;
        private readonly ChoiceOption<string> _ci = null!;
        private readonly Option<Econometrics.Inference.Shard> _shard = null!;
        private readonly Option<int> _reps = null!;
        private readonly Option<int?> _persons = null!;
        private readonly Option<string[]> _merge = null!;

        public MoeCommand(Mode mode) : base(mode.ToString().ToLowerInvariant(), mode switch
        {
            Mode.Fit => "fit a growth mixture with K classes",
            Mode.Enumerate => "fit K = 1..Kmax classes and compare information criteria",
            Mode.Simulate => "Monte Carlo study at the fitted model: bias, SEs, RMSE, coverage over replications (shardable, then merge)",
            _ => "screen covariates in both roles (gating and expert) by likelihood ratios, Holm at 5%",
        }, mode switch
        {
            Mode.Fit => $"econ moe fit {Wide} --classes 2",
            Mode.Enumerate => $"econ moe enumerate {Wide} --max-classes 3 --vlmr --blrt 99",
            Mode.Simulate => $"econ moe simulate {Wide} --classes 2 --reps 100 --shard 0/4 --json shard0.json",
            _ => $"econ moe screen {Wide} --classes 2 --candidates gx,ex",
        })
        {
            _mode = mode;
            _shared = new SharedOptions(this, plot: mode != Mode.Simulate, seed: true);
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
                _shard = Declare(Opt.Shard("BLRT replicates"), "BootstrapShard");
                _merge = Declare(Opt.List("--merge", "S0.json,S1.json",
                    "merge BLRT shards: refit the table and take the bootstrap ratios from these --json files of every --shard"), "BootstrapShards");
            }
            else
                _classes = Declare(Opt.Int("--classes", "K", "number of latent classes", 2, min: 1), "Classes");
            if (mode == Mode.Fit)
                _estimator = Declare(Opt.Choice("--estimator", "ml: SEs from the observed information; mlr: robust Huber-White sandwich SEs (Mplus MLR)",
                    "ml", ("ml", "ml"), ("mlr", "mlr")), "RobustStandardErrors");
            if (mode == Mode.Fit)
                _ci = Declare(Opt.Choice("--ci", "wald: intervals estimate +- 1.96 SE; profile: adds profile-likelihood 95% intervals of each " +
                    "class's knot, rate or acceleration (every other parameter re-maximised, as OpenMx mxCI)", "wald", ("wald", "wald"),
                    ("profile", "profile")),
                    "ProfileIntervals");
            if (mode == Mode.Simulate)
            {
                _reps = Declare(Opt.Int("--reps", "R", "replications (data sets simulated from the fitted model and refitted)", 100, min: 1), "Replications");
                _persons = Declare(Opt.OptionalInt("--persons", "N", "persons per replication (default: as in the data)", min: 1), "N");
                _shard = Declare(Opt.Shard("replications"));
                Add(new SimulateMergeCommand());
            }
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
                    var (shard, merge) = ShardInput.Get(run, _shard, _merge);
                    if (merge.Length > 0 && run.Get(_blrt) == 0) throw new UsageException("--merge needs --blrt B, as the shards were run.");
                    var result = new ClassEnumeration
                    {
                        MaxClasses = run.Get(_maxClasses), Model = model with { StandardErrors = false }, BootstrapReplicates = run.Get(_blrt),
                        BootstrapShard = shard, BootstrapShards = ShardInput.ReadAll(merge, BlrtReplicates.FromJson),
                        VuongLoMendellRubin = run.Get(_vlmr),
                    }
                        .Fit(data, progress, run.Cancellation);
                    _shared.Emit(run, "Class enumeration", result.ToString(), result.ToJson, result.ToHtml, result.PlotCriteria);
                    break;
                }
                case Mode.Simulate:
                {
                    // The design is the fitted model at the data's occasions; every shard refits it identically (seeded).
                    var truth = model.Fit(data, null, run.Cancellation).Parameters;
                    var shard = run.Get(_shard);
                    var result = new SimulationStudy
                    {
                        Design = new GrowthMixtureDesign { Truth = truth, Curve = model.Curve, N = run.Get(_persons) ?? data.N, Occasions = data.P },
                        Model = model, Replications = run.Get(_reps), Seed = model.Seed, Shard = shard.Index, Shards = shard.Count,
                    }.Simulate(progress, run.Cancellation);
                    _shared.Emit(run, "Growth mixture simulation study", result.ToString(), result.ToJson, result.ToHtml);
                    break;
                }
                default:
                {
                    var result = (model with { RobustStandardErrors = run.Get(_estimator) == "mlr", ProfileIntervals = run.Get(_ci) == "profile" })
                        .Fit(data, progress, run.Cancellation);
                    _shared.Emit(run, "Growth mixture", result.ToString(), result.ToJson, result.ToHtml, () => result.PlotTrajectories(data));
                    break;
                }
            }
            return 0;
        }

        /// <summary><c>econ moe simulate merge</c>: combines the replications of every shard into one study.</summary>
        private sealed class SimulateMergeCommand : EconCommand
        {
            private readonly SharedOptions _shared;
            private readonly Argument<string[]> _files;

            public SimulateMergeCommand() : base("merge", "merge the JSON files of moe simulate shards into one study",
                "econ moe simulate merge shard0.json shard1.json --json study.json")
            {
                _shared = new SharedOptions(this, DataOption.None, plot: false);
                _files = Opt.ShardFiles();
                Add(_files);
            }

            public override int Execute(CommandRun run)
            {
                var parts = run.Get(_files).Select(file =>
                {
                    try { return SimulationStudyResult.FromJson(File.ReadAllText(file)); }
                    catch (ArgumentException e) { throw new UsageException($"merge: '{file}': {e.Message.Split(" (Parameter")[0]}"); }
                }).ToArray();
                SimulationStudyResult merged;
                try { merged = SimulationStudyResult.Combine(parts); }
                catch (ArgumentException e) { throw new UsageException($"merge: {e.Message.Split(" (Parameter")[0]}"); }
                if (merged.Replications.Count < merged.Planned)
                    run.Console.Error.WriteLine($"warning: {merged.Replications.Count} of {merged.Planned} replications merged; the study is incomplete.");
                _shared.Emit(run, "Growth mixture simulation study", merged.ToString(), merged.ToJson, merged.ToHtml);
                return 0;
            }
        }
    }
}
