namespace Econometrics.Mixtures;

/// <summary>A person's modal class and posterior class probabilities.</summary>
/// <param name="Id">The person identifier.</param>
/// <param name="Class">The modal class (1-based).</param>
/// <param name="Probabilities">Posterior probabilities of classes 1..K.</param>
public sealed record ClassAssignment(string Id, int Class, IReadOnlyList<double> Probabilities);
