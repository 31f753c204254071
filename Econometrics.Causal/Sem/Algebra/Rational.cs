using System.Globalization;
using System.Numerics;

namespace Econometrics.Sem.Algebra;

/// <summary>An exact rational number p/q on <see cref="BigInteger"/>, always in lowest terms with q &gt; 0.</summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    /// <summary>Creates numerator/denominator and reduces it.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator, nonzero.</param>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("Rational with zero denominator.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        Numerator = numerator;
        _den = numerator.IsZero ? BigInteger.One : denominator;
    }

    /// <summary>The numerator.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator (positive; 1 for the default value).</summary>
    public BigInteger Denominator => _den.IsZero ? BigInteger.One : _den;

    // Zero only in default(Rational), which then reads as 0/1.
    private readonly BigInteger _den;

    /// <summary>Zero.</summary>
    public static Rational Zero => new(0, 1);

    /// <summary>One.</summary>
    public static Rational One => new(1, 1);

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>Parses "p", "p/q" or a finite decimal such as "0.25" exactly.</summary>
    /// <param name="s">The text.</param>
    public static Rational Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s = s.Trim();
        int slash = s.IndexOf('/');
        if (slash >= 0) return new(BigInteger.Parse(s[..slash], CultureInfo.InvariantCulture), BigInteger.Parse(s[(slash + 1)..],
            CultureInfo.InvariantCulture));
        return FromDecimal(decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>The exact value of a decimal.</summary>
    /// <param name="d">The decimal.</param>
    public static Rational FromDecimal(decimal d)
    {
        int[] bits = decimal.GetBits(d);
        var mant = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        int scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0) mant = -mant;
        return new(mant, BigInteger.Pow(10, scale));
    }

    /// <summary>The exact value of a finite double (every double is a dyadic rational).</summary>
    /// <param name="x">The double.</param>
    public static Rational FromDouble(double x)
    {
        if (!double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "Only finite doubles have a rational value.");
        if (x == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool neg = bits < 0;
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp++; else mant |= 1L << 52;
        exp -= 1075;
        BigInteger num = neg ? -mant : mant;
        return exp >= 0 ? new(num << exp, 1) : new(num, BigInteger.One << -exp);
    }

    /// <summary>The nearest double.</summary>
    public double ToDouble()
    {
        // Scale so that the quotient carries 64 significant bits, then let the division round once more.
        var n = BigInteger.Abs(Numerator); var d = Denominator;
        if (n.IsZero) return 0;
        long shift = (long)(n.GetBitLength() - d.GetBitLength()) - 64;
        var q = shift >= 0 ? n / (d << (int)shift) : (n << (int)-shift) / d;
        double r = Math.ScaleB((double)q, (int)shift);
        return Numerator.Sign < 0 ? -r : r;
    }

    /// <summary>Sum.</summary>
    public static Rational operator +(Rational a, Rational b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    /// <summary>Difference.</summary>
    public static Rational operator -(Rational a, Rational b) => new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    /// <summary>Negation.</summary>
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);
    /// <summary>Product.</summary>
    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    /// <summary>Quotient.</summary>
    public static Rational operator /(Rational a, Rational b) =>
        b.IsZero ? throw new DivideByZeroException("Rational division by zero.") : new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    /// <summary>An integer as a rational.</summary>
    public static implicit operator Rational(long n) => new(n, 1);
    /// <summary>Equality.</summary>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    /// <summary>Integer power (negative exponents invert).</summary>
    /// <param name="k">The exponent.</param>
    public Rational Pow(int k) => k >= 0 ? new(BigInteger.Pow(Numerator, k), BigInteger.Pow(Denominator, k)) : One / Pow(-k);

    /// <inheritdoc/>
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    /// <inheritdoc/>
    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    /// <summary>"p/q", or "p" when q = 1.</summary>
    public override string ToString() =>
        Denominator.IsOne ? Numerator.ToString(CultureInfo.InvariantCulture) :
            $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
