using System.CommandLine;
using Econometrics.Compositional;
using Econometrics.Data;

namespace Econometrics.Cli.Commands;

/// <summary>
/// <c>econ coda pcor|rho|biplot</c>: log-ratio partial correlations (Erb 2020), proportionality, and the clr-PCA biplot.
/// </summary>
public static class CodaCommands
{
    private enum Zeros { None, Multiplicative, Bayes }

    private enum PlotKind { Heatmap, Network }

    /// <summary>The <c>coda</c> command group.</summary>
    public static Command Group() =>
        new CommandGroup("coda", "compositional data: partial correlations (coda pcor), proportionality (coda rho), clr biplot (coda biplot)")
        {
            new PcorCommand(), new RhoCommand(), new BiplotCommand(),
        };

    /// <summary>The permutation-FDR options (propr::updateCutoffs): <c>--fdr-permutations</c>, <c>--fdr-cutoffs</c>, <c>--fdr-tails</c>.</summary>
    private sealed class FdrOptions
    {
        private readonly Option<int?> _permutations;
        private readonly Option<int> _cutoffs;
        private readonly ChoiceOption<FdrTails> _tails;
        private readonly Option<Econometrics.Inference.Shard> _shard;
        private readonly Option<string[]> _merge;

        public FdrOptions(EconCommand command)
        {
            _permutations = command.Declare(Opt.OptionalInt("--fdr-permutations", "P",
                "permutation FDR as propr::updateCutoffs: columns shuffled independently P times (seeded by --seed); adds the 'fdr' table", min: 1),
                "Permutations");
            _cutoffs = command.Declare(Opt.Int("--fdr-cutoffs", "K", "number of quantile cutoffs for the FDR", 100, min: 1), "NumberOfCutoffs");
            _tails = command.Declare(Opt.Choice("--fdr-tails", "right (positive association) or both (|value|)", FdrTails.Right,
                ("right", FdrTails.Right), ("both", FdrTails.Both)), "Tails");
            _shard = command.Declare(Opt.Shard("FDR permutations"), "Shard");
            _merge = command.Declare(Opt.List("--merge", "S0.json,S1.json",
                "merge FDR shards: recompute the measure and take the permutation counts from these --json files of every --shard"), "Shards");
        }

        public PermutationFdr? Get(CommandRun run, int seed)
        {
            if (run.Get(_permutations) is not { } permutations)
            {
                if (run.Given(_cutoffs) || run.Given(_tails)) throw new UsageException("--fdr-cutoffs and --fdr-tails need --fdr-permutations.");
                if (run.Given(_shard) || run.Given(_merge))
                    throw new UsageException("--shard and --merge split the FDR permutations: they need --fdr-permutations.");
                return null;
            }
            var (shard, merge) = ShardInput.Get(run, _shard, _merge);
            return new PermutationFdr
            {
                Permutations = permutations, NumberOfCutoffs = run.Get(_cutoffs), Tails = run.Get(_tails), Seed = seed, Shard = shard,
                Shards = ShardInput.ReadAll(merge),
            };
        }
    }

    private sealed class RhoCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly CompositionOptions _composition;
        private readonly FdrOptions _fdr;

        public RhoCommand() : base("rho", "proportionality rho between the parts of a composition (propr), with an optional permutation FDR",
            "econ coda rho --data data/coda/arctic_lake.csv --parts sand,silt,clay --fdr-permutations 100")
        {
            _shared = new SharedOptions(this, seed: true);
            _composition = new CompositionOptions(this);
            _fdr = new FdrOptions(this);
        }

        public override int Execute(CommandRun run)
        {
            var data = _shared.DataPath(run)!;
            var fdr = _fdr.Get(run, _shared.SeedValue(run));
            var composition = _composition.Load(run, data);
            var result = OnData(data, () => new Proportionality().Estimate(composition));
            if (fdr is not null)
                result = result with { Fdr = OnData(data, () => fdr.Estimate(composition, run.Progress.Fraction("fdr"), run.Cancellation)) };
            _shared.Emit(run, "Proportionality", result.ToString(), result.ToJson, result.ToHtml, result.PlotHeatmap);
            return 0;
        }
    }

    /// <summary>Runs an estimator, reporting data it cannot analyse as a data error about the file.</summary>
    private static T OnData<T>(string data, Func<T> estimate)
    {
        try
        {
            return estimate();
        }
        catch (ArgumentException e) when (e is not DataFormatException)
        {
            throw new DataFormatException(e.Message, data);
        }
    }

    /// <summary>The composition options both subcommands share: <c>--parts</c> and <c>--zeros</c>.</summary>
    private sealed class CompositionOptions
    {
        private readonly Option<string[]> _parts;
        private readonly ChoiceOption<Zeros> _zeros;

        public CompositionOptions(EconCommand command)
        {
            _parts = command.Declare(Opt.List("--parts", "a,b,c", "the part columns (default: every column)"));
            _zeros = command.Declare(Opt.Choice("--zeros",
                "zeros: none (an error), multiplicative (delta = 1/D^2), bayes (GBM prior, as zCompositions::cmultRepl)",
                Zeros.None, ("none", Zeros.None), ("multiplicative", Zeros.Multiplicative), ("bayes", Zeros.Bayes)));
        }

        public Composition Load(CommandRun run, string data)
        {
            var parts = run.Get(_parts);
            ZeroReplacement? zeros = run.Get(_zeros) switch
            {
                Zeros.Multiplicative => new MultiplicativeReplacement(),
                Zeros.Bayes => new BayesianMultiplicativeReplacement(),
                _ => null,
            };
            return Composition.Load(data, parts.Length > 0 ? parts : null, zeros);
        }
    }

    private sealed class PcorCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly CompositionOptions _composition;
        private readonly Option<bool> _shrink;
        private readonly ChoiceOption<PValueAdjustment> _adjust;
        private readonly Option<double> _level;
        private readonly ChoiceOption<PlotKind> _plotKind;
        private readonly FdrOptions _fdr;

        public PcorCommand() : base("pcor", "log-ratio partial correlations between the parts of a composition",
            "econ coda pcor --data data/coda/arctic_lake.csv --parts sand,silt,clay --plot pcor.svg")
        {
            _shared = new SharedOptions(this, seed: true);
            _composition = new CompositionOptions(this);
            _shrink = Declare(Opt.Flag("--shrink", "basis shrinkage (Schafer-Strimmer on log-proportions; for p > n; no p-values)"), "Covariance");
            _adjust = Declare(Opt.Choice("--adjust", "multiple-testing adjustment over the pairs", PValueAdjustment.BenjaminiHochberg,
                ("bh", PValueAdjustment.BenjaminiHochberg), ("holm", PValueAdjustment.Holm), ("none", PValueAdjustment.None)), "Adjustment");
            _level = Declare(Opt.Double("--level", "L", "confidence level of the Fisher-z intervals", 0.95, Bounds.Open(0, 1)), "Level");
            _plotKind = Declare(Opt.Choice("--plot-kind", "what --plot draws: clustered heatmap, or network of pairs with adjusted p < 0.05",
                PlotKind.Heatmap, ("heatmap", PlotKind.Heatmap), ("network", PlotKind.Network)));
            _fdr = new FdrOptions(this);
        }

        public override int Execute(CommandRun run)
        {
            var data = _shared.DataPath(run)!;
            var fdr = _fdr.Get(run, _shared.SeedValue(run));
            var composition = _composition.Load(run, data);
            var options = new PartialCorrelations
            {
                Covariance = run.Get(_shrink) ? CompositionalCovariance.BasisShrinkage : CompositionalCovariance.Sample,
                Adjustment = run.Get(_adjust),
                Level = run.Get(_level),
            };
            var result = OnData(data, () => options.Estimate(composition));
            if (fdr is not null)
            {
                var table = OnData(data, () => (fdr with { Metric = PairwiseMetric.PartialCorrelation, PartialCorrelations = options })
                    .Estimate(composition, run.Progress.Fraction("fdr"), run.Cancellation));
                result = result with { Fdr = table };
            }
            var kind = run.Get(_plotKind);
            _shared.Emit(run, "Log-ratio partial correlations", result.ToString(), result.ToJson, result.ToHtml,
                () => kind == PlotKind.Network ? result.PlotNetwork() : result.PlotHeatmap());
            return 0;
        }
    }

    private sealed class BiplotCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly CompositionOptions _composition;
        private readonly ChoiceOption<BiplotScaling> _type;

        public BiplotCommand() : base("biplot", "clr-PCA biplot of a composition (Aitchison and Greenacre 2002)",
            "econ coda biplot --data data/coda/arctic_lake.csv --parts sand,silt,clay --plot biplot.svg")
        {
            _shared = new SharedOptions(this);
            _composition = new CompositionOptions(this);
            _type = Declare(Opt.Choice("--type", "form: rows are PC scores, columns loadings; covariance: columns approximate the clr covariance",
                BiplotScaling.Form, ("form", BiplotScaling.Form), ("covariance", BiplotScaling.Covariance)), "Scaling");
        }

        public override int Execute(CommandRun run)
        {
            var data = _shared.DataPath(run)!;
            var composition = _composition.Load(run, data);
            var result = OnData(data, () => new ClrPca { Scaling = run.Get(_type) }.Fit(composition));
            _shared.Emit(run, "clr biplot", result.ToString(), result.ToJson, result.ToHtml, result.PlotBiplot);
            return 0;
        }
    }
}
