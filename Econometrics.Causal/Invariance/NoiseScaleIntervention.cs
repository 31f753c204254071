namespace Econometrics.Causal.Invariance;

/// <summary>Variance change: sets the node's noise standard deviation.</summary>
/// <param name="Node">The node.</param>
/// <param name="Sd">The new noise SD (positive).</param>
public sealed record NoiseScaleIntervention(string Node, double Sd) : Intervention(Node)
{
    internal override void Apply(StructuralParameters p, int node, Func<string, int> index)
    {
        double variance = NoiseVariance(Sd, nameof(Sd));
        // Rescale the node's error covariances with its SD, so that its error correlations stay as they were.
        double old = Math.Sqrt(p.Omega[node, node]);
        for (int j = 0; j < p.Omega.RowCount; j++)
            if (j != node && p.Omega[j, node] != 0) p.Omega[j, node] = p.Omega[node, j] = p.Omega[j, node] / old * Sd;
        p.Omega[node, node] = variance;
    }
}
