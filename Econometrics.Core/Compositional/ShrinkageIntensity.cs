namespace Econometrics.Compositional;

/// <summary>The Schafer-Strimmer shrinkage intensities chosen for basis shrinkage.</summary>
/// <param name="Lambda">Correlation shrinkage towards the identity (corpcor's <c>lambda</c>).</param>
/// <param name="LambdaVar">Variance shrinkage towards the median variance (corpcor's <c>lambda.var</c>).</param>
public sealed record ShrinkageIntensity(double Lambda, double LambdaVar);
