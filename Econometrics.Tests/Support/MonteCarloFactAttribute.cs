namespace Econometrics.Tests.Support;

/// <summary>
/// A Monte Carlo acceptance test: skipped by a plain <c>dotnet test</c> (so the suite stays fast) and run when
/// <c>ECONOMETRICS_MONTECARLO=1</c>, which <c>.ci/run</c> sets in its own step. Pair it with
/// <c>[Trait("Category", "MonteCarlo")]</c> so that step can select these tests alone.
/// </summary>
public sealed class MonteCarloFactAttribute : FactAttribute
{
    /// <summary>The environment variable that enables Monte Carlo tests.</summary>
    public const string Variable = "ECONOMETRICS_MONTECARLO";

    public MonteCarloFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"Monte Carlo acceptance test; set {Variable}=1 to run (CI does).";
    }
}
