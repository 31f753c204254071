using System.Globalization;
using System.Numerics;
using System.Text;

namespace Econometrics.Sem.Algebra;

/// <summary>
/// A multivariate polynomial with integer coefficients in a fixed number of variables (for example the lambda/omega
/// parameters of a graph, or the covariances sigma_ij). Immutable.
/// </summary>
public sealed class Polynomial : IEquatable<Polynomial>
{
    private readonly Dictionary<Key, BigInteger> _terms;

    private Polynomial(int variables, Dictionary<Key, BigInteger> terms) { Variables = variables; _terms = terms; }

    /// <summary>Number of variables.</summary>
    public int Variables { get; }

    /// <summary>Whether this is the zero polynomial.</summary>
    public bool IsZero => _terms.Count == 0;

    /// <summary>Number of nonzero terms.</summary>
    public int TermCount => _terms.Count;

    /// <summary>Total degree (-1 for zero).</summary>
    public int Degree => _terms.Count == 0 ? -1 : _terms.Keys.Max(k => k.Exponents.Sum());

    /// <summary>The terms in printing order: exponent vectors and integer coefficients.</summary>
    public IReadOnlyList<(IReadOnlyList<int> Exponents, BigInteger Coefficient)> Terms =>
        Ordered().Select(kv => ((IReadOnlyList<int>)kv.Key.Exponents, kv.Value)).ToArray();

    /// <summary>The constant polynomial c.</summary>
    /// <param name="variables">Number of variables.</param>
    /// <param name="c">The constant.</param>
    public static Polynomial Constant(int variables, BigInteger c)
    {
        var t = new Dictionary<Key, BigInteger>();
        if (!c.IsZero) t[new Key(new int[variables])] = c;
        return new(variables, t);
    }

    /// <summary>The polynomial x_index.</summary>
    /// <param name="variables">Number of variables.</param>
    /// <param name="index">The variable.</param>
    public static Polynomial Variable(int variables, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, variables);
        var e = new int[variables]; e[index] = 1;
        return new(variables, new Dictionary<Key, BigInteger> { [new Key(e)] = BigInteger.One });
    }

    /// <summary>Builds a polynomial from terms (like terms are combined).</summary>
    /// <param name="variables">Number of variables.</param>
    /// <param name="terms">Exponent vectors and coefficients.</param>
    public static Polynomial FromTerms(int variables, IEnumerable<(int[] Exponents, BigInteger Coefficient)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var t = new Dictionary<Key, BigInteger>();
        foreach (var (e, c) in terms)
        {
            if (e.Length != variables) throw new ArgumentException($"Exponent vector has {e.Length} entries, expected {variables}.", nameof(terms));
            Accumulate(t, new Key((int[])e.Clone()), c);
        }
        return new(variables, t);
    }

    private static void Accumulate(Dictionary<Key, BigInteger> t, Key k, BigInteger c)
    {
        if (c.IsZero) return;
        if (t.TryGetValue(k, out var old)) { var s = old + c; if (s.IsZero) t.Remove(k); else t[k] = s; }
        else t[k] = c;
    }

    /// <summary>Sum.</summary>
    public static Polynomial operator +(Polynomial a, Polynomial b)
    {
        Check(a, b);
        var t = new Dictionary<Key, BigInteger>(a._terms);
        foreach (var (k, c) in b._terms) Accumulate(t, k, c);
        return new(a.Variables, t);
    }

    /// <summary>Difference.</summary>
    public static Polynomial operator -(Polynomial a, Polynomial b) => a + -b;

    /// <summary>Negation.</summary>
    public static Polynomial operator -(Polynomial a) => new(a.Variables, a._terms.ToDictionary(kv => kv.Key, kv => -kv.Value));

    /// <summary>Product.</summary>
    public static Polynomial operator *(Polynomial a, Polynomial b)
    {
        Check(a, b);
        var t = new Dictionary<Key, BigInteger>();
        foreach (var (ka, ca) in a._terms)
            foreach (var (kb, cb) in b._terms)
            {
                var e = new int[a.Variables];
                for (int i = 0; i < e.Length; i++) e[i] = ka.Exponents[i] + kb.Exponents[i];
                Accumulate(t, new Key(e), ca * cb);
            }
        return new(a.Variables, t);
    }

    private static void Check(Polynomial a, Polynomial b)
    {
        if (a.Variables != b.Variables) throw new ArgumentException($"Polynomials in {a.Variables} and {b.Variables} variables cannot be combined.");
    }

    /// <summary>Exact division: true with the quotient when <paramref name="divisor"/> divides this polynomial over Z.</summary>
    /// <param name="divisor">A nonzero divisor.</param>
    /// <param name="quotient">The quotient, or null.</param>
    public bool TryDivide(Polynomial divisor, out Polynomial? quotient)
    {
        ArgumentNullException.ThrowIfNull(divisor);
        Check(this, divisor);
        if (divisor.IsZero) throw new DivideByZeroException("Division by the zero polynomial.");
        // Multivariate division under the lexicographic monomial order; exact division leaves no remainder.
        var lead = divisor._terms.OrderBy(kv => kv.Key, KeyOrder.Instance).First();
        var r = new Dictionary<Key, BigInteger>(_terms);
        var q = new Dictionary<Key, BigInteger>();
        quotient = null;
        while (r.Count > 0)
        {
            var lt = r.OrderBy(kv => kv.Key, KeyOrder.Instance).First();
            var e = new int[Variables];
            for (int i = 0; i < Variables; i++) { e[i] = lt.Key.Exponents[i] - lead.Key.Exponents[i]; if (e[i] < 0) return false; }
            var c = BigInteger.DivRem(lt.Value, lead.Value, out var rem);
            if (!rem.IsZero) return false;
            var tk = new Key(e);
            Accumulate(q, tk, c);
            foreach (var (dk, dc) in divisor._terms)
            {
                var pe = new int[Variables];
                for (int i = 0; i < Variables; i++) pe[i] = dk.Exponents[i] + e[i];
                Accumulate(r, new Key(pe), -c * dc);
            }
        }
        quotient = new Polynomial(Variables, q);
        return true;
    }

    /// <summary>Exact value at a rational point.</summary>
    /// <param name="x">One value per variable.</param>
    public Rational Evaluate(IReadOnlyList<Rational> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckPoint(x.Count);
        var sum = Rational.Zero;
        foreach (var (k, c) in _terms)
        {
            Rational term = new(c, 1);
            for (int i = 0; i < Variables; i++) if (k.Exponents[i] > 0) term *= x[i].Pow(k.Exponents[i]);
            sum += term;
        }
        return sum;
    }

    /// <summary>Floating-point value at a point.</summary>
    /// <param name="x">One value per variable.</param>
    public double Evaluate(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckPoint(x.Count);
        double sum = 0;
        foreach (var (k, c) in _terms)
        {
            double term = (double)c;
            for (int i = 0; i < Variables; i++) if (k.Exponents[i] > 0) term *= Math.Pow(x[i], k.Exponents[i]);
            sum += term;
        }
        return sum;
    }

    /// <summary>Value modulo p = 2^31 - 1 at a point with entries in [0, p).</summary>
    internal long EvaluateModP(IReadOnlyList<long> x)
    {
        CheckPoint(x.Count);
        long sum = 0;
        foreach (var (k, c) in _terms)
        {
            long term = (long)BigInteger.Remainder(c, ModPOps.P); if (term < 0) term += ModPOps.P;
            for (int i = 0; i < Variables; i++) if (k.Exponents[i] > 0) term = term * ModPOps.Pow(x[i], k.Exponents[i]) % ModPOps.P;
            sum = ModPOps.Instance.Add(sum, term);
        }
        return sum;
    }

    private void CheckPoint(int count)
    {
        if (count != Variables) throw new ArgumentException($"Expected {Variables} values, got {count}.", "x");
    }

    /// <summary>Plain text, e.g. "w11 + 2 l21 w12 - l12^2 w22".</summary>
    /// <param name="names">One name per variable.</param>
    public string ToText(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Render(names, false);
    }

    /// <summary>LaTeX, e.g. "\omega_{11} + 2 \lambda_{21} \omega_{12}".</summary>
    /// <param name="names">One LaTeX name per variable.</param>
    public string ToLatex(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Render(names, true);
    }

    private IEnumerable<KeyValuePair<Key, BigInteger>> Ordered() =>
        _terms.OrderBy(kv => kv.Key.Exponents.Sum()).ThenBy(kv => kv.Key, KeyOrder.Instance);

    private string Render(IReadOnlyList<string> names, bool latex)
    {
        if (names.Count != Variables) throw new ArgumentException($"Expected {Variables} names, got {names.Count}.", nameof(names));
        if (_terms.Count == 0) return "0";
        var sb = new StringBuilder();
        foreach (var (k, c) in Ordered())
        {
            var abs = BigInteger.Abs(c);
            sb.Append(sb.Length == 0 ? (c.Sign < 0 ? "-" : "") : (c.Sign < 0 ? " - " : " + "));
            var factors = new List<string>();
            for (int i = 0; i < Variables; i++)
            {
                int e = k.Exponents[i];
                if (e == 0) continue;
                factors.Add(e == 1 ? names[i] : latex ? $"{names[i]}^{{{e}}}" : $"{names[i]}^{e}");
            }
            if (!abs.IsOne || factors.Count == 0) factors.Insert(0, abs.ToString(CultureInfo.InvariantCulture));
            sb.Append(string.Join(latex ? " " : " ", factors));
        }
        return sb.ToString();
    }

    /// <summary>Parses a sum of integer multiples of products of named variables with powers, such as
    /// "- s11 s13 s22 s34 + 2 s12^2 s14 s33" (the printing format of <see cref="ToText"/>; '*' is also accepted).</summary>
    /// <param name="text">The text.</param>
    /// <param name="names">The variable names.</param>
    public static Polynomial Parse(string text, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = names.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var terms = new List<(int[], BigInteger)>();
        int pos = 0;
        string s = text.Replace("*", " ");
        void SkipWs() { while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++; }
        SkipWs();
        if (s.Trim() == "0") return Constant(names.Count, 0);
        while (pos < s.Length)
        {
            int sign = 1;
            if (s[pos] is '+' or '-') { if (s[pos] == '-') sign = -1; pos++; SkipWs(); }
            else if (terms.Count > 0) throw new FormatException($"Expected '+' or '-' at position {pos + 1} of \"{text}\".");
            BigInteger coef = BigInteger.One;
            var exps = new int[names.Count];
            bool any = false;
            while (pos < s.Length && s[pos] is not ('+' or '-'))
            {
                int start = pos;
                while (pos < s.Length && !char.IsWhiteSpace(s[pos]) && s[pos] is not ('+' or '-' or '^')) pos++;
                string tok = s[start..pos];
                int power = 1;
                if (pos < s.Length && s[pos] == '^')
                {
                    pos++; int ps = pos;
                    while (pos < s.Length && char.IsDigit(s[pos])) pos++;
                    power = int.Parse(s[ps..pos], CultureInfo.InvariantCulture);
                }
                if (tok.Length > 0 && char.IsDigit(tok[0])) coef *= BigInteger.Pow(BigInteger.Parse(tok, CultureInfo.InvariantCulture), power);
                else if (index.TryGetValue(tok, out int v)) exps[v] += power;
                else throw new FormatException($"Unknown variable '{tok}' at position {start + 1} of \"{text}\".");
                any = true;
                SkipWs();
            }
            if (!any) throw new FormatException($"Empty term at position {pos + 1} of \"{text}\".");
            terms.Add((exps, sign * coef));
        }
        return FromTerms(names.Count, terms);
    }

    /// <inheritdoc/>
    public bool Equals(Polynomial? other) =>
        other is not null && other.Variables == Variables && other._terms.Count == _terms.Count &&
        _terms.All(kv => other._terms.TryGetValue(kv.Key, out var c) && c == kv.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Polynomial);

    /// <inheritdoc/>
    public override int GetHashCode() => _terms.Aggregate(Variables, (h, kv) => h ^ HashCode.Combine(kv.Key, kv.Value));

    /// <summary>Text with variables x0, x1, ...</summary>
    public override string ToString() => ToText(Enumerable.Range(0, Variables).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)).ToArray());

    private readonly struct Key : IEquatable<Key>
    {
        private readonly int _hash;
        public Key(int[] exponents)
        {
            Exponents = exponents;
            var h = new HashCode();
            foreach (int e in exponents) h.Add(e);
            _hash = h.ToHashCode();
        }
        public int[] Exponents { get; }
        public bool Equals(Key other) => _hash == other._hash && Exponents.AsSpan().SequenceEqual(other.Exponents);
        public override bool Equals(object? obj) => obj is Key k && Equals(k);
        public override int GetHashCode() => _hash;
    }

    private sealed class KeyOrder : IComparer<Key>
    {
        public static KeyOrder Instance { get; } = new();
        // Lexicographic with larger exponents of earlier variables first.
        public int Compare(Key a, Key b)
        {
            for (int i = 0; i < a.Exponents.Length; i++)
                if (a.Exponents[i] != b.Exponents[i]) return b.Exponents[i].CompareTo(a.Exponents[i]);
            return 0;
        }
    }
}
