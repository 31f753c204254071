namespace Econometrics.Sem.Algebra;

/// <summary>
/// The arithmetic the combinatorial covariance formulas need (a commutative ring), so that one enumeration of
/// one-connections or treks serves doubles, exact rationals and symbolic polynomials alike.
/// </summary>
internal interface IRingOps<T>
{
    T Zero { get; }
    T One { get; }
    T Add(T a, T b);
    T Multiply(T a, T b);
    T Negate(T a);
}

internal sealed class DoubleOps : IRingOps<double>
{
    public static DoubleOps Instance { get; } = new();
    public double Zero => 0;
    public double One => 1;
    public double Add(double a, double b) => a + b;
    public double Multiply(double a, double b) => a * b;
    public double Negate(double a) => -a;
}

internal sealed class RationalOps : IRingOps<Rational>
{
    public static RationalOps Instance { get; } = new();
    public Rational Zero => Rational.Zero;
    public Rational One => Rational.One;
    public Rational Add(Rational a, Rational b) => a + b;
    public Rational Multiply(Rational a, Rational b) => a * b;
    public Rational Negate(Rational a) => -a;
}

internal sealed class PolynomialOps(int variables) : IRingOps<Polynomial>
{
    public Polynomial Zero { get; } = Polynomial.Constant(variables, 0);
    public Polynomial One { get; } = Polynomial.Constant(variables, 1);
    public Polynomial Add(Polynomial a, Polynomial b) => a + b;
    public Polynomial Multiply(Polynomial a, Polynomial b) => a * b;
    public Polynomial Negate(Polynomial a) => -a;
}

/// <summary>Arithmetic modulo the Mersenne prime p = 2^31 - 1 (products fit in a long).</summary>
internal sealed class ModPOps : IRingOps<long>
{
    public const long P = 2147483647;
    public static ModPOps Instance { get; } = new();
    public long Zero => 0;
    public long One => 1;
    public long Add(long a, long b) { long s = a + b; return s >= P ? s - P : s; }
    public long Multiply(long a, long b) => a * b % P;
    public long Negate(long a) => a == 0 ? 0 : P - a;
    public static long Sub(long a, long b) { long s = a - b; return s < 0 ? s + P : s; }
    public static long Inverse(long a)
    {
        if (a == 0) throw new DivideByZeroException("Zero has no inverse mod p.");
        return Pow(a, P - 2);
    }
    public static long Pow(long a, long e)
    {
        long r = 1; a %= P; if (a < 0) a += P;
        while (e > 0) { if ((e & 1) != 0) r = r * a % P; a = a * a % P; e >>= 1; }
        return r;
    }
}
