namespace Econometrics.Panel.Simulation;

/// <summary>Rejection counts of one (N, T) cell of a <see cref="CdMonteCarlo"/> study.</summary>
/// <param name="N">Units.</param>
/// <param name="T">Periods.</param>
/// <param name="Replications">Replications counted.</param>
/// <param name="Rejections">Rejections at the nominal level, by test name.</param>
/// <param name="ThetaSum">Sum of CD*'s theta over the replications in replication order (NaN entries poison it on purpose).</param>
/// <param name="Thetas">CD*'s theta of each replication counted, in replication order (what makes merged sums exact).</param>
public sealed record CdMonteCarloCell(int N, int T, int Replications, IReadOnlyDictionary<string, int> Rejections, double ThetaSum,
    IReadOnlyList<double>? Thetas = null)
{
    /// <summary>Rejection rate of a test (0..1).</summary>
    /// <param name="test">The test name, e.g. "CDStar".</param>
    public double Rate(string test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Rejections.TryGetValue(test, out var r) ? (double)r / Replications : double.NaN;
    }

    /// <summary>Rejection rates (0..1) by test name.</summary>
    public IReadOnlyDictionary<string, double> Rates => Rejections.ToDictionary(kv => kv.Key, kv => (double)kv.Value / Replications);

    /// <summary>Mean theta of CD*.</summary>
    public double MeanTheta => ThetaSum / Replications;
}
