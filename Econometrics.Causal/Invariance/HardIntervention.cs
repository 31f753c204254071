namespace Econometrics.Causal.Invariance;

/// <summary>Hard intervention do(node := value + N(0, sd^2)): removes every incoming edge and error covariance and sets c and the noise SD.</summary>
/// <param name="Node">The node.</param>
/// <param name="Value">The new intercept.</param>
/// <param name="Sd">The new noise SD.</param>
public sealed record HardIntervention(string Node, double Value, double Sd) : Intervention(Node)
{
    internal override void Apply(StructuralParameters p, int node, Func<string, int> index)
    {
        double variance = NoiseVariance(Sd, nameof(Sd));
        for (int j = 0; j < p.Lambda.RowCount; j++) { p.Lambda[j, node] = 0; p.Omega[j, node] = p.Omega[node, j] = 0; }
        p.Intercepts[node] = Value;
        p.Omega[node, node] = variance;
    }
}
