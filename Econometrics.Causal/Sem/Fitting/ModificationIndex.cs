namespace Econometrics.Sem.Fitting;

/// <summary>
/// One modification index (lavaan's <c>modindices()</c>): the score test of freeing one fixed or absent parameter, with
/// its expected parameter change and that change completely standardized.
/// </summary>
/// <param name="Lhs">Left-hand variable.</param>
/// <param name="Op">Operator (<c>=~</c>, <c>~</c>, <c>~~</c> or <c>~1</c>).</param>
/// <param name="Rhs">Right-hand variable (empty for <c>~1</c>).</param>
/// <param name="Group">1-based group.</param>
/// <param name="Mi">The modification index: N g^2 / V, a chi-square(1) statistic.</param>
/// <param name="Epc">The expected parameter change -g / V.</param>
/// <param name="SepcAll">The EPC standardized like std.all (covariances by residual variances); null when undefined.</param>
public sealed record ModificationIndex(string Lhs, string Op, string Rhs, int Group, double Mi, double Epc, double? SepcAll);
