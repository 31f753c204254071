namespace Econometrics.Tests.Support;

/// <summary>Tolerance assertions that print both numbers and the relative error on failure.</summary>
public static class Close
{
    /// <summary>Relative error |actual - expected| / |expected| (absolute when expected is 0) within tol.</summary>
    public static void Relative(double expected, double actual, double tol, string what = "")
    {
        double scale = Math.Abs(expected) > 0 ? Math.Abs(expected) : 1.0;
        double err = Math.Abs(actual - expected) / scale;
        Xunit.Assert.True(err <= tol, $"{what}: expected {expected:R}, got {actual:R}, relative error {err:E2} > {tol:E1}");
    }

    /// <summary>|actual - expected| &lt;= tol.</summary>
    public static void Absolute(double expected, double actual, double tol, string what = "")
    {
        double err = Math.Abs(actual - expected);
        Xunit.Assert.True(err <= tol, $"{what}: expected {expected:R}, got {actual:R}, absolute error {err:E2} > {tol:E1}");
    }

    /// <summary>Element-wise relative agreement of two arrays, relative to the largest magnitude.</summary>
    public static void Arrays(double[] expected, double[] actual, double tol, string what = "")
    {
        Xunit.Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1e-300, expected.Max(Math.Abs));
        double err = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() / scale;
        Xunit.Assert.True(err <= tol, $"{what}: max relative difference {err:E2} > {tol:E1}");
    }
}
