using System.Globalization;
using System.CommandLine;
using Econometrics.Causal.Invariance;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ invariance</c>: the invariance report for a representation, optionally with invariant causal prediction.</summary>
public sealed class InvarianceCommand : EconCommand
{
    private readonly SharedOptions _shared;
    private readonly Option<string?> _target, _env, _representation;
    private readonly Option<string[]> _predictors, _subset;
    private readonly Option<double> _alpha, _tolerance;
    private readonly Option<bool> _standardize, _icp, _prune;
    private readonly Option<int> _bootstrap;
    private readonly ChoiceOption<IcpTest> _test;
    private readonly ChoiceOption<IcpFamily?> _family;
    private readonly Option<bool> _hidden;
    private readonly Option<Econometrics.Inference.Shard> _shard;
    private readonly Option<string[]> _merge;

    // The library's defaults are the command's defaults: one constant, in the library.
    private static readonly InvarianceCheck Check = new();
    private static readonly InvariantCausalPrediction Icp = new();
    private static readonly HiddenInvariantCausalPrediction HiddenIcp = new();

    /// <summary>Declares the command.</summary>
    public InvarianceCommand() : base("invariance", "invariance across environments: gaps, Chow/Levene tests, epsilon-certification, ICP",
        "econ invariance --data data/invariance/invariance_sim.csv --target Y --env env --predictors X1,X2,X3,X4 --icp")
    {
        _shared = new SharedOptions(this, seed: true);
        _target = Declare(Opt.Column("--target", "the response column"));
        _env = Declare(Opt.Column("--env", "the environment column (numbers or labels)"));
        _predictors = Declare(Opt.List("--predictors", "a,b,c", "the predictor columns X", required: true));
        _representation = Declare(Opt.InputFile("--representation", "PHI.csv", "Phi as CSV: header = predictor names, one row per feature"));
        _subset = Declare(Opt.List("--subset", "a,b", "Phi selects these predictors (default: all predictors)"));
        _alpha = Declare(Opt.Double("--alpha", "A", string.Create(CultureInfo.InvariantCulture,
            $"level of the tests and the certification; given, also ICP's (default ICP {Icp.Alpha}, hiddenICP {HiddenIcp.Alpha}, as R)"),
            Check.Alpha, Bounds.Open(0, 1)), "Alpha");
        _tolerance = Declare(Opt.Double("--tolerance", "E", "epsilon for the slope gap", 0.2, Bounds.Positive), "Tolerance");
        _standardize = Declare(Opt.Flag("--standardize", "certify on features scaled to unit SD"), "Standardize");
        _bootstrap = Declare(Opt.Int("--bootstrap", "B", "bootstrap replications for the gap intervals (0 skips)", Check.BootstrapReplications, min: 0),
            "BootstrapReplications");
        _shard = Declare(Opt.Shard("bootstrap replications"), "Shard");
        _merge = Declare(Opt.List("--merge", "S0.json,S1.json",
            "merge bootstrap shards: recompute the report and take the gap draws from these --json files of every --shard"), "Shards");
        _icp = Declare(Opt.Flag("--icp", "also run invariant causal prediction over all subsets of the predictors"));
        _test = Declare(Opt.Choice("--test", "ICP's test", IcpTest.Normal, ("normal", IcpTest.Normal), ("exact", IcpTest.Exact)), "Test");
        _prune = Declare(Opt.Flag("--prune", "(with --icp) skip sets that cannot change the causal set"), "Prune");
        _family = Declare(Opt.Choice<IcpFamily?>("--family", "(with --icp) gaussian or binomial; default binomial (logistic ICP) when the target " +
            "has two values",
            null, ("gaussian", IcpFamily.Gaussian), ("binomial", IcpFamily.Binomial)), "Family");
        _hidden = Declare(Opt.Flag("--hidden", "(with --icp) hiddenICP: hidden confounders, shift interventions on X only"));
    }

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var phiFile = run.Get(_representation);
        var subset = run.Get(_subset);
        if (phiFile is not null && subset.Length > 0) throw new UsageException("Give either --representation or --subset, not both.");
        bool runIcp = run.Get(_icp);
        var family = run.Get(_family);
        bool hidden = run.Get(_hidden), prune = run.Get(_prune);
        if (!runIcp && (prune || run.Given(_test) || family is not null || hidden))
            throw new UsageException("--family, --hidden, --prune and --test apply to --icp; add --icp or drop them.");
        if (hidden && (family is not null || prune || run.Given(_test)))
            throw new UsageException("--hidden runs hiddenICP, which has no --family, --prune or --test.");
        double alpha = run.Get(_alpha);
        bool alphaGiven = run.Given(_alpha);
        var (shard, merge) = ShardInput.Get(run, _shard, _merge);
        if ((merge.Length > 0 || shard.Count > 1) && run.Get(_bootstrap) == 0) throw new UsageException("--shard and --merge split the bootstrap: " +
            "they need --bootstrap B > 0.");
        var shards = ShardInput.ReadAll(merge);

        var data = Environments.Load(_shared.DataPath(run)!, run.Get(_target)!, run.Get(_env)!, run.Get(_predictors));
        var phi = phiFile is not null ? Representation.Load(phiFile, data.Predictors)
            : Representation.Subset(data, subset.Length > 0 ? subset : data.Predictors.ToArray());
        var report = new InvarianceCheck
        {
            Alpha = alpha, Tolerance = run.Get(_tolerance), Standardize = run.Get(_standardize), BootstrapReplications = run.Get(_bootstrap),
            Seed = _shared.SeedValue(run), Shard = shard, Shards = shards,
        }.Test(data, phi, run.Progress.Fraction("bootstrap"), run.Cancellation);
        Result? icp = null;
        try
        {
            if (runIcp && hidden) icp = new HiddenInvariantCausalPrediction { Alpha = alphaGiven ? alpha : HiddenIcp.Alpha }.Fit(data);
            else if (runIcp) icp = new InvariantCausalPrediction
            {
                Alpha = alphaGiven ? alpha : Icp.Alpha, Test = run.Get(_test), Prune = prune,
                Family = family
            }.Fit(data, cancellationToken: run.Cancellation);
        }
        catch (ArgumentException e) when (e.ParamName == "data")
        {
            // The data (one class, a singular contrast) do not fit the method: name the option that asked for it.
            throw new UsageException("--icp: " + e.Message);
        }

        string text = report.ToString() + (icp is null ? "" : Environment.NewLine + icp);
        string Html() => report.ToHtml() + (icp?.ToHtml() ?? "");
        string JsonText()
        {
            var node = report.ToJsonNode();
            if (icp is not null) node["icp"] = icp.ToJsonNode();
            return ResultJson.Write(node);
        }
        // With --icp the figure is ICP's: the intervals behind its verdict.
        Func<ScottPlot.Plot> plot = icp switch
        {
            IcpResult r => r.PlotIntervals,
            HiddenIcpResult h => h.PlotIntervals,
            _ => report.PlotCoefficients,
        };
        _shared.Emit(run, "Invariance", text, JsonText, Html, plot);
        return 0;
    }
}
