using System.CommandLine;
using System.Globalization;
using Econometrics.Data;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ cd</c>: cross-sectional dependence tests on a variable or on a panel regression's residuals.</summary>
public sealed class CdCommand : EconCommand
{
    private enum PlotKind { Heatmap, Histogram, Scree }

    private readonly SharedOptions _shared;
    private readonly Option<string?> _entity, _time, _value, _formula, _neighbours;
    private readonly PanelRegressionOptions _regression;
    private readonly Option<int> _exponentReps;
    private readonly Option<CdTests[]> _tests;
    private readonly FactorOptions _factors;
    private readonly Option<int> _draws;
    private readonly Option<bool> _standardize, _dropIncomplete;
    private readonly ChoiceOption<CdwNormalization> _cdwForm;
    private readonly ChoiceOption<PlotKind> _plotKind;

    /// <summary>Declares the command.</summary>
    public CdCommand() : base("cd", "cross-sectional dependence tests (CD, LM family, CD_W, CD_W+, CD*)",
        "econ cd --data data/grunfeld.csv --entity firm --time year --formula \"inv ~ value + capital\" --model fe")
    {
        _shared = new SharedOptions(this, seed: true);
        _entity = Declare(Opt.Column("--entity", "the entity (unit) column"));
        _time = Declare(Opt.Column("--time", "the time column"));
        _value = Declare(Opt.Text("--value", "COL", "test a variable as it is"));
        _formula = Declare(Opt.Text("--formula", "\"y ~ x\"", "test the residuals of a panel regression (terms: names or log(name))"));
        _regression = new PanelRegressionOptions(this);
        _exponentReps = Declare(Opt.Int("--exponent-reps", "B", "bootstrap replications for the residual exponent (0 skips its SE)", 100, min: 0), "Replications");
        _tests = Declare(Opt.ChoiceList("--tests", "tests to run (default all)", [CdTests.All],
            ("cd", CdTests.CD), ("lm", CdTests.LM), ("sclm", CdTests.ScaledLM), ("bcsclm", CdTests.BiasCorrectedScaledLM), ("lmadj", CdTests.LMAdj),
            ("cdw", CdTests.CDw), ("cdwplus", CdTests.CDwPlus), ("cdstar", CdTests.CDStar), ("all", CdTests.All)), "Tests");
        _factors = new FactorOptions(this, "CD* (and --model pc)");
        _draws = Declare(Opt.Int("--draws", "G", "CD_W Rademacher draws", 30, min: 1), "Draws");
        _standardize = Declare(Opt.Flag("--standardize", "CD*: standardize units before PCA (Stata xtcd2 variant)"), "Standardize");
        _dropIncomplete = Declare(Opt.Flag("--drop-incomplete", "unbalanced panels: CD_W, CD_W+ and CD* on the periods every unit has"), "DropIncompletePeriods");
        _cdwForm = Declare(Opt.Choice("--cdw-form", "CD_W normalisation: pooled (Juodis-Reese eq. 30) or correlation (xtcd2)", CdwNormalization.PooledVariance,
            ("pooled", CdwNormalization.PooledVariance), ("correlation", CdwNormalization.Correlation)), "CdwNormalization");
        _neighbours = Declare(Opt.InputFile("--neighbours", "W.csv", "N x N neighbour matrix (header row, units in data order) for the local CD"), "Neighbours");
        _plotKind = Declare(Opt.Choice("--plot-kind", "what --plot draws", PlotKind.Heatmap,
            ("heatmap", PlotKind.Heatmap), ("histogram", PlotKind.Histogram), ("scree", PlotKind.Scree)));
    }

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var value = run.Get(_value);
        var formula = run.Get(_formula);
        if ((value is null) == (formula is null)) throw new UsageException("Give exactly one of --value COL and --formula \"y ~ x\".");
        var model = _regression.Model(run);
        if (run.Given(_regression.ModelOption) && formula is null) throw new UsageException("--model applies to --formula; drop it or give --formula.");
        var vcov = _regression.Covariance(run);
        if (vcov is not null && formula is null) throw new UsageException("--vcov applies to the regression of --formula.");
        int exponentReps = run.Get(_exponentReps);
        var tests = run.Get(_tests).Aggregate(CdTests.None, (a, t) => a | t);
        var factors = _factors.Get(run, model == PanelModel.InteractiveEffects ? FactorCriterion.IC2 : FactorCriterion.ER);
        var plotKind = run.Get(_plotKind);
        var data = _shared.DataPath(run)!;

        var panel = PanelData.Load(data, run.Get(_entity)!, run.Get(_time)!, value is not null ? [value] : []);
        var options = new CrossSectionalDependence
        {
            Tests = tests, Factors = factors, Draws = run.Get(_draws), Seed = _shared.SeedValue(run), Standardize = run.Get(_standardize),
            CdwNormalization = run.Get(_cdwForm), DropIncompletePeriods = run.Get(_dropIncomplete),
            Neighbours = run.Get(_neighbours) is { } w ? ReadNeighbours(w, panel.N) : null,
        };
        CrossSectionalDependenceResult result;
        PanelRegressionResult? regression = null;
        CrossSectionalExponentResult? exponent;
        string? exponentNote;
        string summary;
        if (formula is not null)
        {
            var fit = new PanelRegression(formula, model) { Factors = factors, Covariance = vcov }.Fit(panel);
            regression = fit;
            result = options.Test(fit);
            exponent = TryExponent(() => new CrossSectionalExponent { Replications = exponentReps, Seed = _shared.SeedValue(run) }.Estimate(fit), out exponentNote);
            summary = fit + "\n" + result;
        }
        else
        {
            result = options.Test(panel, value!);
            exponent = TryExponent(() => new CrossSectionalExponent().Estimate(panel, value!), out exponentNote);
            summary = result.ToString();
        }
        var verdict = exponent is null ? $"Exponent of cross-sectional dependence: not available ({exponentNote})." : Verdict(result, exponent);
        summary += "\n" + string.Concat(verdict.Split('\n').SelectMany(l => Reporting.TextWrap.Lines(l, Reporting.SummaryTable.MaxWidth)).Select(l => l + "\n"));
        if (plotKind == PlotKind.Scree && result.FactorSelection is null && run.Given(_shared.Plot!))
            throw new UsageException("--plot-kind scree needs --factors auto and the cdstar test.");
        _shared.Emit(run, "Cross-sectional dependence", summary, () => Json(result, regression, exponent), () => (regression?.ToHtml() ?? "") + result.ToHtml(), () => plotKind switch
        {
            PlotKind.Histogram => result.PlotCorrelationHistogram(),
            PlotKind.Scree => result.FactorSelection!.PlotScree(),
            _ => result.PlotCorrelationHeatmap(),
        });
        return 0;
    }

    // The contracted CD object, plus the regression under "regression" and the exponent under "exponent" when present.
    private static string Json(CrossSectionalDependenceResult result, PanelRegressionResult? regression, CrossSectionalExponentResult? exponent)
    {
        var node = result.ToJsonNode();
        if (regression is not null) node["regression"] = regression.ToJsonNode();
        if (exponent is not null) node["exponent"] = exponent.ToJsonNode();
        return Reporting.ResultJson.Write(node);
    }

    private static CrossSectionalExponentResult? TryExponent(Func<CrossSectionalExponentResult> estimate, out string? why)
    {
        try { why = null; return estimate(); }
        catch (ArgumentException e) { why = e.Message.Split(" (Parameter")[0]; return null; }
    }

    /// <summary>alpha beside CD and CD*, and which of them the data call for (Pesaran and Xie: CD is valid for alpha &lt; 1/2).</summary>
    internal static string Verdict(CrossSectionalDependenceResult cd, CrossSectionalExponentResult exponent)
    {
        string Stat(string name) => cd.Tests.FirstOrDefault(t => t.Name == name) is { } s && double.IsFinite(s.Statistic)
            ? s.Statistic.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
        var lines = Reporting.TextWrap.Lines($"Exponent of cross-sectional dependence ({exponent.Method}): {PanelCommand.Alpha(exponent)}", 100);
        lines.Add($"CD = {Stat("CD")}, CD* = {Stat("CDStar")}: the data call for {exponent.CallsFor}.");
        return string.Join('\n', lines);
    }

    // The neighbour matrix through the one column-extraction helper: square, numeric, finite, one row per unit.
    private static Matrix<double> ReadNeighbours(string path, int n)
    {
        var data = DataColumns.Load(path);
        if (data.RowCount != n || data.Names.Count != n)
            throw new UsageException($"--neighbours: expected an {n} x {n} matrix (one row and column per unit), found {data.RowCount} x {data.Names.Count}.");
        var m = Matrix<double>.Build.Dense(n, n);
        for (int j = 0; j < n; j++)
        {
            var name = data.Names[j];
            var col = data.Numbers(name, "neighbour weights must be numbers");
            for (int i = 0; i < n; i++)
                m[i, j] = double.IsFinite(col[i]) ? col[i]
                    : throw new DataFormatException("The neighbour weight is missing or not finite (NaN, Inf); every weight must be a finite number.", path, data.Line(i), name);
        }
        return m;
    }
}
