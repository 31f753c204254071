using System.CommandLine;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;
using Econometrics.Sem.Identification;
using Econometrics.Sem.Relations;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ sem</c>: linear SEMs on mixed graphs (covariance, identifiability, relations) and lavaan-syntax ML fitting.</summary>
public static class SemCommands
{
    private const string GraphHelp =
        "the graph JSON: {\"nodes\": [...], \"directed\": [{\"from\", \"to\", \"weight\"}], \"bidirected\": [{\"a\", \"b\", \"weight\"}], " +
            "\"variances\": {...}}";

    /// <summary>The <c>sem</c> command group.</summary>
    public static Command Group() => new CommandGroup("sem", "linear SEMs: covariance, identifiability, relations of a mixed graph; ML fit of lavaan syntax")
    {
        new CovarianceCommand(), new IdentifyCommand(), new RelationsCommand(), new FitCommand(),
    };

    private sealed class CovarianceCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly Option<string?> _graph;
        private readonly ChoiceOption<string> _method;
        private readonly Option<bool> _symbolic;

        public CovarianceCommand() : base("covariance", "the implied covariance of a weighted mixed graph (numeric or symbolic); --plot draws the path diagram",
            "econ sem covariance --graph data/sem/instrument.json --method all --symbolic")
        {
            _shared = new SharedOptions(this, DataOption.None);
            _graph = Declare(Opt.InputFile("--graph", "G.json", GraphHelp + " (weights and variances are needed)", required: true));
            _method = Declare(Opt.Choice("--method", "how to compute it", "inversion",
                ("inversion", "inversion"), ("one-connection", "one-connection"), ("trek", "trek"), ("all", "all")));
            _symbolic = Declare(Opt.Flag("--symbolic", "also give the covariance as polynomials in the edge weights"));
        }

        public override int Execute(CommandRun run)
        {
            var sem = LinearSem.FromJson(File.ReadAllText(run.Get(_graph)!));
            var r = CovarianceResult.Compute(sem, run.Get(_method), run.Get(_symbolic));
            _shared.Emit(run, "Implied covariance", r.ToString(), r.ToJson, r.ToHtml, sem.PlotPathDiagram);
            return 0;
        }
    }

    private sealed class IdentifyCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly Option<string?> _graph;

        public IdentifyCommand() : base("identify", "generic identifiability of a mixed graph's edges (half-trek criterion, Jacobian rank)",
            "econ sem identify --graph data/sem/instrument.json")
        {
            _shared = new SharedOptions(this, DataOption.None, plot: false, seed: true);
            _graph = Declare(Opt.InputFile("--graph", "G.json", GraphHelp, required: true));
        }

        public override int Execute(CommandRun run)
        {
            var graph = MixedGraph.FromJson(File.ReadAllText(run.Get(_graph)!));
            var r = new SemIdentification { Seed = _shared.SeedValue(run) }.Test(graph);
            _shared.Emit(run, "Identification", r.ToString(), r.ToJson, r.ToHtml);
            return 0;
        }
    }

    private sealed class RelationsCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly Option<string?> _graph;
        private readonly Option<int> _degree;
        private readonly Option<string[]> _observed;

        public RelationsCommand() : base("relations", "polynomial relations (e.g. Verma constraints) among the observed covariances",
            "econ sem relations --graph data/sem/instrument.json --degree 2")
        {
            _shared = new SharedOptions(this, DataOption.None, plot: false, seed: true);
            _graph = Declare(Opt.InputFile("--graph", "G.json", GraphHelp, required: true));
            _degree = Declare(Opt.Int("--degree", "D", "largest degree searched", 2, min: 1), "MaxDegree");
            _observed = Declare(Opt.List("--observed", "a,b,c", "the observed nodes (default: every node)"), "Observed");
        }

        public override int Execute(CommandRun run)
        {
            var graph = MixedGraph.FromJson(File.ReadAllText(run.Get(_graph)!));
            var observed = run.Get(_observed);
            var r = new RelationSearch { MaxDegree = run.Get(_degree), Seed = _shared.SeedValue(run), Observed = observed.Length > 0 ? observed : null }
                .Estimate(graph, run.Cancellation);
            _shared.Emit(run, "Covariance relations", r.ToString(), r.ToJson, r.ToHtml);
            return 0;
        }
    }

    private sealed class FitCommand : EconCommand
    {
        private readonly SharedOptions _shared;
        private readonly Option<string?> _model, _cov, _residuals;
        private readonly Option<int?> _nobs;
        private readonly Option<bool> _force, _modindices, _invariance;
        private readonly Option<string?> _group;
        private readonly Option<string[]> _groupEqual, _groupPartial;
        private readonly ChoiceOption<SemEstimation> _estimator;
        private readonly ChoiceOption<SemStandardErrors> _se;
        private readonly ChoiceOption<SemMissing> _missing;
        private readonly Option<int> _bootstrap;
        private readonly Option<Econometrics.Inference.Shard> _shard;
        private readonly Option<string[]> _merge;

        public FitCommand() : base("fit", "maximum-likelihood fit of a lavaan-syntax model to data or a covariance matrix",
            "econ sem fit --model data/sem/political_democracy.lav --data data/sem/PoliticalDemocracy.csv")
        {
            _shared = new SharedOptions(this, DataOption.Optional, seed: true);
            _model = Declare(Opt.InputFile("--model", "M.lav", "the model in lavaan syntax", required: true));
            _cov = Declare(Opt.InputFile("--cov", "C.csv", "a covariance matrix instead of --data (header row of names, square)"));
            _nobs = Declare(Opt.OptionalInt("--nobs", "N", "the sample size behind --cov", min: 2));
            _force = Declare(Opt.Flag("--force", "fit even when the model is not identified (estimates are then arbitrary)"), "ForceFit");
            _estimator = Declare(Opt.Choice("--estimator", "ml; mlm: robust SEs and the Satorra-Bentler scaled test; mlr: Huber-White SEs and the " +
                "Yuan-Bentler scaled test (robust ones need --data)", SemEstimation.Ml,
                ("ml", SemEstimation.Ml), ("mlm", SemEstimation.Mlm), ("mlr", SemEstimation.Mlr)), "Estimation");
            _se = Declare(Opt.Choice("--se", "standard (the estimator's own), or bootstrap: case-resampling SEs and 95% percentile intervals, " +
                "seeded by --seed (needs --data)", SemStandardErrors.Standard, ("standard", SemStandardErrors.Standard),
                ("bootstrap", SemStandardErrors.Bootstrap)), "StandardErrors");
            _bootstrap = Declare(Opt.Int("--bootstrap", "B", "bootstrap replicates for --se bootstrap", 1000, min: 2), "BootstrapReplicates");
            _shard = Declare(Opt.Shard("bootstrap replicates"), "BootstrapShard");
            _merge = Declare(Opt.List("--merge", "S0.json,S1.json",
                "merge bootstrap shards: refit the model and take the replicate estimates from these --json files of every --shard"),
                "BootstrapShards");
            _missing = Declare(Opt.Choice("--missing", "listwise: drop rows with a missing model variable; ml: full-information ML (every row's " +
                "observed values; needs --data)", SemMissing.Listwise, ("listwise", SemMissing.Listwise), ("ml", SemMissing.Ml)), "Missing");
            _modindices = Declare(Opt.Flag("--modindices", "modification indices with EPC and sepc.all, sorted (lavaan's modindices)"), "ModificationIndices");
            _group = Declare(Opt.Column("--group", "a multiple-group model: the column whose values define the groups (numbered in order of first " +
                "appearance)", required: false), "Group");
            _groupEqual = Declare(Opt.ChoiceList("--group-equal", "parameters held equal across groups (lavaan's group.equal)", [],
                SemEstimator.GroupEqualLevels.Select(l => (l, l)).ToArray()), "GroupEqual");
            _groupPartial = Declare(Opt.List("--group-partial", "\"x1 ~ 1,visual =~ x2\"", "parameters exempt from --group-equal " +
                "(lavaan's group.partial)"), "GroupPartial");
            _invariance = Declare(Opt.Flag("--invariance", "the measurement-invariance sequence across --group: configural, metric, scalar, " +
                "strict, with chi-square difference tests and changes in CFI and RMSEA"));
            _residuals = Declare(Opt.OutputFile("--residuals", "OUT.png|svg", "write the residual-correlation heatmap", false, ".png", ".svg"));
        }

        public override int Execute(CommandRun run)
        {
            var cov = run.Get(_cov);
            var data = _shared.DataPath(run);
            if (cov is not null && data is not null) throw new UsageException("Give either --data or --cov, not both.");
            if (cov is null && data is null) throw new UsageException("econ sem fit needs --data FILE.csv or --cov FILE.csv --nobs N.");
            if (cov is not null && run.Get(_nobs) is null) throw new UsageException("--cov needs --nobs N (the sample size).");
            if (cov is null && run.Get(_nobs) is not null) throw new UsageException("--nobs applies to --cov; with --data the sample size is the " +
                "number of rows.");
            var estimator = new SemEstimator(File.ReadAllText(run.Get(_model)!))
            {
                ForceFit = run.Get(_force), ModificationIndices = run.Get(_modindices),
                Estimation = run.Get(_estimator), Seed = _shared.SeedValue(run), StandardErrors = run.Get(_se),
                BootstrapReplicates = run.Get(_bootstrap), Group = run.Get(_group), GroupEqual = run.Get(_groupEqual),
                GroupPartial = run.Get(_groupPartial), Missing = run.Get(_missing),
            };
            if (cov is not null && estimator.Missing == SemMissing.Ml) throw new UsageException("--missing ml needs --data (raw rows), not --cov.");
            var (shard, merge) = ShardInput.Get(run, _shard, _merge);
            if ((merge.Length > 0 || run.Given(_shard)) && estimator.StandardErrors != SemStandardErrors.Bootstrap)
                throw new UsageException("--shard and --merge split the bootstrap: they need --se bootstrap.");
            estimator = estimator with { BootstrapShard = shard, BootstrapShards = ShardInput.ReadAll(merge) };
            if (estimator.Group is null && (run.Given(_groupEqual) || run.Given(_groupPartial) || run.Get(_invariance)))
                throw new UsageException($"{(run.Get(_invariance) ? "--invariance" : run.Given(_groupEqual) ? "--group-equal" : "--group-partial")} " +
                    "needs --group COL.");
            if (run.Get(_invariance))
            {
                if (run.Given(_groupEqual)) throw new UsageException("--invariance sets the equality constraints itself; drop --group-equal.");
                if (cov is not null) throw new UsageException("--invariance needs --data with the --group column, not --cov.");
                if (run.Get(_residuals) is not null) throw new UsageException("--residuals applies to a single fit, not to --invariance.");
                var sequence = new MeasurementInvariance(estimator).Test(CsvFrame.Load(data!));
                _shared.Emit(run, "SEM measurement invariance", sequence.ToString(), sequence.ToJson, sequence.ToHtml, sequence.Fits[0].PlotPathDiagram);
                return 0;
            }
            if (estimator.StandardErrors != SemStandardErrors.Bootstrap && run.Given(_bootstrap))
                throw new UsageException("--bootstrap applies to --se bootstrap.");
            SemFit fit;
            if (cov is not null)
            {
                var (matrix, names) = ReadCovariance(cov);
                fit = estimator.Fit(matrix, names, run.Get(_nobs)!.Value);
            }
            else
            {
                var progress = estimator.StandardErrors == SemStandardErrors.Bootstrap ? run.Progress.Fraction("bootstrap") : null;
                fit = estimator.Fit(CsvFrame.Load(data!), progress, run.Cancellation);
            }
            _shared.Emit(run, "SEM fit", fit.ToString(), fit.ToJson, fit.ToHtml, fit.PlotPathDiagram);
            if (run.Get(_residuals) is { } residuals)
            {
                var heatmap = fit.PlotResidualCorrelations();
                run.Outputs.Write(residuals, staged => Reporting.Figures.SaveFigure(heatmap, staged));
            }
            return 0;
        }

        private static (Matrix<double>, string[]) ReadCovariance(string path)
        {
            var data = DataColumns.Load(path);
            var names = data.Names.ToArray();
            if (data.RowCount != names.Length)
                throw new DataFormatException($"The covariance file must be square: {names.Length} columns but {data.RowCount} rows.", path);
            var m = Matrix<double>.Build.Dense(names.Length, names.Length);
            for (int j = 0; j < names.Length; j++)
            {
                var col = data.Numbers(names[j], $"column '{names[j]}' of the covariance file must be numeric");
                for (int i = 0; i < names.Length; i++)
                {
                    if (!double.IsFinite(col[i])) throw new DataFormatException($"Missing or non-finite covariance in row {i + 1}.", path, data.Line(i),
                        names[j]);
                    m[i, j] = col[i];
                }
            }
            return (m, names);
        }
    }
}
