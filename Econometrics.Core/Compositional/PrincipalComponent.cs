namespace Econometrics.Compositional;

/// <summary>One principal component's share of the clr variance.</summary>
/// <param name="Component">The component number (1-based).</param>
/// <param name="StdDev">Its standard deviation (prcomp's <c>sdev</c>).</param>
/// <param name="Proportion">Its share of the total variance.</param>
/// <param name="Cumulative">The cumulative share up to it.</param>
public sealed record PrincipalComponent(int Component, double StdDev, double Proportion, double Cumulative);
