using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Econometrics;

/// <summary>The null distribution a test statistic is compared with: N(0,1), chi-square(df), F(df1, df2), t(df), or none.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Econometrics.Reporting.ReferenceDistributionJsonConverter))]
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

    /// <summary>
    /// log P(X &gt; x), accurate where the survival function itself underflows: below 1e-290 the upper incomplete gamma
    /// and lower incomplete beta functions are evaluated in log space from their continued fractions
    /// (Press et al., Numerical Recipes, 3rd ed., eqs. 6.2.7 and 6.4.5).
    /// </summary>
    /// <param name="x">The point.</param>
    public double LogSurvival(double x)
    {
        double s = Survival(x);
        if (!(s < 1e-290) || double.IsNaN(x)) return Math.Log(s);
        return Kind switch
        {
            // P(Z > z) = Q(1/2, z^2/2) / 2 for z > 0.
            "Normal" => LogUpperGamma(0.5, x * x / 2) - Math.Log(2),
            // P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2 for t > 0.
            "StudentT" => LogLowerBeta(Df1 / 2, 0.5, Df1 / (Df1 + x * x)) - Math.Log(2),
            "ChiSquared" => LogUpperGamma(Df1 / 2, x / 2),
            "F" => LogLowerBeta(Df2 / 2, Df1 / 2, Df2 / (Df2 + Df1 * x)),
            _ => double.NaN,
        };
    }

    /// <summary>log of the p-value in the given tail (null when there is no distribution); finite where the p-value underflows to 0.</summary>
    /// <param name="statistic">The observed statistic.</param>
    /// <param name="tail">Which tail.</param>
    public double? LogPValue(double statistic, Tail tail)
    {
        if (Kind == "None" || double.IsNaN(statistic)) return null;
        return tail switch
        {
            Tail.Upper => LogSurvival(statistic),
            Tail.Lower => Kind is "Normal" or "StudentT" ? LogSurvival(-statistic) : Math.Log(Cdf(statistic)),
            _ => Math.Min(0.0, Math.Log(2) + LogSurvival(Math.Abs(statistic))),
        };
    }

    private const double Tiny = 1e-300;

    // log Q(a, x) for x >= a + 1 by Lentz's continued fraction; Q itself may be far below the smallest double.
    private static double LogUpperGamma(double a, double x)
    {
        if (x < a + 1) return Math.Log(MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(a, x));
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b; if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-15) break;
        }
        return -x + a * Math.Log(x) - MathNet.Numerics.SpecialFunctions.GammaLn(a) + Math.Log(h);
    }

    // log I_x(a, b) for small x by the continued fraction of the incomplete beta function.
    private static double LogLowerBeta(double a, double b, double x)
    {
        if (x >= (a + 1) / (a + b + 2)) return Math.Log(MathNet.Numerics.SpecialFunctions.BetaRegularized(a, b, x));
        double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 10000; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-15) break;
        }
        return a * Math.Log(x) + b * Math.Log(1 - x) - MathNet.Numerics.SpecialFunctions.BetaLn(a, b) + Math.Log(h / a);
    }

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
