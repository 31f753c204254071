namespace Econometrics.Bench;

/// <summary>A capability's benchmark cases; every non-abstract implementation is found by reflection.</summary>
public interface IBenchSuite
{
    /// <summary>The cases, built lazily so that unselected suites allocate nothing.</summary>
    IEnumerable<BenchCase> Cases();
}
