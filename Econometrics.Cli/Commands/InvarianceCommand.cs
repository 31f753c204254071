using System.Text.Json;
using Econometrics.Causal.Invariance;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ invariance</c>: the invariance report for a representation, optionally with invariant causal prediction.</summary>
public sealed class InvarianceCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "invariance";

    /// <inheritdoc/>
    public string Description => "invariance across environments: gaps, Chow/Levene tests, epsilon-certification, ICP";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["icp", "standardize", "hidden"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ invariance --data F.csv --target Y --env COL --predictors a,b,c
                               [--representation PHI.csv | --subset a,b] [--alpha 0.05] [--icp] [options]

          --target COL           the response
          --env COL              the environment column (numbers or labels)
          --predictors a,b,c     the predictors X
          --representation F     Phi as CSV: header = predictor names, one row per feature (optional 'feature' column)
          --subset a,b           Phi selects these predictors (default: all predictors)
          --alpha A              level of the tests, the certification and ICP (default 0.05)
          --tolerance E          epsilon for the slope gap (default 0.2)
          --standardize          certify on features scaled to unit SD
          --bootstrap B          bootstrap replications for the gap intervals (default 499; 0 skips)
          --icp                  also run invariant causal prediction over all subsets of the predictors
          --test normal|exact    ICP's test (default normal)
          --prune                (with --icp) skip sets that cannot change the causal set
          --family F             (with --icp) gaussian or binomial; default: binomial (logistic ICP) when the
                                 target has two values, else gaussian
          --hidden               (with --icp) hiddenICP: hidden confounders, shift interventions on X only

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        var shared = SharedOptions.From(args);
        var target = args.Require("target", "the response column");
        var env = args.Require("env", "the environment column");
        var predictors = args.GetList("predictors");
        if (predictors.Length == 0) throw new UsageException("--predictors is required (comma-separated predictor columns).");
        var phiFile = args.Get("representation");
        var subset = args.GetList("subset");
        if (phiFile is not null && subset.Length > 0) throw new UsageException("Give either --representation or --subset, not both.");
        if (phiFile is not null && !File.Exists(phiFile)) throw new UsageException($"--representation: file '{phiFile}' does not exist.");
        double alpha = args.GetDouble("alpha", 0.05);
        if (!(alpha > 0 && alpha < 1)) throw new UsageException($"--alpha must be in (0, 1), not {alpha}.");
        double tolerance = args.GetDouble("tolerance", 0.2);
        if (!(tolerance > 0)) throw new UsageException($"--tolerance must be positive, not {tolerance}.");
        int bootstrap = args.GetInt("bootstrap", 499);
        if (bootstrap < 0) throw new UsageException("--bootstrap must be non-negative.");
        bool standardize = args.Has("standardize");
        bool runIcp = args.Has("icp");
        var testName = args.Get("test") ?? "normal";
        var test = testName switch
        {
            "normal" => IcpTest.Normal,
            "exact" => IcpTest.Exact,
            _ => throw new UsageException($"--test must be 'normal' or 'exact', not '{testName}'."),
        };
        bool prune = args.Has("prune");
        IcpFamily? family = args.Get("family") switch
        {
            null => null,
            "gaussian" => IcpFamily.Gaussian,
            "binomial" => IcpFamily.Binomial,
            var f => throw new UsageException($"--family must be 'gaussian' or 'binomial', not '{f}'."),
        };
        bool hidden = args.Has("hidden");
        if ((family is not null || hidden || prune || args.Get("test") is not null) && !runIcp)
            throw new UsageException("--family, --hidden, --prune and --test apply to ICP; add --icp.");
        if (hidden && (family is not null || prune || args.Get("test") is not null))
            throw new UsageException("--hidden runs hiddenICP, which has no --family, --prune or --test.");
        args.RejectUnknown();

        var data = Environments.Load(shared.Data!, target, env, predictors);
        var phi = phiFile is not null ? Representation.Load(phiFile, data.Predictors)
            : Representation.Subset(data, subset.Length > 0 ? subset : data.Predictors.ToArray());
        var report = new InvarianceCheck { Alpha = alpha, Tolerance = tolerance, Standardize = standardize, BootstrapReplications = bootstrap, Seed = shared.Seed }
            .Test(data, phi, cancellationToken: console.Cancellation);
        IcpResult? icp = null;
        HiddenIcpResult? hiddenIcp = null;
        try
        {
            if (runIcp && hidden) hiddenIcp = new HiddenInvariantCausalPrediction { Alpha = alpha }.Fit(data);
            else if (runIcp) icp = new InvariantCausalPrediction { Alpha = alpha, Test = test, Prune = prune, Family = family }.Fit(data, cancellationToken: console.Cancellation);
        }
        catch (ArgumentException e) when (e.ParamName is "data" or "Family" or "Test")
        {
            // The data (one class, a singular contrast) or an option do not fit the method: name the option.
            throw new UsageException((e.ParamName == "data" ? "--icp: " : e.ParamName == "Family" ? "--family: " : "--test: ") + e.Message.Split(" (Parameter")[0]);
        }
        Result? icpResult = icp is not null ? icp : hiddenIcp;

        string text = report.ToString() + (icpResult is null ? "" : Environment.NewLine + icpResult);
        string Html() => report.ToHtml() + (icpResult?.ToHtml() ?? "");
        string JsonText()
        {
            var node = report.ToJsonNode();
            if (icpResult is not null) node["icp"] = icpResult.ToJsonNode();
            return ResultJson.Write(node);
        }
        shared.Emit(console, text, JsonText, Html, report.PlotCoefficients);
        return 0;
    }
}
