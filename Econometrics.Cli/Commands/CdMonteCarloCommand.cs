using System.CommandLine;
using System.Globalization;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Simulation;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ cd-mc</c>: size/power tables of the CD family by simulation; shardable, with a merge step.</summary>
public sealed class CdMonteCarloCommand : EconCommand
{
    private readonly SharedOptions _shared;
    private readonly Option<int[]> _n, _t;
    private readonly Option<int> _reps, _factors, _neighbours, _draws, _threads;
    private readonly Option<int?> _remove;
    private readonly Option<double> _strength, _ar, _delta;
    private readonly ChoiceOption<ErrorDistribution> _errors;
    private readonly Option<bool> _homoskedastic, _regressor;
    private readonly ChoiceOption<PanelModel> _model;
    private readonly Option<Econometrics.Inference.Shard> _shard;

    /// <summary>Declares the command and its <c>merge</c> subcommand.</summary>
    public CdMonteCarloCommand() : base("cd-mc", "Monte Carlo size/power of CD, CD_W, CD_W+, CD* (shardable: --shard i/n, then merge)",
        "econ cd-mc --n 50,100 --t 50 --reps 200 --shard 0/2 --json shard0.json")
    {
        _shared = new SharedOptions(this, DataOption.None, plot: true, seed: true);
        _n = Declare(Opt.IntList("--n", "N1,N2", "units in each grid cell (default 100)", [100], min: 3));
        _t = Declare(Opt.IntList("--t", "T1,T2", "periods in each grid cell (default 100)", [100], min: 3));
        _reps = Declare(Opt.Int("--reps", "R", "replications per cell", 500, min: 1), "Replications");
        _factors = Declare(Opt.Int("--factors", "M", "latent factors in the DGP, also removed by the tests", 1, min: 0));
        _remove = Declare(Opt.OptionalInt("--remove", "M", "factors the tests remove, if different from --factors", min: 0), "Factors");
        _strength = Declare(Opt.Double("--strength", "A", "factor strength alpha", 1, new Bounds(0, 1, false, true)), "Strength");
        _errors = Declare(Opt.Choice("--errors", "error distribution", ErrorDistribution.Gaussian,
            ("gaussian", ErrorDistribution.Gaussian), ("chi2", ErrorDistribution.ChiSquared), ("t", ErrorDistribution.StudentT)), "Errors");
        _homoskedastic = Declare(Opt.Flag("--homoskedastic", "sigma_i = 1 (default heteroskedastic)"), "Heteroskedastic");
        _ar = Declare(Opt.Double("--ar", "RHO", "AR(1) coefficient of the errors", 0, Bounds.Open(-1, 1)), "SerialCorrelation");
        _delta = Declare(Opt.Double("--delta", "D", "spatial dependence on a circular network (0: the null)", 0, Bounds.Open(-1, 1)), "SpatialDelta");
        _neighbours = Declare(Opt.Int("--neighbours", "H", "neighbours on each side of the network (below N/2)", 1, min: 1), "NetworkNeighbours");
        _regressor = Declare(Opt.Flag("--regressor", "add a regressor loading on the factors; test --model's residuals"), "IncludeRegressor");
        _model = Declare(Opt.Choice("--model", "estimator with --regressor", PanelModel.CceMeanGroup,
            PanelRegressionOptions.ModelWords.Where(m => m.Item2 is not (PanelModel.UnitOls or PanelModel.RandomEffects or
                PanelModel.FirstDifferences)).ToArray()), "Model");
        _draws = Declare(Opt.Int("--draws", "G", "CD_W Rademacher draws", 30, min: 1), "Draws");
        _threads = Declare(Opt.Int("--threads", "K", "parallel replications (default all cores; results do not depend on it)", Environment.ProcessorCount,
            min: 1),
            "MaxDegreeOfParallelism");
        _shard = Declare(Opt.Shard("replications"));
        Add(new MergeCommand());
    }

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var ns = run.Get(_n);
        int neighbours = run.Get(_neighbours);
        if (ns.FirstOrDefault(n => 2 * neighbours >= n) is var small and > 0)
            throw new UsageException($"--neighbours must be below N/2 for every --n; {neighbours} is too many for N = {small}.");
        var study = new CdMonteCarlo
        {
            Dgp = new FactorPanelDgp
            {
                Factors = run.Get(_factors), Strength = run.Get(_strength), Errors = run.Get(_errors), Heteroskedastic = !run.Get(_homoskedastic),
                SerialCorrelation = run.Get(_ar), SpatialDelta = run.Get(_delta), NetworkNeighbours = neighbours, IncludeRegressor = run.Get(_regressor),
            },
            Grid = ns.SelectMany(n => run.Get(_t).Select(t => (n, t))).ToList(),
            Replications = run.Get(_reps),
            Seed = _shared.SeedValue(run),
            Factors = run.Get(_remove),
            Draws = run.Get(_draws),
            Model = run.Get(_model),
            MaxDegreeOfParallelism = run.Get(_threads),
        };
        var shard = run.Get(_shard);
        var progress = new Progress(run.Progress);
        var result = study.Simulate(progress, run.Cancellation, shard.Index, shard.Count);
        Emit(run, _shared, result);
        return 0;
    }

    private static void Emit(CommandRun run, SharedOptions shared, CdMonteCarloResult result) =>
        shared.Emit(run, "CD Monte Carlo", result.ToString(), result.ToJson, result.ToHtml, result.PlotRejectionRates);

    /// <summary><c>econ cd-mc merge</c>: adds shard counts into one study.</summary>
    private sealed class MergeCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly Argument<string[]> _files;

        public MergeCommand() : base("merge", "merge the JSON files of cd-mc shards into one study",
            "econ cd-mc merge shard0.json shard1.json --json study.json")
        {
            _shared = new SharedOptions(this, DataOption.None, plot: true);
            _files = Opt.ShardFiles();
            Add(_files);
        }

        public override int Execute(CommandRun run)
        {
            var parts = run.Get(_files).Select(Read).ToList();
            var merged = CdMonteCarloResult.Merge(parts);
            if (!merged.IsComplete)
                run.Console.Error.WriteLine($"warning: shards {string.Join(",", merged.Shards)} of {merged.ShardCount} merged; the study is incomplete.");
            Emit(run, _shared, merged);
            return 0;
        }

        private static CdMonteCarloResult Read(string file)
        {
            try { return CdMonteCarloResult.FromJson(File.ReadAllText(file)); }
            catch (ArgumentException e) { throw new UsageException($"merge: '{file}': {e.Message}"); }
        }
    }

    private sealed class Progress(ProgressDisplay display) : IProgress<CdMonteCarloProgress>
    {
        public void Report(CdMonteCarloProgress value) =>
            display.Draw(ProgressDisplay.Bar("cd-mc", value.Total == 0 ? 1 : (double)value.Completed / value.Total, $"{value.Completed}/{value.Total}"));
    }
}
