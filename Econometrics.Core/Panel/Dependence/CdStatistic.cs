namespace Econometrics.Panel.Dependence;

/// <summary>One statistic of a <see cref="CrossSectionalDependenceResult"/>.</summary>
/// <param name="Name">The stable name: CD, LM, ScaledLM, BiasCorrectedScaledLM, LMAdj, CDw, CDwPlus, CDStar or LocalCD.</param>
/// <param name="Result">The statistic, its reference distribution and p-value.</param>
/// <param name="Theta">CD*'s bias parameter theta (null for the other tests).</param>
/// <param name="Factors">The number of factors CD* removed (null for the other tests).</param>
public sealed record CdStatistic(string Name, TestResult Result, double? Theta = null, int? Factors = null)
{
    /// <summary>The statistic (NaN when the test is not valid for the data).</summary>
    public double Statistic => Result.Statistic;

    /// <summary>The p-value, or null.</summary>
    public double? PValue => Result.PValue;
}
