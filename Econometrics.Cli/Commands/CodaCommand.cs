using System.Globalization;
using Econometrics.Compositional;
using Econometrics.Data;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ coda pcor|rho|biplot</c>: log-ratio partial correlations (Erb 2020), proportionality with a
/// permutation FDR (propr's updateCutoffs), and the clr-PCA biplot.</summary>
public sealed class CodaCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "coda";

    /// <inheritdoc/>
    public string Description => "compositional data: partial correlations (coda pcor), proportionality (coda rho), clr biplot (coda biplot)";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["shrink"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ coda pcor --data FILE.csv [--parts a,b,c] [--zeros none|multiplicative|bayes] [--shrink]
                              [--adjust bh|holm|none] [--level 0.95] [--plot-kind heatmap|network] [options]
                              [--fdr-permutations P [--fdr-cutoffs K] [--fdr-tails right|both]]
               econ coda rho --data FILE.csv [--parts a,b,c] [--zeros ...] [--fdr-permutations P ...] [options]
               econ coda biplot --data FILE.csv [--parts a,b,c] [--zeros ...] [--type form|covariance] [options]

          --parts a,b,c        the part columns (default: every column)
          --zeros METHOD       none (zeros are an error; default), multiplicative (delta = 1/D^2),
                               bayes (Bayesian-multiplicative, GBM prior, as zCompositions::cmultRepl)
          --shrink             basis shrinkage (Schafer-Strimmer on log-proportions; for p > n; no p-values)
          --adjust METHOD      multiple-testing adjustment over the pairs (default bh)
          --level L            confidence level of the Fisher-z intervals (default 0.95)
          --plot-kind KIND     what --plot draws: heatmap (clustered, default) or network (adjusted p < 0.05)
          --fdr-permutations P permutation FDR at K cutoffs as propr::updateCutoffs: columns shuffled
                               independently P times (seeded by --seed); adds the 'fdr' table
          --fdr-cutoffs K      number of quantile cutoffs (default 100)
          --fdr-tails T        right (positive association; default) or both (|value|)
          --type TYPE          biplot: form (rows = PC scores, columns = loadings; default) or covariance
                               (columns approximate the clr covariance; links approximate log-ratio SDs)

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        if (args.Positionals.Count != 1 || args.Positionals[0] is not ("pcor" or "rho" or "biplot"))
            throw new UsageException(args.Positionals.Count == 0
                ? "econ coda needs a subcommand: pcor, rho or biplot."
                : $"Unknown coda subcommand '{string.Join(" ", args.Positionals)}'; the subcommands are pcor, rho and biplot.");
        return args.Positionals[0] switch
        {
            "biplot" => Biplot(args, console),
            "rho" => Rho(args, console),
            _ => Pcor(args, console),
        };
    }

    /// <summary>The permutation FDR settings, or null without <c>--fdr-permutations</c>.</summary>
    private static PermutationFdr? Fdr(ParsedArgs args, int seed)
    {
        var p = args.Get("fdr-permutations");
        int k = args.GetInt("fdr-cutoffs", 100);
        var tails = (args.Get("fdr-tails") ?? "right").ToLowerInvariant() switch
        {
            "right" => FdrTails.Right,
            "both" => FdrTails.Both,
            var t => throw new UsageException($"--fdr-tails must be right or both, not '{t}'."),
        };
        if (p is null)
        {
            if (args.Get("fdr-cutoffs") is not null || args.Get("fdr-tails") is not null)
                throw new UsageException("--fdr-cutoffs and --fdr-tails need --fdr-permutations.");
            return null;
        }
        if (!int.TryParse(p, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out int permutations) || permutations < 1)
            throw new UsageException($"--fdr-permutations must be a positive whole number, not '{p}'.");
        if (k < 1) throw new UsageException($"--fdr-cutoffs must be at least 1, not {k.ToString(CultureInfo.InvariantCulture)}.");
        return new PermutationFdr { Permutations = permutations, NumberOfCutoffs = k, Tails = tails, Seed = seed };
    }

    private static int Rho(ParsedArgs args, CliConsole console)
    {
        var shared = SharedOptions.From(args);
        var parts = args.GetList("parts");
        var zeros = Zeros(args);
        var fdr = Fdr(args, shared.Seed);
        args.RejectUnknown();
        var composition = Composition.Load(shared.Data!, parts.Length > 0 ? parts : null, zeros);
        var result = OnData(shared, () => new Proportionality().Estimate(composition));
        if (fdr is not null)
        {
            var table = OnData(shared, () => fdr.Estimate(composition, new StderrProgress(console.Error, "fdr"), console.Cancellation));
            console.Error.WriteLine();
            result = result with { Fdr = table };
        }
        shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml, result.PlotHeatmap);
        return 0;
    }

    /// <summary>A progress line on stderr.</summary>
    private sealed class StderrProgress(TextWriter error, string label) : IProgress<double>
    {
        private readonly Lock _gate = new();
        private int _shown = -1;

        public void Report(double value)
        {
            // Reports arrive from worker threads, one per permutation: print each whole percent once.
            int percent = (int)Math.Floor(100 * value);
            lock (_gate)
            {
                if (percent <= _shown) return;
                _shown = percent;
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{label}] {percent}%   "));
            }
        }
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
        var fdr = Fdr(args, shared.Seed);
        args.RejectUnknown();

        var composition = Composition.Load(shared.Data!, parts.Length > 0 ? parts : null, zeros);
        var options = new PartialCorrelations
        {
            Covariance = shrink ? CompositionalCovariance.BasisShrinkage : CompositionalCovariance.Sample,
            Adjustment = adjustment,
            Level = level,
        };
        var result = OnData(shared, () => options.Estimate(composition));
        if (fdr is not null)
        {
            var table = OnData(shared, () => (fdr with { Metric = PairwiseMetric.PartialCorrelation, PartialCorrelations = options })
                .Estimate(composition, new StderrProgress(console.Error, "fdr"), console.Cancellation));
            console.Error.WriteLine();
            result = result with { Fdr = table };
        }
        shared.Emit(console, result.ToString(), result.ToJson, result.ToHtml,
            () => plotKind == "network" ? result.PlotNetwork() : result.PlotHeatmap());
        return 0;
    }
}
