using System.Globalization;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Simulation;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ cd-mc</c>: size/power tables of the CD family by simulation; shardable, with a merge step.</summary>
public sealed class CdMonteCarloCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "cd-mc";

    /// <inheritdoc/>
    public string Description => "Monte Carlo size/power of CD, CD_W, CD_W+, CD* (shardable: --shard i/n, then merge)";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["regressor", "homoskedastic"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ cd-mc [--n 50,100] [--t 50,100] [--reps 500] [--seed S] [design options] [--shard i/n] [--json OUT]
               econ cd-mc merge SHARD1.json SHARD2.json ... [--json OUT]

          --n LIST, --t LIST   the grid (default 100 and 100)
          --reps R             replications per cell (default 500)
          --factors M          latent factors in the DGP, also removed by the tests (default 1)
          --remove M           factors the tests remove, if different from --factors
          --strength A         factor strength alpha in (0, 1] (default 1)
          --errors E           gaussian | chi2 | t (default gaussian)
          --homoskedastic      sigma_i = 1 (default heteroskedastic)
          --ar RHO             AR(1) errors (default 0)
          --delta D            spatial dependence on a circular network (default 0: the null)
          --neighbours H       neighbours on each side of the network (default 1)
          --regressor          add a regressor loading on the factors; test --model's residuals
          --model M            ccemg | ccep | pc | fe | twfe | pooled (default ccemg)
          --draws G            CD_W draws (default 30)
          --threads K          parallel replications (default all cores; results do not depend on it)
          --shard i/n|auto     run shard i (0-based) of n, or take it from a Slurm job array
                               (auto) or a Kubernetes Indexed Job (auto/n); merge the JSON files afterwards
          --json OUT           write the counts (needed for merge)
          --seed S             study seed (default 20260101)

        """;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        if (args.Positionals.FirstOrDefault() == "merge") return Merge(args, console);
        if (args.Positionals.Count > 0) throw new UsageException($"Unknown argument '{args.Positionals[0]}'; the only subcommand is 'merge'.");
        var ns = Ints(args, "n", [100]);
        var ts = Ints(args, "t", [100]);
        int m = args.GetInt("factors", 1);
        var errors = (args.Get("errors") ?? "gaussian").ToLowerInvariant() switch
        {
            "gaussian" => ErrorDistribution.Gaussian,
            "chi2" => ErrorDistribution.ChiSquared,
            "t" => ErrorDistribution.StudentT,
            var e => throw new UsageException($"--errors must be gaussian, chi2 or t, not '{e}'."),
        };
        var modelName = args.Get("model") ?? "ccemg";
        var model = modelName.ToLowerInvariant() switch
        {
            "ccemg" => PanelModel.CceMeanGroup,
            "ccep" => PanelModel.CcePooled,
            "pc" => PanelModel.InteractiveEffects,
            "fe" => PanelModel.FixedEffects,
            "twfe" => PanelModel.TwoWayFixedEffects,
            "pooled" => PanelModel.Pooled,
            _ => throw new UsageException($"--model must be ccemg, ccep, pc, fe, twfe or pooled, not '{modelName}'."),
        };
        var (shard, shards) = Shard(args.Get("shard"));
        var study = new CdMonteCarlo
        {
            Dgp = new FactorPanelDgp
            {
                Factors = m, Strength = args.GetDouble("strength", 1), Errors = errors, Heteroskedastic = !args.Has("homoskedastic"),
                SerialCorrelation = args.GetDouble("ar", 0), SpatialDelta = args.GetDouble("delta", 0),
                NetworkNeighbours = args.GetInt("neighbours", 1), IncludeRegressor = args.Has("regressor"),
            },
            Grid = ns.SelectMany(n => ts.Select(t => (n, t))).ToList(),
            Replications = args.GetInt("reps", 500),
            Seed = args.GetInt("seed", SharedOptions.DefaultSeed),
            Factors = args.Get("remove") is null ? null : args.GetInt("remove", m),
            Draws = args.GetInt("draws", 30),
            Model = model,
            MaxDegreeOfParallelism = args.GetInt("threads", Environment.ProcessorCount),
        };
        var json = args.Get("json");
        args.RejectUnknown();
        if (study.MaxDegreeOfParallelism < 1) throw new UsageException("--threads must be at least 1.");
        var progress = new ProgressBar(console.Error);
        var result = study.Simulate(progress, console.Cancellation, shard, shards);
        progress.Finish();
        Emit(console, result, json);
        return 0;
    }

    private static int Merge(ParsedArgs args, CliConsole console)
    {
        var json = args.Get("json");
        args.RejectUnknown();
        var files = args.Positionals.Skip(1).ToList();
        if (files.Count == 0) throw new UsageException("merge needs the shard JSON files.");
        var parts = files.Select(f => File.Exists(f) ? CdMonteCarloResult.FromJson(File.ReadAllText(f))
            : throw new UsageException($"merge: file '{f}' does not exist.")).ToList();
        var merged = CdMonteCarloResult.Merge(parts);
        if (!merged.IsComplete) console.Error.WriteLine($"warning: shards {string.Join(",", merged.Shards)} of {merged.ShardCount} merged; the study is incomplete.");
        Emit(console, merged, json);
        return 0;
    }

    private static void Emit(CliConsole console, CdMonteCarloResult result, string? json)
    {
        if (json != "-") console.Out.Write(result.ToString());
        if (json == "-") console.Out.WriteLine(result.ToJson());
        else if (json is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(json));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.WriteAllText(json, result.ToJson());
        }
    }

    private static int[] Ints(ParsedArgs args, string name, int[] fallback)
    {
        var list = args.GetList(name);
        if (list.Length == 0) return fallback;
        return list.Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 3 ? v
            : throw new UsageException($"--{name} must list integers of at least 3, not '{s}'.")).ToArray();
    }

    // i/n, or auto from a Slurm job array / Kubernetes Indexed Job (Econometrics.Inference.Shard).
    private static (int, int) Shard(string? text)
    {
        if (text is null) return (0, 1);
        try
        {
            var shard = Econometrics.Inference.Shard.Parse(text);
            return (shard.Index, shard.Count);
        }
        catch (ArgumentException e) { throw new UsageException(e.Message.Split(" (Parameter")[0]); }
    }


    private sealed class ProgressBar(TextWriter error) : IProgress<CdMonteCarloProgress>
    {
        private readonly object _gate = new();
        private int _shown = -1;

        public void Report(CdMonteCarloProgress value)
        {
            int pct = value.Total == 0 ? 100 : 100 * value.Completed / value.Total;
            lock (_gate)
            {
                if (pct / 5 == _shown / 5 && pct != 100) return;
                _shown = pct;
                error.Write($"\r[{new string('#', pct / 5),-20}] {pct,3}% ({value.Completed}/{value.Total})");
            }
        }

        public void Finish() { lock (_gate) error.WriteLine(); }
    }
}
