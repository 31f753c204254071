using System.Globalization;
using Econometrics.Compositional;
using Econometrics.Data;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ coda pcor</c>: log-ratio partial correlations between the parts of a composition (Erb 2020).</summary>
public sealed class CodaCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "coda";

    /// <inheritdoc/>
    public string Description => "compositional data: log-ratio partial correlations (coda pcor)";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["shrink"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ coda pcor --data FILE.csv [--parts a,b,c] [--zeros none|multiplicative|bayes] [--shrink]
                              [--adjust bh|holm|none] [--level 0.95] [--plot-kind heatmap|network] [options]

          --parts a,b,c        the part columns (default: every column)
          --zeros METHOD       none (zeros are an error; default), multiplicative (delta = 1/D^2),
                               bayes (Bayesian-multiplicative, GBM prior, as zCompositions::cmultRepl)
          --shrink             basis shrinkage (Schafer-Strimmer on log-proportions; for p > n; no p-values)
          --adjust METHOD      multiple-testing adjustment over the pairs (default bh)
          --level L            confidence level of the Fisher-z intervals (default 0.95)
          --plot-kind KIND     what --plot draws: heatmap (clustered, default) or network (adjusted p < 0.05)

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        if (args.Positionals.Count != 1 || args.Positionals[0] != "pcor")
            throw new UsageException(args.Positionals.Count == 0
                ? "econ coda needs a subcommand: pcor."
                : $"Unknown coda subcommand '{string.Join(" ", args.Positionals)}'; the only one is pcor.");
        var shared = SharedOptions.From(args);
        var parts = args.GetList("parts");
        ZeroReplacement? zeros = (args.Get("zeros") ?? "none").ToLowerInvariant() switch
        {
            "none" => null,
            "multiplicative" => new MultiplicativeReplacement(),
            "bayes" => new BayesianMultiplicativeReplacement(),
            var z => throw new UsageException($"--zeros must be none, multiplicative or bayes, not '{z}'."),
        };
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
        PartialCorrelationResult result;
        try
        {
            result = new PartialCorrelations
            {
                Covariance = shrink ? CompositionalCovariance.BasisShrinkage : CompositionalCovariance.Sample,
                Adjustment = adjustment,
                Level = level,
            }.Estimate(composition);
        }
        catch (ArgumentException e) when (e is not DataFormatException)
        {
            // The data cannot be analysed as given: say so about the file, without .NET's "(Parameter ...)" suffix.
            throw new DataFormatException(e.Message.Split(" (Parameter")[0], shared.Data);
        }
        shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml,
            () => plotKind == "network" ? result.PlotNetwork() : result.PlotHeatmap());
        return 0;
    }
}
