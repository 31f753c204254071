namespace Econometrics.LinearAlgebra;

/// <summary>Which <see cref="ILinearAlgebra"/> backend a process uses.</summary>
/// <remarks>
/// <see cref="Default"/> is a pure function of the environment variable <c>ECONOMETRICS_BLAS=managed|openblas</c>
/// (unset: OpenBLAS when it loads, managed otherwise), evaluated once per process; nothing else changes it. Every
/// estimator that does dense linear algebra has a <c>Backend</c> option (null means <see cref="Default"/>), so two
/// estimators in one process can use different backends and neither result depends on what ran before. Math.NET's
/// process-wide provider is never replaced: its own matrix operations (used only for small matrices here) always
/// run its managed code.
/// </remarks>
public static class LinearAlgebraBackends
{
    /// <summary>The environment variable that forces a backend.</summary>
    public const string EnvironmentVariable = "ECONOMETRICS_BLAS";

    private static readonly Lazy<ILinearAlgebra> _default = new(Choose, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<(OpenBlasLinearAlgebra? Backend, string? Reason)> _openBlas =
        new(() => OpenBlasLinearAlgebra.TryLoad(out var b, out var r) ? (b, null) : (null, r));

    /// <summary>The managed backend (always available).</summary>
    public static ILinearAlgebra Managed { get; } = new ManagedLinearAlgebra();

    /// <summary>The OpenBLAS backend, or null when its libraries are not installed.</summary>
    public static ILinearAlgebra? OpenBlas => _openBlas.Value.Backend;

    /// <summary>Why OpenBLAS is unavailable, or null when it loaded.</summary>
    public static string? OpenBlasUnavailableReason => _openBlas.Value.Reason;

    /// <summary>The process default backend, chosen once from <see cref="EnvironmentVariable"/>.</summary>
    /// <exception cref="InvalidOperationException">The environment variable names an unknown or unavailable backend.</exception>
    public static ILinearAlgebra Default => _default.Value;

    private static ILinearAlgebra Choose() => Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The backend a value of <see cref="EnvironmentVariable"/> selects (null or empty: the best available).</summary>
    internal static ILinearAlgebra Resolve(string? setting)
    {
        var forced = setting?.Trim().ToLowerInvariant();
        return forced switch
        {
            null or "" => (ILinearAlgebra?)OpenBlas ?? Managed,
            "managed" => Managed,
            "openblas" => OpenBlas ?? throw new InvalidOperationException(
                $"{EnvironmentVariable}=openblas but {OpenBlasUnavailableReason}"),
            _ => throw new InvalidOperationException(
                $"{EnvironmentVariable} must be 'managed' or 'openblas', not '{forced}'."),
        };
    }
}
