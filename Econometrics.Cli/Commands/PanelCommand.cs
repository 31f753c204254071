using System.CommandLine;
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
public sealed class PanelCommand : EconCommand
{
    private readonly SharedOptions _shared;
    private readonly Option<string?> _entity, _time;
    private readonly Option<string[]> _variables;

    /// <summary>Declares the command and its subcommands.</summary>
    public PanelCommand() : base("panel", "describe a panel; fit | hausman | exponent for estimation, Hausman test, CSD exponent",
        "econ panel --data data/grunfeld.csv --entity firm --time year --variables inv,value")
    {
        _shared = new SharedOptions(this);
        _entity = Declare(Opt.Column("--entity", "the entity (unit) column"));
        _time = Declare(Opt.Column("--time", "the time column"));
        _variables = Declare(Opt.List("--variables", "a,b", "the variables to describe (default: every numeric column)"));
        Add(new FitCommand());
        Add(new HausmanCommand());
        Add(new ExponentCommand());
    }

    /// <inheritdoc/>
    public override int Execute(CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var panel = PanelData.Load(_shared.DataPath(run)!, run.Get(_entity)!, run.Get(_time)!, run.Get(_variables));
        _shared.Emit(run, "Panel " + Path.GetFileName(_shared.DataPath(run)), panel.ToString(), panel.ToJson, panel.ToHtml,
            () => panel.PlotTrajectories(panel.Variables[0]));
        return 0;
    }

    // Without bootstrap replications (--exponent-reps 0) the SE and interval do not exist: say so, never print NaN.
    internal static string Alpha(CrossSectionalExponentResult r) => double.IsFinite(r.StdError)
        ? string.Create(CultureInfo.InvariantCulture, $"alpha = {r.Alpha:F3} (SE {r.StdError:F3}, {r.Level * 100:G4}% CI {r.CiLower:F3} .. {r.CiUpper:F3}): {r.Advice}")
        : string.Create(CultureInfo.InvariantCulture, $"alpha = {r.Alpha:F3} (SE and interval not computed): {r.Advice}");

    /// <summary>The options every panel subcommand shares: the data, entity and time columns.</summary>
    private abstract class PanelSubcommand : EconCommand
    {
        protected PanelSubcommand(string name, string description, string example, bool plot, bool seed) : base(name, description, example)
        {
            Shared = new SharedOptions(this, plot: plot, seed: seed);
            Entity = Declare(Opt.Column("--entity", "the entity (unit) column"));
            Time = Declare(Opt.Column("--time", "the time column"));
        }

        protected SharedOptions Shared { get; }

        protected Option<string?> Entity { get; }

        protected Option<string?> Time { get; }

        protected PanelData Load(CommandRun run, string[] variables) =>
            PanelData.Load(Shared.DataPath(run)!, run.Get(Entity)!, run.Get(Time)!, variables);
    }

    private sealed class FitCommand : PanelSubcommand
    {
        private readonly Option<string?> _formula;
        private readonly PanelRegressionOptions _regression;
        private readonly Option<double> _level;

        public FitCommand() : base("fit", "panel regression (pooled, FE, TWFE, RE, FD, CCE, PC) with any covariance",
            "econ panel fit --data data/grunfeld.csv --entity firm --time year --formula \"inv ~ value + capital\" --model fe --vcov cluster",
            plot: true, seed: false)
        {
            _formula = Declare(Opt.Text("--formula", "\"y ~ x1 + x2\"", "the regression formula", required: true), "Formula");
            _regression = new PanelRegressionOptions(this);
            _level = Declare(Opt.Double("--level", "P", "confidence level of the intervals", 0.95, Bounds.Open(0, 1)), "Level");
        }

        public override int Execute(CommandRun run)
        {
            var model = _regression.Model(run);
            var vcov = _regression.Covariance(run);
            var panel = Load(run, []);
            var fit = new PanelRegression(run.Get(_formula)!, model) { Covariance = vcov, Level = run.Get(_level) }.Fit(panel);
            Shared.Emit(run, "Panel regression", fit.ToString(), fit.ToJson, fit.ToHtml, fit.PlotCoefficients);
            return 0;
        }
    }

    private sealed class HausmanCommand : PanelSubcommand
    {
        private readonly Option<string?> _formula;
        private readonly PanelRegressionOptions _regression;

        public HausmanCommand() : base("hausman", "Hausman test of fixed against random effects (plm's phtest; regression-based with --vcov)",
            "econ panel hausman --data data/grunfeld.csv --entity firm --time year --formula \"inv ~ value + capital\"",
            plot: false, seed: false)
        {
            _formula = Declare(Opt.Text("--formula", "\"y ~ x1 + x2\"", "the regression formula", required: true), "Formula");
            _regression = new PanelRegressionOptions(this, model: false, vcovDefault: "none: the contrast test");
        }

        public override int Execute(CommandRun run)
        {
            var vcov = _regression.Covariance(run);
            var panel = Load(run, []);
            var h = new HausmanTest(run.Get(_formula)!) { Covariance = vcov }.Test(panel);
            Shared.Emit(run, "Hausman test", h.ToString(), () => HausmanJson(h), h.ToHtml);
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
    }

    private sealed class ExponentCommand : PanelSubcommand
    {
        private readonly Option<string?> _value, _formula;
        private readonly PanelRegressionOptions _regression;
        private readonly Option<int> _components, _reps;
        private readonly Option<double> _size;
        private readonly Option<bool> _standardize;

        public ExponentCommand() : base("exponent", "exponent of cross-sectional dependence (Bailey, Kapetanios and Pesaran 2016, 2019)",
            "econ panel exponent --data data/grunfeld.csv --entity firm --time year --value inv",
            plot: false, seed: true)
        {
            _value = Declare(Opt.Text("--value", "COL", "exponent of a variable (BKP 2016, with SE and interval as xtcse2)"));
            _formula = Declare(Opt.Text("--formula", "\"y ~ x\"", "exponent of the regression's residuals (BKP 2019, bootstrap SE and interval)"));
            _regression = new PanelRegressionOptions(this);
            _components = Declare(Opt.Int("--components", "K", "principal components for c_N", 4, min: 1), "Components");
            _size = Declare(Opt.Double("--size", "P", "size of the multiple tests", 0.1, Bounds.Open(0, 1)), "Size");
            _reps = Declare(Opt.Int("--reps", "B", "bootstrap replications for the exponent of residuals", 200, min: 0), "Replications");
            _standardize = Declare(Opt.Flag("--standardize", "standardize each unit first"), "Standardize");
        }

        public override int Execute(CommandRun run)
        {
            var value = run.Get(_value);
            var formula = run.Get(_formula);
            if ((value is null) == (formula is null)) throw new UsageException("Give exactly one of --value COL and --formula \"y ~ x\".");
            var model = _regression.Model(run);
            var vcov = _regression.Covariance(run);
            var options = new CrossSectionalExponent
            {
                Components = run.Get(_components), Size = run.Get(_size), Replications = run.Get(_reps),
                Seed = Shared.SeedValue(run), Standardize = run.Get(_standardize),
            };
            var panel = Load(run, value is null ? [] : [value]);
            CrossSectionalExponentResult r;
            string summary;
            if (value is not null) { r = options.Estimate(panel, value); summary = r.ToString(); }
            else
            {
                var fit = new PanelRegression(formula!, model) { Covariance = vcov }.Fit(panel);
                r = options.Estimate(fit);
                summary = fit + "\n" + r;
            }
            Shared.Emit(run, "Exponent of cross-sectional dependence", summary, r.ToJson, r.ToHtml);
            return 0;
        }
    }
}
