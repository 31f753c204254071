using System.Globalization;
using Econometrics.Compositional;
using Econometrics.Data;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ coda pcor|biplot</c>: log-ratio partial correlations (Erb 2020) and the clr-PCA biplot.</summary>
public sealed class CodaCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "coda";

    /// <inheritdoc/>
    public string Description => "compositional data: log-ratio partial correlations (coda pcor), clr biplot (coda biplot)";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["shrink"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ coda pcor --data FILE.csv [--parts a,b,c] [--zeros none|multiplicative|bayes] [--shrink]
                              [--adjust bh|holm|none] [--level 0.95] [--plot-kind heatmap|network] [options]
               econ coda biplot --data FILE.csv [--parts a,b,c] [--zeros ...] [--type form|covariance] [options]

          --parts a,b,c        the part columns (default: every column)
          --zeros METHOD       none (zeros are an error; default), multiplicative (delta = 1/D^2),
                               bayes (Bayesian-multiplicative, GBM prior, as zCompositions::cmultRepl)
          --shrink             basis shrinkage (Schafer-Strimmer on log-proportions; for p > n; no p-values)
          --adjust METHOD      multiple-testing adjustment over the pairs (default bh)
          --level L            confidence level of the Fisher-z intervals (default 0.95)
          --plot-kind KIND     what --plot draws: heatmap (clustered, default) or network (adjusted p < 0.05)
          --type TYPE          biplot: form (rows = PC scores, columns = loadings; default) or covariance
                               (columns approximate the clr covariance; links approximate log-ratio SDs)

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        if (args.Positionals.Count != 1 || args.Positionals[0] is not ("pcor" or "biplot"))
            throw new UsageException(args.Positionals.Count == 0
                ? "econ coda needs a subcommand: pcor or biplot."
                : $"Unknown coda subcommand '{string.Join(" ", args.Positionals)}'; the subcommands are pcor and biplot.");
        return args.Positionals[0] == "biplot" ? Biplot(args, console) : Pcor(args, console);
    }

    private static ZeroReplacement? Zeros(ParsedArgs args) => (args.Get("zeros") ?? "none").ToLowerInvariant() switch
    {
        "none" => null,
        "multiplicative" => new MultiplicativeReplacement(),
        "bayes" => new BayesianMultiplicativeReplacement(),
        var z => throw new UsageException($"--zeros must be none, multiplicative or bayes, not '{z}'."),
    };

    /// <summary>Runs an estimator, reporting data it cannot analyse as a data error about the file.</summary>
    private static T OnData<T>(SharedOptions shared, Func<T> estimate)
    {
        try
        {
            return estimate();
        }
        catch (ArgumentException e) when (e is not DataFormatException)
        {
            // The data cannot be analysed as given: say so about the file, without .NET's "(Parameter ...)" suffix.
            throw new DataFormatException(e.Message.Split(" (Parameter")[0], shared.Data);
        }
    }

    private static int Biplot(ParsedArgs args, CliConsole console)
    {
        var shared = SharedOptions.From(args);
        var parts = args.GetList("parts");
        var zeros = Zeros(args);
        var scaling = (args.Get("type") ?? "form").ToLowerInvariant() switch
        {
            "form" => BiplotScaling.Form,
            "covariance" => BiplotScaling.Covariance,
            var t => throw new UsageException($"--type must be form or covariance, not '{t}'."),
        };
        args.RejectUnknown();
        var composition = Composition.Load(shared.Data!, parts.Length > 0 ? parts : null, zeros);
        var result = OnData(shared, () => new ClrPca { Scaling = scaling }.Fit(composition));
        shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml, result.PlotBiplot);
        return 0;
    }

    private static int Pcor(ParsedArgs args, CliConsole console)
    {
        var shared = SharedOptions.From(args);
        var parts = args.GetList("parts");
        var zeros = Zeros(args);
        var adjustment = (args.Get("adjust") ?? "bh").ToLowerInvariant() switch
        {
            "bh" => PValueAdjustment.BenjaminiHochberg,
            "holm" => PValueAdjustment.Holm,
            "none" => PValueAdjustment.None,
            var a => throw new UsageException($"--adjust must be bh, holm or none, not '{a}'."),
        };
        double level = args.GetDouble("level", 0.95);
        if (!(level > 0 && level < 1)) throw new UsageException($"--level must lie in (0, 1), not {level.ToString(CultureInfo.InvariantCulture)}.");
        var plotKind = (args.Get("plot-kind") ?? "heatmap").ToLowerInvariant();
        if (plotKind is not ("heatmap" or "network")) throw new UsageException($"--plot-kind must be heatmap or network, not '{plotKind}'.");
        bool shrink = args.Has("shrink");
        args.RejectUnknown();

        var composition = Composition.Load(shared.Data!, parts.Length > 0 ? parts : null, zeros);
        var result = OnData(shared, () => new PartialCorrelations
        {
            Covariance = shrink ? CompositionalCovariance.BasisShrinkage : CompositionalCovariance.Sample,
            Adjustment = adjustment,
            Level = level,
        }.Estimate(composition));
        shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml,
            () => plotKind == "network" ? result.PlotNetwork() : result.PlotHeatmap());
        return 0;
    }
}
