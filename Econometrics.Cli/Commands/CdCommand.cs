using System.Globalization;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ cd</c>: cross-sectional dependence tests on a variable or on a panel regression's residuals.</summary>
public sealed class CdCommand : ICommand
{
    private static readonly Dictionary<string, CdTests> TestNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cd"] = CdTests.CD, ["lm"] = CdTests.LM, ["sclm"] = CdTests.ScaledLM, ["bcsclm"] = CdTests.BiasCorrectedScaledLM,
        ["lmadj"] = CdTests.LMAdj, ["cdw"] = CdTests.CDw, ["cdwplus"] = CdTests.CDwPlus, ["cdstar"] = CdTests.CDStar, ["all"] = CdTests.All,
    };

    private static readonly Dictionary<string, PanelModel> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pooled"] = PanelModel.Pooled, ["fe"] = PanelModel.FixedEffects, ["twfe"] = PanelModel.TwoWayFixedEffects,
        ["ccemg"] = PanelModel.CceMeanGroup, ["ccep"] = PanelModel.CcePooled, ["pc"] = PanelModel.InteractiveEffects, ["unitols"] = PanelModel.UnitOls,
    };

    /// <inheritdoc/>
    public string Name => "cd";

    /// <inheritdoc/>
    public string Description => "cross-sectional dependence tests (CD, LM family, CD_W, CD_W+, CD*)";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["standardize", "drop-incomplete"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ cd --data F.csv --entity COL --time COL (--value COL | --formula "y ~ x1 + x2" [--model M]) [options]

          --value COL          test a variable as it is
          --formula "y ~ x"    test the residuals of a panel regression (terms: names or log(name))
          --model M            pooled | fe | twfe | ccemg | ccep | pc | unitols (default fe)
          --tests LIST         cd,lm,sclm,bcsclm,lmadj,cdw,cdwplus,cdstar or all (default all)
          --factors K|auto     factors for CD* (and pc): a number, or auto (default)
          --criterion C        er | gr | pc1..pc3 | ic1..ic3, for --factors auto (default er; ic2 for pc)
          --kmax K             largest number of factors considered (default 8)
          --draws G            CD_W draws (default 30)
          --standardize        CD*: standardize units before PCA (Stata xtcd2 variant)
          --drop-incomplete    unbalanced panels: CD_W, CD_W+ and CD* on the periods every unit has
          --cdw-form F         pooled (JR eq. 30, default) | correlation (xtcd2)
          --neighbours W.csv   N x N neighbour matrix (header row, units in data order) for the local CD
          --plot-kind K        heatmap (default) | histogram | scree

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        var shared = SharedOptions.From(args);
        var entity = args.Require("entity", "the entity column");
        var time = args.Require("time", "the time column");
        var value = args.Get("value");
        var formula = args.Get("formula");
        if ((value is null) == (formula is null)) throw new UsageException("Give exactly one of --value COL and --formula \"y ~ x\".");
        var modelName = args.Get("model") ?? "fe";
        if (!Models.TryGetValue(modelName, out var model)) throw new UsageException($"--model must be one of {string.Join(", ", Models.Keys)}, not '{modelName}'.");
        var tests = CdTests.None;
        foreach (var t in args.GetList("tests").DefaultIfEmpty("all"))
            tests |= TestNames.TryGetValue(t, out var flag) ? flag : throw new UsageException($"--tests: unknown test '{t}'; use {string.Join(",", TestNames.Keys)}.");
        var factors = Factors(args, model == PanelModel.InteractiveEffects ? FactorCriterion.IC2 : FactorCriterion.ER);
        int draws = args.GetInt("draws", 30);
        if (draws < 1) throw new UsageException("--draws must be at least 1.");
        var form = (args.Get("cdw-form") ?? "pooled").ToLowerInvariant() switch
        {
            "pooled" => CdwNormalization.PooledVariance,
            "correlation" => CdwNormalization.Correlation,
            var f => throw new UsageException($"--cdw-form must be pooled or correlation, not '{f}'."),
        };
        var neighboursFile = args.Get("neighbours");
        var plotKind = (args.Get("plot-kind") ?? "heatmap").ToLowerInvariant();
        if (plotKind is not ("heatmap" or "histogram" or "scree")) throw new UsageException($"--plot-kind must be heatmap, histogram or scree, not '{plotKind}'.");
        bool standardize = args.Has("standardize"), dropIncomplete = args.Has("drop-incomplete");
        args.RejectUnknown();

        var variables = value is not null ? [value] : Array.Empty<string>();
        var panel = PanelData.Load(shared.Data!, entity, time, variables);
        var options = new CrossSectionalDependence
        {
            Tests = tests, Factors = factors, Draws = draws, Seed = shared.Seed, Standardize = standardize, CdwNormalization = form, DropIncompletePeriods = dropIncomplete,
            Neighbours = neighboursFile is null ? null : ReadMatrix(neighboursFile, panel.N),
        };
        CrossSectionalDependenceResult result;
        PanelRegressionResult? regression = null;
        string summary;
        try
        {
            if (formula is not null)
            {
                var fit = new PanelRegression(formula, model) { Factors = factors }.Fit(panel);
                regression = fit;
                result = options.Test(fit);
                summary = fit + "\n" + result;
            }
            else
            {
                result = options.Test(panel, value!);
                summary = result.ToString();
            }
        }
        catch (ArgumentException e) when (e.ParamName == "Factors")
        {
            throw new UsageException("--factors: " + e.Message.Replace("Factors: ", "", StringComparison.Ordinal).Split(" (Parameter")[0]);
        }
        shared.Emit(console, summary, () => Json(result, regression), () => (regression?.ToHtml() ?? "") + result.ToHtml(), () => plotKind switch
        {
            "histogram" => result.PlotCorrelationHistogram(),
            "scree" => result.FactorSelection?.PlotScree() ?? throw new UsageException("--plot-kind scree needs --factors auto and the cdstar test."),
            _ => result.PlotCorrelationHeatmap(),
        });
        return 0;
    }

    // The contracted CD object, plus the regression's coefficient table under "regression" when there is one.
    private static string Json(CrossSectionalDependenceResult result, PanelRegressionResult? regression)
    {
        if (regression is null) return result.ToJson();
        var node = result.ToJsonNode();
        node["regression"] = regression.ToJsonNode();
        return Reporting.ResultJson.Write(node);
    }

    internal static FactorCount Factors(ParsedArgs args, FactorCriterion fallback)
    {
        var text = args.Get("factors") ?? "auto";
        var critText = args.Get("criterion");
        var criterion = fallback;
        if (critText is not null && !Enum.TryParse(critText, true, out criterion))
            throw new UsageException($"--criterion must be one of {string.Join(", ", Enum.GetNames<FactorCriterion>()).ToLowerInvariant()}, not '{critText}'.");
        int kmax = args.GetInt("kmax", 8);
        if (kmax < 1) throw new UsageException("--kmax must be at least 1.");
        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase)) return FactorCount.Auto(criterion, kmax);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k >= 0
            ? FactorCount.Fixed(k) : throw new UsageException($"--factors must be a number of factors (0 or more) or 'auto', not '{text}'.");
    }

    private static Matrix<double> ReadMatrix(string path, int n)
    {
        if (!File.Exists(path)) throw new UsageException($"--neighbours: file '{path}' does not exist.");
        var data = Econometrics.Data.DataColumns.Load(path);
        if (data.RowCount != n) throw new UsageException($"--neighbours: expected {n} rows (one per unit), found {data.RowCount}.");
        if (data.Names.Count != n) throw new UsageException($"--neighbours: expected {n} columns (one per unit), found {data.Names.Count}.");
        var m = Matrix<double>.Build.Dense(n, n);
        for (int j = 0; j < n; j++)
        {
            var name = data.Names[j];
            var col = data.Numbers(name, "neighbour weights must be numbers");
            for (int i = 0; i < n; i++)
                m[i, j] = double.IsNaN(col[i])
                    ? throw new Econometrics.Data.DataFormatException("The neighbour weight is missing.", path, data.Line(i), name)
                    : col[i];
        }
        return m;
    }
}
