using Econometrics.Sem.Graphs;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// A parameterised family of interventions Pi: a draw applies each component independently (each fires with its
/// probability and draws its parameter uniformly) to a base SEM.
/// </summary>
/// <param name="Components">The components, applied in order.</param>
public sealed record InterventionFamily(IReadOnlyList<RandomIntervention> Components)
{
    /// <summary>The components, applied in order.</summary>
    public IReadOnlyList<RandomIntervention> Components { get; init; } = Components ?? throw new ArgumentNullException(nameof(Components));

    /// <summary>Draws one environment: the base SEM with a random intervention applied.</summary>
    /// <param name="baseSem">The observational SEM.</param>
    /// <param name="random">The random source.</param>
    public LinearSem Draw(LinearSem baseSem, Random random)
    {
        ArgumentNullException.ThrowIfNull(baseSem); ArgumentNullException.ThrowIfNull(random);
        var ivs = Components.Select(c => c.Draw(random)).OfType<Intervention>().ToArray();
        return baseSem.Apply(ivs);
    }

    /// <summary>Exact moments of one draw (arrays), for the PAC experiment's inner loops.</summary>
    internal (double[] Mean, double[] Covariance) DrawMoments(LinearSem baseSem, Random random) =>
        SemEnvironments.MomentsAfter(baseSem, Components.Select(c => c.Draw(random)).OfType<Intervention>().ToArray());

    /// <summary>The shipped example family on X1..X4, Y: c_X1 ~ U(-2, 2); sd_X2 ~ U(0.5, 2); with probability
    /// 0.5 the weight X1 -> X2 ~ U(0, 1.2); c_X4 ~ U(-3, 3); with probability <paramref name="q"/> the weight Y -> X3 ~ U(-1, 1).</summary>
    /// <param name="q">Probability of the rare change of the Y -> X3 mechanism (0.1 in the shipped example).</param>
    public static InterventionFamily ExampleFamily(double q = 0.1) => new(
    [
        new(InterventionKind.Shift, "X1", -2, 2),
        new(InterventionKind.NoiseScale, "X2", 0.5, 2),
        new(InterventionKind.EdgeWeight, "X2", 0, 1.2, 0.5, "X1"),
        new(InterventionKind.Shift, "X4", -3, 3),
        new(InterventionKind.EdgeWeight, "X3", -1, 1, q, "Y"),
    ]);
}
