namespace Econometrics.Causal.Invariance;

/// <summary>The kinds of intervention an <see cref="InterventionFamily"/> draws.</summary>
public enum InterventionKind
{
    /// <summary>Mean shift of the node's intercept by U(low, high).</summary>
    Shift,

    /// <summary>Noise SD set to U(low, high).</summary>
    NoiseScale,

    /// <summary>Weight of the edge parent -> node set to U(low, high).</summary>
    EdgeWeight,

    /// <summary>Hard intervention: incoming edges removed, intercept U(low, high), noise SD fixed.</summary>
    Hard,
}
