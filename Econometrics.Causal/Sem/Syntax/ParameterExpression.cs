using System.Globalization;

namespace Econometrics.Sem.Syntax;

/// <summary>
/// An arithmetic expression over parameter labels, as on either side of lavaan's <c>:=</c>, <c>==</c>, <c>&lt;</c> and
/// <c>&gt;</c>: numbers, names, <c>+ - * / ^</c> (with R's precedence: <c>^</c> binds tighter than unary minus and is
/// right-associative), parentheses and the functions <c>exp</c>, <c>log</c>, <c>sqrt</c> and <c>abs</c>.
/// </summary>
public sealed class ParameterExpression
{
    private readonly Node _root;

    private ParameterExpression(Node root, string text, IReadOnlyList<string> names)
    {
        _root = root; Text = text; Names = names;
    }

    /// <summary>The expression as lavaan prints it (white space removed).</summary>
    public string Text { get; }

    /// <summary>The names the expression refers to, in order of first appearance.</summary>
    public IReadOnlyList<string> Names { get; }

    private static readonly string[] Functions = ["exp", "log", "sqrt", "abs"];

    /// <summary>Parses an expression.</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="line">1-based line of the text (for error messages).</param>
    /// <param name="column">1-based column where the text starts.</param>
    /// <exception cref="ModelSyntaxException">A syntax error, with line and column.</exception>
    public static ParameterExpression Parse(string text, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new Parser(text, line, column);
        var root = p.Expression();
        p.SkipSpace();
        if (!p.AtEnd) throw p.Error($"unexpected '{text[p.Pos]}' in the expression.");
        return new ParameterExpression(root, string.Concat(text.Where(c => !char.IsWhiteSpace(c))), p.Names);
    }

    /// <summary>The value and its gradient with respect to q parameters, given the (value, gradient) of each name.</summary>
    internal Dual Evaluate(Func<string, Dual> lookup, int q) => _root.Evaluate(lookup, q);

    /// <summary>A value with its gradient (forward-mode automatic differentiation, exact derivatives).</summary>
    internal readonly record struct Dual(double Value, double[] Gradient)
    {
        public static Dual Constant(double v, int q) => new(v, new double[q]);

        public Dual Chain(double value, double derivative)
        {
            var g = new double[Gradient.Length];
            for (int i = 0; i < g.Length; i++) g[i] = derivative * Gradient[i];
            return new Dual(value, g);
        }

        public static Dual Combine(double value, Dual a, double da, Dual b, double db)
        {
            var g = new double[a.Gradient.Length];
            for (int i = 0; i < g.Length; i++) g[i] = (da == 0 ? 0 : da * a.Gradient[i]) + (db == 0 ? 0 : db * b.Gradient[i]);
            return new Dual(value, g);
        }
    }

    private abstract record Node
    {
        public abstract Dual Evaluate(Func<string, Dual> lookup, int q);
    }

    private sealed record Number(double Value) : Node
    {
        public override Dual Evaluate(Func<string, Dual> lookup, int q) => Dual.Constant(Value, q);
    }

    private sealed record Name(string Id) : Node
    {
        public override Dual Evaluate(Func<string, Dual> lookup, int q) => lookup(Id);
    }

    private sealed record Negate(Node Arg) : Node
    {
        public override Dual Evaluate(Func<string, Dual> lookup, int q) { var a = Arg.Evaluate(lookup, q); return a.Chain(-a.Value, -1); }
    }

    private sealed record Call(string Function, Node Arg) : Node
    {
        public override Dual Evaluate(Func<string, Dual> lookup, int q)
        {
            var a = Arg.Evaluate(lookup, q);
            double x = a.Value;
            return Function switch
            {
                "exp" => a.Chain(Math.Exp(x), Math.Exp(x)),
                "log" => a.Chain(Math.Log(x), 1 / x),
                "sqrt" => a.Chain(Math.Sqrt(x), 0.5 / Math.Sqrt(x)),
                _ => a.Chain(Math.Abs(x), Math.Sign(x)),
            };
        }
    }

    private sealed record Binary(char Op, Node Left, Node Right) : Node
    {
        public override Dual Evaluate(Func<string, Dual> lookup, int q)
        {
            var a = Left.Evaluate(lookup, q);
            var b = Right.Evaluate(lookup, q);
            double u = a.Value, v = b.Value;
            switch (Op)
            {
                case '+': return Dual.Combine(u + v, a, 1, b, 1);
                case '-': return Dual.Combine(u - v, a, 1, b, -1);
                case '*': return Dual.Combine(u * v, a, v, b, u);
                case '/': return Dual.Combine(u / v, a, 1 / v, b, -u / (v * v));
                default:
                    double pow = Math.Pow(u, v);
                    // d(u^v) = v u^(v-1) du + u^v log(u) dv; the second term only where v varies.
                    bool varies = b.Gradient.Any(x => x != 0);
                    return Dual.Combine(pow, a, v == 0 ? 0 : v * Math.Pow(u, v - 1), b, varies ? pow * Math.Log(u) : 0);
            }
        }
    }

    private sealed class Parser(string text, int line, int column)
    {
        public int Pos;
        public readonly List<string> Names = [];
        public bool AtEnd => Pos >= text.Length;

        public ModelSyntaxException Error(string message) => new(message, line, column + Math.Min(Pos, text.Length));

        public void SkipSpace() { while (Pos < text.Length && char.IsWhiteSpace(text[Pos])) Pos++; }

        private bool Accept(char c)
        {
            SkipSpace();
            if (Pos < text.Length && text[Pos] == c) { Pos++; return true; }
            return false;
        }

        public Node Expression()
        {
            var left = Term();
            while (true)
            {
                if (Accept('+')) left = new Binary('+', left, Term());
                else if (Accept('-')) left = new Binary('-', left, Term());
                else return left;
            }
        }

        private Node Term()
        {
            var left = Unary();
            while (true)
            {
                if (Accept('*')) left = new Binary('*', left, Unary());
                else if (Accept('/')) left = new Binary('/', left, Unary());
                else return left;
            }
        }

        // R: -a^2 is -(a^2), and the exponent may itself carry a sign (a^-1).
        private Node Unary()
        {
            if (Accept('-')) return new Negate(Unary());
            if (Accept('+')) return Unary();
            return Power();
        }

        private Node Power()
        {
            var b = Primary();
            return Accept('^') ? new Binary('^', b, Unary()) : b;
        }

        private Node Primary()
        {
            SkipSpace();
            if (AtEnd) throw Error("the expression ends early; expected a number, a label or '('.");
            char c = text[Pos];
            if (Accept('('))
            {
                var e = Expression();
                if (!Accept(')')) throw Error("expected ')'.");
                return e;
            }
            if (char.IsDigit(c) || c == '.')
            {
                int st = Pos;
                while (Pos < text.Length && (char.IsDigit(text[Pos]) || text[Pos] == '.' ||
                       ((text[Pos] is 'e' or 'E') && Pos + 1 < text.Length && (char.IsDigit(text[Pos + 1]) || text[Pos + 1] is '-' or '+')) ||
                       (text[Pos] is '-' or '+' && text[Pos - 1] is 'e' or 'E'))) Pos++;
                if (!double.TryParse(text[st..Pos], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw Error($"'{text[st..Pos]}' is not a number.");
                return new Number(v);
            }
            if (char.IsLetter(c) || c == '_')
            {
                int st = Pos;
                while (Pos < text.Length && (char.IsLetterOrDigit(text[Pos]) || text[Pos] is '_' or '.')) Pos++;
                string id = text[st..Pos];
                SkipSpace();
                if (Pos < text.Length && text[Pos] == '(')
                {
                    if (!Functions.Contains(id)) { Pos = st; throw Error($"unknown function '{id}' (known: {string.Join(", ", Functions)})."); }
                    Pos++;
                    var arg = Expression();
                    if (!Accept(')')) throw Error($"expected ')' after the argument of {id}.");
                    return new Call(id, arg);
                }
                if (!Names.Contains(id)) Names.Add(id);
                return new Name(id);
            }
            throw Error($"unexpected '{c}' in the expression; expected a number, a label or '('.");
        }
    }
}
