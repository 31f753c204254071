using System.CommandLine;
using Econometrics.Panel.Estimators;

namespace Econometrics.Cli.Commands;

/// <summary>The panel-regression options shared by <c>econ cd --formula</c> and <c>econ panel fit|hausman|exponent</c>:
/// <c>--model</c>, <c>--vcov</c> and <c>--lags</c>.</summary>
internal sealed class PanelRegressionOptions
{
    /// <summary>The panel estimators by their command-line word.</summary>
    internal static readonly (string, PanelModel)[] ModelWords =
    [
        ("pooled", PanelModel.Pooled), ("fe", PanelModel.FixedEffects), ("twfe", PanelModel.TwoWayFixedEffects),
        ("re", PanelModel.RandomEffects), ("fd", PanelModel.FirstDifferences), ("ccemg", PanelModel.CceMeanGroup),
        ("ccep", PanelModel.CcePooled), ("pc", PanelModel.InteractiveEffects), ("unitols", PanelModel.UnitOls),
    ];

    private readonly ChoiceOption<PanelModel>? _model;
    private readonly Option<string?> _vcov;
    private readonly Option<int?> _lags;

    public PanelRegressionOptions(EconCommand command, bool model = true, string vcovDefault = "the model's own")
    {
        if (model) _model = command.Declare(Opt.Choice("--model", "the panel estimator", PanelModel.FixedEffects, ModelWords), "Model");
        _vcov = command.Declare(Opt.Text("--vcov", "V",
            $"covariance: {string.Join(" | ", PanelCovariance.Names)} (default {vcovDefault})"), "Covariance");
        _lags = command.Declare(Opt.OptionalInt("--lags", "L", "Driscoll-Kraay Bartlett lag window (default floor(max T_i^(1/4)))", min: 0), "Lags");
    }

    public ChoiceOption<PanelModel> ModelOption => _model ?? throw new InvalidOperationException("--model was not declared.");

    public PanelModel Model(CommandRun run) => _model is null ? PanelModel.FixedEffects : run.Get(_model);

    /// <summary>--vcov and --lags as a covariance value (null when --vcov is absent).</summary>
    public PanelCovariance? Covariance(CommandRun run)
    {
        var name = run.Get(_vcov);
        var lags = run.Get(_lags);
        if (name is null)
        {
            if (lags is not null) throw new UsageException("--lags applies only to --vcov driscoll-kraay.");
            return null;
        }
        try { return PanelCovariance.Parse(name, lags); }
        catch (ArgumentException e) { throw new UsageException("--" + e.ParamName + ": " + e.Message.Split(" (Parameter")[0]); }
    }

    public bool VcovGiven(CommandRun run) => run.Get(_vcov) is not null;
}
