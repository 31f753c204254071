using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Econometrics;

/// <summary>The null distribution a test statistic is compared with: N(0,1), chi-square(df), F(df1, df2), t(df), or none.</summary>
public sealed record ReferenceDistribution
{
    private ReferenceDistribution(string kind, double df1 = double.NaN, double df2 = double.NaN)
    {
        Kind = kind; Df1 = df1; Df2 = df2;
    }

    /// <summary>"Normal", "ChiSquared", "F", "StudentT" or "None".</summary>
    public string Kind { get; }

    /// <summary>First degrees of freedom (NaN when not applicable).</summary>
    public double Df1 { get; }

    /// <summary>Second degrees of freedom of an F distribution (NaN otherwise).</summary>
    public double Df2 { get; }

    /// <summary>The standard normal distribution.</summary>
    public static ReferenceDistribution Normal { get; } = new("Normal");

    /// <summary>No reference distribution (a descriptive statistic without a p-value).</summary>
    public static ReferenceDistribution None { get; } = new("None");

    /// <summary>Chi-square with <paramref name="df"/> degrees of freedom.</summary>
    /// <param name="df">Degrees of freedom, positive.</param>
    public static ReferenceDistribution ChiSquared(double df) =>
        df > 0 ? new("ChiSquared", df) : throw new ArgumentOutOfRangeException(nameof(df), df, "Degrees of freedom must be positive.");

    /// <summary>Snedecor's F with <paramref name="df1"/> and <paramref name="df2"/> degrees of freedom.</summary>
    /// <param name="df1">Numerator degrees of freedom, positive.</param>
    /// <param name="df2">Denominator degrees of freedom, positive.</param>
    public static ReferenceDistribution F(double df1, double df2) =>
        df1 > 0 && df2 > 0 ? new("F", df1, df2)
            : throw new ArgumentOutOfRangeException(nameof(df1), "Both degrees of freedom must be positive.");

    /// <summary>Student's t with <paramref name="df"/> degrees of freedom.</summary>
    /// <param name="df">Degrees of freedom, positive.</param>
    public static ReferenceDistribution StudentT(double df) =>
        df > 0 ? new("StudentT", df) : throw new ArgumentOutOfRangeException(nameof(df), df, "Degrees of freedom must be positive.");

    /// <summary>Cumulative distribution function.</summary>
    /// <param name="x">The point.</param>
    public double Cdf(double x) => Kind switch
    {
        "Normal" => MathNet.Numerics.Distributions.Normal.CDF(0, 1, x),
        "ChiSquared" => MathNet.Numerics.Distributions.ChiSquared.CDF(Df1, x),
        "F" => FisherSnedecor.CDF(Df1, Df2, x),
        "StudentT" => MathNet.Numerics.Distributions.StudentT.CDF(0, 1, Df1, x),
        _ => double.NaN,
    };

    /// <summary>Survival function P(X &gt; x), computed without cancellation in the far upper tail.</summary>
    /// <param name="x">The point.</param>
    public double Survival(double x) => Kind switch
    {
        // Symmetric distributions: P(X > x) = F(-x) keeps full relative precision for large x.
        "Normal" or "StudentT" => Cdf(-x),
        "ChiSquared" => x <= 0 ? 1.0 : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(Df1 / 2, x / 2),
        "F" => x <= 0 ? 1.0 : MathNet.Numerics.SpecialFunctions.BetaRegularized(Df2 / 2, Df1 / 2, Df2 / (Df2 + Df1 * x)),
        _ => double.NaN,
    };

    /// <summary>The p-value of <paramref name="statistic"/> in the given tail; null when there is no distribution.</summary>
    /// <param name="statistic">The observed statistic.</param>
    /// <param name="tail">Which tail.</param>
    public double? PValue(double statistic, Tail tail)
    {
        if (Kind == "None" || double.IsNaN(statistic)) return null;
        return tail switch
        {
            Tail.Upper => Survival(statistic),
            Tail.Lower => Cdf(statistic),
            _ => Math.Min(1.0, 2 * Survival(Math.Abs(statistic))),
        };
    }

    /// <summary>The quantile function (inverse CDF).</summary>
    /// <param name="p">Probability in (0, 1).</param>
    public double Quantile(double p) => Kind switch
    {
        "Normal" => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p),
        "ChiSquared" => MathNet.Numerics.Distributions.ChiSquared.InvCDF(Df1, p),
        "F" => FisherSnedecor.InvCDF(Df1, Df2, p),
        "StudentT" => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Df1, p),
        _ => double.NaN,
    };

    /// <summary>Short notation: "N(0,1)", "chi2(3)", "F(3,996)", "t(20)" or "none".</summary>
    public override string ToString() => Kind switch
    {
        "Normal" => "N(0,1)",
        "ChiSquared" => $"chi2({Fmt(Df1)})",
        "F" => $"F({Fmt(Df1)},{Fmt(Df2)})",
        "StudentT" => $"t({Fmt(Df1)})",
        _ => "none",
    };

    private static string Fmt(double df) => df.ToString("0.###", CultureInfo.InvariantCulture);
}
