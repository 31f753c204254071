using System.Text.Json;
using Econometrics.Causal.Invariance;
using Econometrics.Tests.Support;

namespace Econometrics.Tests.Invariance;

/// <summary>Paths and loaders for the invariance fixtures and shipped data.</summary>
internal static class Fixtures
{
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", "invariance", name);

    public static ReferenceFixture Fixture(string @case) => ReferenceFixture.Load($"Invariance/{@case}");

    public static JsonElement Expected(string @case) => Fixture(@case).Expected;

    public static readonly string[] Predictors = ["X1", "X2", "X3", "X4"];

    public static Environments Sim() => Environments.Load(DataFile("invariance_sim.csv"), "Y", "env", Predictors);

    /// <summary>Asserts |actual - expected| &lt;= tol * max(|expected|, floor).</summary>
    public static void Close(double expected, double actual, double tol, string what, double floor = 1e-300)
    {
        double err = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), floor);
        Assert.True(err <= tol, $"{what}: expected {expected:R}, got {actual:R} (relative error {err:E2} > {tol:E0}).");
    }
}
