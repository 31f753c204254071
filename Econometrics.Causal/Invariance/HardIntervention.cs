namespace Econometrics.Causal.Invariance;

/// <summary>Hard intervention do(node := value + N(0, sd^2)): removes every incoming edge and sets c and the noise SD.</summary>
/// <param name="Node">The node.</param>
/// <param name="Value">The new intercept.</param>
/// <param name="Sd">The new noise SD.</param>
public sealed record HardIntervention(string Node, double Value, double Sd) : Intervention(Node)
{
    internal override void Apply(LinearSem.Parameters p, int node, Func<string, int> index)
    {
        if (!(Sd >= 0)) throw new ArgumentOutOfRangeException(nameof(Sd), Sd, "A noise SD must be non-negative.");
        for (int j = 0; j < p.B.ColumnCount; j++) p.B[node, j] = 0;
        p.C[node] = Value;
        p.NoiseSd[node] = Sd;
    }
}
