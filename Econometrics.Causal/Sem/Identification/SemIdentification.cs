using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;
namespace Econometrics.Sem.Identification;

/// <summary>
/// Identifiability of the linear SEM on a mixed graph: generic finite-to-one-ness by the exact modular Jacobian rank,
/// the half-trek criterion (identifiable nodes and edges, and the HTC non-identifiability certificate) and global
/// identifiability for acyclic graphs.
/// </summary>
public sealed record SemIdentification
{
    /// <summary>Seed of the random evaluation points of the Jacobian. Default 20260101.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Independent random points at which the Jacobian rank is computed (the maximum is kept). Default 3.</summary>
    public int Points { get; init; } = 3;

    /// <summary>Runs every check on the graph.</summary>
    /// <param name="graph">The mixed graph.</param>
    public IdentifiabilityResult Test(MixedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(Points, 1, nameof(Points));
        var (rank, _) = JacobianRank.Compute(RamModel.FromGraph(graph), Seed, Points);
        var (order, sets) = HalfTrekCriterion.Solve(graph);
        bool nonId = HalfTrekCriterion.NonIdentifiable(graph);
        bool global = HalfTrekCriterion.GloballyIdentifiable(graph);
        return new IdentifiabilityResult(graph, rank, order, sets, nonId, global);
    }
}
