namespace Econometrics.Causal.Invariance;

/// <summary>One component of an intervention family: with probability <paramref name="Probability"/>, an intervention
/// of the given kind on <paramref name="Node"/> with its parameter drawn from U(<paramref name="Low"/>, <paramref name="High"/>).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Node">The intervened node.</param>
/// <param name="Low">Lower end of the parameter's uniform distribution.</param>
/// <param name="High">Upper end.</param>
/// <param name="Probability">Probability that the component fires in a draw.</param>
/// <param name="Parent">The parent, for <see cref="InterventionKind.EdgeWeight"/>.</param>
/// <param name="HardSd">The noise SD a hard intervention sets.</param>
public sealed record RandomIntervention(InterventionKind Kind, string Node, double Low, double High, double Probability = 1.0,
    string? Parent = null, double HardSd = 1.0)
{
    /// <summary>The intervened node.</summary>
    public string Node { get; init; } = Node ?? throw new ArgumentNullException(nameof(Node));

    internal Intervention? Draw(Random random)
    {
        if (Probability < 1 && random.NextDouble() >= Probability) return null;
        double v = Low + (High - Low) * random.NextDouble();
        return Kind switch
        {
            InterventionKind.Shift => new ShiftIntervention(Node, v),
            InterventionKind.NoiseScale => new NoiseScaleIntervention(Node, v),
            InterventionKind.EdgeWeight => new EdgeWeightIntervention(Node, Parent ?? throw new ArgumentException("An edge-weight intervention " +
                "needs a parent.", nameof(Parent)), v),
            _ => new HardIntervention(Node, v, HardSd),
        };
    }
}
