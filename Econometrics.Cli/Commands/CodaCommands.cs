using System.CommandLine;
using Econometrics.Compositional;
using Econometrics.Data;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ coda pcor</c>: log-ratio partial correlations between the parts of a composition (Erb 2020).</summary>
public static class CodaCommands
{
    private enum Zeros { None, Multiplicative, Bayes }

    private enum PlotKind { Heatmap, Network }

    /// <summary>The <c>coda</c> command group.</summary>
    public static Command Group() => new CommandGroup("coda", "compositional data: log-ratio partial correlations (coda pcor)") { new PcorCommand() };

    private sealed class PcorCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly Option<string[]> _parts;
        private readonly ChoiceOption<Zeros> _zeros;
        private readonly Option<bool> _shrink;
        private readonly ChoiceOption<PValueAdjustment> _adjust;
        private readonly Option<double> _level;
        private readonly ChoiceOption<PlotKind> _plotKind;

        public PcorCommand() : base("pcor", "log-ratio partial correlations between the parts of a composition",
            "econ coda pcor --data data/coda/arctic_lake.csv --parts sand,silt,clay --plot pcor.svg")
        {
            _shared = new SharedOptions(this);
            _parts = Declare(Opt.List("--parts", "a,b,c", "the part columns (default: every column)"));
            _zeros = Declare(Opt.Choice("--zeros", "zeros: none (an error), multiplicative (delta = 1/D^2), bayes (GBM prior, as zCompositions::cmultRepl)",
                Zeros.None, ("none", Zeros.None), ("multiplicative", Zeros.Multiplicative), ("bayes", Zeros.Bayes)));
            _shrink = Declare(Opt.Flag("--shrink", "basis shrinkage (Schafer-Strimmer on log-proportions; for p > n; no p-values)"), "Covariance");
            _adjust = Declare(Opt.Choice("--adjust", "multiple-testing adjustment over the pairs", PValueAdjustment.BenjaminiHochberg,
                ("bh", PValueAdjustment.BenjaminiHochberg), ("holm", PValueAdjustment.Holm), ("none", PValueAdjustment.None)), "Adjustment");
            _level = Declare(Opt.Double("--level", "L", "confidence level of the Fisher-z intervals", 0.95, Bounds.Open(0, 1)), "Level");
            _plotKind = Declare(Opt.Choice("--plot-kind", "what --plot draws: clustered heatmap, or network of pairs with adjusted p < 0.05",
                PlotKind.Heatmap, ("heatmap", PlotKind.Heatmap), ("network", PlotKind.Network)));
        }

        public override int Execute(CommandRun run)
        {
            var data = _shared.DataPath(run)!;
            var parts = run.Get(_parts);
            ZeroReplacement? zeros = run.Get(_zeros) switch
            {
                Zeros.Multiplicative => new MultiplicativeReplacement(),
                Zeros.Bayes => new BayesianMultiplicativeReplacement(),
                _ => null,
            };
            var composition = Composition.Load(data, parts.Length > 0 ? parts : null, zeros);
            PartialCorrelationResult result;
            try
            {
                result = new PartialCorrelations
                {
                    Covariance = run.Get(_shrink) ? CompositionalCovariance.BasisShrinkage : CompositionalCovariance.Sample,
                    Adjustment = run.Get(_adjust),
                    Level = run.Get(_level),
                }.Estimate(composition);
            }
            catch (ArgumentException e) when (e is not DataFormatException)
            {
                // The data cannot be analysed as given: say so about the file.
                throw new DataFormatException(e.Message, data);
            }
            var kind = run.Get(_plotKind);
            _shared.Emit(run, "Log-ratio partial correlations", result.ToString(), result.ToJson, result.ToHtml,
                () => kind == PlotKind.Network ? result.PlotNetwork() : result.PlotHeatmap());
            return 0;
        }
    }
}
