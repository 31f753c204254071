namespace Econometrics.Causal.Invariance;

/// <summary>Variance change: sets the node's noise standard deviation.</summary>
/// <param name="Node">The node.</param>
/// <param name="Sd">The new noise SD (non-negative).</param>
public sealed record NoiseScaleIntervention(string Node, double Sd) : Intervention(Node)
{
    internal override void Apply(LinearSem.Parameters p, int node, Func<string, int> index)
    {
        if (!(Sd >= 0)) throw new ArgumentOutOfRangeException(nameof(Sd), Sd, "A noise SD must be non-negative.");
        p.NoiseSd[node] = Sd;
    }
}
