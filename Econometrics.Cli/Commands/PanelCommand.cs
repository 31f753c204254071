using System.Globalization;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Reporting;

namespace Econometrics.Cli.Commands;

/// <summary>
/// <c>econ panel</c>: describes a long-format panel; <c>econ panel fit</c> estimates a panel regression with any covariance;
/// <c>econ panel hausman</c> tests fixed against random effects; <c>econ panel exponent</c> estimates the exponent of
/// cross-sectional dependence.
/// </summary>
public sealed class PanelCommand : ICommand
{
    internal static readonly Dictionary<string, PanelModel> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pooled"] = PanelModel.Pooled, ["fe"] = PanelModel.FixedEffects, ["twfe"] = PanelModel.TwoWayFixedEffects,
        ["re"] = PanelModel.RandomEffects, ["fd"] = PanelModel.FirstDifferences, ["ccemg"] = PanelModel.CceMeanGroup,
        ["ccep"] = PanelModel.CcePooled, ["pc"] = PanelModel.InteractiveEffects, ["unitols"] = PanelModel.UnitOls,
    };

    /// <inheritdoc/>
    public string Name => "panel";

    /// <inheritdoc/>
    public string Description => "describe a panel; fit | hausman | exponent for estimation, Hausman test, CSD exponent";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["standardize"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ panel --data F.csv --entity COL --time COL [--variables a,b]            describe the panel
               econ panel fit --data F.csv --entity COL --time COL --formula "y ~ x1 + x2"
                              [--model M] [--vcov V] [--lags L] [--level 0.95]
               econ panel hausman --data F.csv --entity COL --time COL --formula "y ~ x1 + x2" [--vcov V]
               econ panel exponent --data F.csv --entity COL --time COL (--value COL | --formula "y ~ x" [--model M])

          --model M      pooled | fe | twfe | re | fd | ccemg | ccep | pc | unitols (default fe)
          --vcov V       classical | hc0 | hc1 | hc2 | hc3 | cluster | cluster-time | twoway | driscoll-kraay | mean-group
                         (fit: default the model's own; hausman: none = the contrast test, else the regression-based test)
          --lags L       Driscoll-Kraay Bartlett lag window (default floor(max T_i^(1/4)))
          --level P      confidence level of the intervals (default 0.95)
          --value COL    exponent of a variable (BKP 2016, with SE and interval as xtcse2)
          --formula F    exponent of the regression's residuals (BKP 2019, bootstrap SE and interval)
          --components K exponent: principal components for c_N (default 4)
          --size P       exponent: size of the multiple tests (default 0.1)
          --reps B       exponent of residuals: bootstrap replications (default 200)
          --standardize  exponent: standardize each unit first

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        var sub = args.Positionals.Count == 0 ? null : args.Positionals[0];
        if (args.Positionals.Count > 1 || sub is not (null or "fit" or "hausman" or "exponent"))
            throw new UsageException($"Unknown panel subcommand '{string.Join(" ", args.Positionals)}'; the subcommands are fit, hausman and exponent (none: describe).");
        var shared = SharedOptions.From(args);
        var entity = args.Require("entity", "the entity column");
        var time = args.Require("time", "the time column");
        return sub switch
        {
            "fit" => Fit(args, console, shared, entity, time),
            "hausman" => Hausman(args, console, shared, entity, time),
            "exponent" => Exponent(args, console, shared, entity, time),
            _ => Describe(args, console, shared, entity, time),
        };
    }

    private static int Describe(ParsedArgs args, CliConsole console, SharedOptions shared, string entity, string time)
    {
        var variables = args.GetList("variables");
        args.RejectUnknown();
        var panel = PanelData.Load(shared.Data!, entity, time, variables);
        shared.Emit(console, panel.ToString(), panel.ToJson, panel.ToHtml, () => panel.PlotTrajectories(panel.Variables[0]));
        return 0;
    }

    internal static PanelModel Model(ParsedArgs args)
    {
        var name = args.Get("model") ?? "fe";
        return Models.TryGetValue(name, out var m) ? m : throw new UsageException($"--model must be one of {string.Join(", ", Models.Keys)}, not '{name}'.");
    }

    /// <summary>--vcov and --lags as a covariance value (null when --vcov is absent).</summary>
    internal static PanelCovariance? Covariance(ParsedArgs args)
    {
        var name = args.Get("vcov");
        int? lags = args.Has("lags") ? args.GetInt("lags", 0) : null;
        if (name is null)
        {
            if (lags is not null) throw new UsageException("--lags applies only to --vcov driscoll-kraay.");
            return null;
        }
        try { return PanelCovariance.Parse(name, lags); }
        catch (ArgumentException e) { throw new UsageException("--" + e.ParamName + ": " + e.Message.Split(" (Parameter")[0]); }
    }

    private static int Fit(ParsedArgs args, CliConsole console, SharedOptions shared, string entity, string time)
    {
        var formula = args.Require("formula", "the regression formula \"y ~ x1 + x2\"");
        var model = Model(args);
        var vcov = Covariance(args);
        double level = args.GetDouble("level", 0.95);
        if (!(level > 0 && level < 1)) throw new UsageException("--level must be between 0 and 1 (e.g. 0.95).");
        args.RejectUnknown();
        var panel = PanelData.Load(shared.Data!, entity, time);
        var fit = new PanelRegression(formula, model) { Covariance = vcov, Level = level }.Fit(panel);
        shared.Emit(console, fit.ToString(), fit.ToJson, fit.ToHtml, fit.PlotCoefficients);
        return 0;
    }

    private static int Hausman(ParsedArgs args, CliConsole console, SharedOptions shared, string entity, string time)
    {
        var formula = args.Require("formula", "the regression formula \"y ~ x1 + x2\"");
        var vcov = Covariance(args);
        args.RejectUnknown();
        var panel = PanelData.Load(shared.Data!, entity, time);
        var h = new HausmanTest(formula) { Covariance = vcov }.Test(panel);
        shared.Emit(console, h.ToString(), () => HausmanJson(h), h.ToHtml);
        return 0;
    }

    // {statistic, df, pValue, method, ...}: the contracted fields first.
    private static string HausmanJson(TestResult h)
    {
        var node = new System.Text.Json.Nodes.JsonObject
        {
            ["statistic"] = h.Statistic,
            ["df"] = h.Distribution.Df1,
            ["pValue"] = h.PValue,
            ["method"] = h.Method,
            ["nullHypothesis"] = h.NullHypothesis,
            ["diagnostics"] = new System.Text.Json.Nodes.JsonArray((h.Diagnostics ?? []).Select(d => (System.Text.Json.Nodes.JsonNode?)d.Message).ToArray()),
        };
        return ResultJson.Write(node);
    }

    private static int Exponent(ParsedArgs args, CliConsole console, SharedOptions shared, string entity, string time)
    {
        var value = args.Get("value");
        var formula = args.Get("formula");
        if ((value is null) == (formula is null)) throw new UsageException("Give exactly one of --value COL and --formula \"y ~ x\".");
        var model = Model(args);
        var vcov = Covariance(args);
        var options = new CrossSectionalExponent
        {
            Components = args.GetInt("components", 4), Size = args.GetDouble("size", 0.1), Replications = args.GetInt("reps", 200),
            Seed = shared.Seed, Standardize = args.Has("standardize"),
        };
        args.RejectUnknown();
        var panel = PanelData.Load(shared.Data!, entity, time, value is null ? [] : [value]);
        CrossSectionalExponentResult r;
        string summary;
        try
        {
            if (value is not null) { r = options.Estimate(panel, value); summary = r.ToString(); }
            else
            {
                var fit = new PanelRegression(formula!, model) { Covariance = vcov }.Fit(panel);
                r = options.Estimate(fit);
                summary = fit + "\n" + r;
            }
        }
        catch (ArgumentException e) when (e.ParamName is "Components" or "Size" or "Replications")
        {
            var option = e.ParamName switch { "Components" => "components", "Size" => "size", _ => "reps" };
            throw new UsageException($"--{option}: " + e.Message.Split(" (Parameter")[0]);
        }
        shared.Emit(console, summary, r.ToJson, r.ToHtml);
        return 0;
    }

    internal static string Alpha(CrossSectionalExponentResult r) => string.Create(CultureInfo.InvariantCulture,
        $"alpha = {r.Alpha:F3} (SE {r.StdError:F3}, {r.Level * 100:G4}% CI {r.CiLower:F3} .. {r.CiUpper:F3}): {r.Advice}");
}
