using System.CommandLine;
using System.Globalization;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Simulation;
using Econometrics.Panel.Factors;

namespace Econometrics.Cli.Commands;

/// <summary><c>--factors K|auto</c>, <c>--criterion</c> and <c>--kmax</c>: how many latent factors to remove.</summary>
public sealed class FactorOptions
{
    // "auto" parses to a value whose Count is null: a custom parser may not return null itself (System.CommandLine
    // then converts the token "auto" to the option's type and throws InvalidCastException).
    private readonly Option<FactorsValue?> _factors;

    private sealed record FactorsValue(int? Count);
    private readonly ChoiceOption<FactorCriterion?> _criterion;
    private readonly Option<int> _kmax;

    /// <summary>Declares the options on <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="what">What the factors are for, e.g. "CD* (and pc)".</param>
    public FactorOptions(EconCommand command, string what)
    {
        ArgumentNullException.ThrowIfNull(command);
        _factors = command.Declare(new Option<FactorsValue?>("--factors")
        {
            Description = $"factors for {what}: a number, or auto (default) to estimate it",
            HelpName = "K|auto",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (text.Equals("auto", StringComparison.OrdinalIgnoreCase)) return new FactorsValue(null);
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k >= 0) return new FactorsValue(k);
                r.AddError($"--factors must be a number of factors (0 or more) or 'auto', not '{text}'.");
                return null;
            },
        }, "Factors");
        _criterion = command.Declare(Opt.Choice<FactorCriterion?>("--criterion",
            "criterion for --factors auto (default er; ic2 for --model pc)", null,
            Enum.GetValues<FactorCriterion>().Select(c => (c.ToString().ToLowerInvariant(), (FactorCriterion?)c)).ToArray()));
        _kmax = command.Declare(Opt.Int("--kmax", "K", "largest number of factors considered by --factors auto", 8, min: 1));
    }

    /// <summary>The factor count the options describe.</summary>
    /// <param name="run">The run.</param>
    /// <param name="fallback">The criterion when <c>--criterion</c> is absent.</param>
    public FactorCount Get(CommandRun run, FactorCriterion fallback)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Get(_factors) is { Count: { } k } ? FactorCount.Fixed(k) : FactorCount.Auto(run.Get(_criterion) ?? fallback, run.Get(_kmax));
    }
}
