using MathNet.Numerics.Providers.LinearAlgebra;

namespace Econometrics.LinearAlgebra;

/// <summary>Which <see cref="ILinearAlgebra"/> backend a process uses.</summary>
/// <remarks>
/// The choice is made once, on first use, and never changes afterwards: OpenBLAS when it loads, managed otherwise.
/// The environment variable <c>ECONOMETRICS_BLAS=managed|openblas</c> forces one. When OpenBLAS is chosen,
/// Math.NET's own matrix operations (<c>A * B</c>, <c>Cholesky()</c>, <c>Evd()</c>, <c>Svd()</c>) are routed to
/// it too through <see cref="OpenBlasMathNetProvider"/>. Code that needs a specific backend (for example the
/// differential tests) passes an <see cref="ILinearAlgebra"/> explicitly instead.
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

    /// <summary>The process-wide backend, chosen on first access.</summary>
    /// <exception cref="InvalidOperationException">The environment variable names an unknown or unavailable backend.</exception>
    public static ILinearAlgebra Default => _default.Value;

    private static ILinearAlgebra Choose()
    {
        var chosen = Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable));
        if (chosen is OpenBlasLinearAlgebra native)
            LinearAlgebraControl.Provider = new OpenBlasMathNetProvider(native);
        else
            LinearAlgebraControl.Provider = new ManagedLinearAlgebraProvider();
        return chosen;
    }

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
