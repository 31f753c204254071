using System.Globalization;

namespace Econometrics.Sem.Syntax;

/// <summary>
/// A parser for the lavaan model syntax subset used for linear SEMs: <c>=~</c> (measured by), <c>~</c> (regressed on),
/// <c>~~</c> (variance/covariance), <c>~ 1</c> (intercept or latent mean; statement operator <c>~1</c>), modifiers <c>1*x</c> (fixed), <c>a*x</c>
/// (label), <c>NA*x</c> (free), several
/// left-hand sides joined by <c>+</c>, statements separated by new lines or <c>;</c>, a trailing <c>+</c> continuing a
/// statement on the next line, and comments from <c>#</c> or <c>!</c> to the end of the line. Defined parameters
/// <c>name := expression</c> and constraints <c>left == right</c>, <c>left &lt; right</c>, <c>left &gt; right</c> over labels
/// (see <see cref="ParameterExpression"/>) take one line (or one <c>;</c>-separated part of it) each.
/// </summary>
public static class LavaanSyntax
{
    private enum Kind { Name, Number, Op, Plus, Star, End, Vector }

    private readonly record struct Token(Kind Kind, string Text, int Line, int Column);

    /// <summary>Parses model text into statements.</summary>
    /// <param name="model">The model text.</param>
    /// <exception cref="ModelSyntaxException">A syntax error, with line and column.</exception>
    public static IReadOnlyList<ModelStatement> Parse(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var statements = new List<ModelStatement>();
        var (rest, functions) = ExtractFunctions(model);
        var tokens = Tokenize(rest);
        int pos = 0;
        while (pos < tokens.Count)
        {
            if (tokens[pos].Kind == Kind.End) { pos++; continue; }
            var stmt = new List<Token>();
            while (pos < tokens.Count && tokens[pos].Kind != Kind.End) stmt.Add(tokens[pos++]);
            statements.AddRange(ParseStatement(stmt, pos < tokens.Count ? tokens[pos] : default));
        }
        statements.AddRange(functions);
        if (statements.Count == 0) throw new ModelSyntaxException("the model has no statements.", 1, 1);
        return statements;
    }

    // Definitions and constraints are arithmetic, not a sum of terms: each ';'-separated part of a line holding ':=', '==',
    // '<' or '>' is parsed as such and blanked out (columns kept) before the model statements are tokenized.
    private static (string Remainder, List<ModelStatement> Functions) ExtractFunctions(string text)
    {
        var functions = new List<ModelStatement>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int li = 0; li < lines.Length; li++)
        {
            var chars = lines[li].ToCharArray();
            int end = Array.FindIndex(chars, c => c is '#' or '!');
            if (end < 0) end = chars.Length;
            int start = 0;
            while (start < end)
            {
                int stop = Array.IndexOf(chars, ';', start, end - start);
                if (stop < 0) stop = end;
                string part = new(chars, start, stop - start);
                int at = FunctionOperator(part, out string op);
                if (at >= 0)
                {
                    functions.Add(ParseFunction(part, at, op, li + 1, start + 1));
                    for (int i = start; i < stop; i++) chars[i] = ' ';
                }
                start = stop + 1;
            }
            lines[li] = new string(chars);
        }
        return (string.Join('\n', lines), functions);
    }

    private static int FunctionOperator(string part, out string op)
    {
        foreach (var o in new[] { ":=", "==", "<", ">" })
        {
            int i = part.IndexOf(o, StringComparison.Ordinal);
            if (i >= 0) { op = o; return i; }
        }
        op = "";
        return -1;
    }

    private static ModelStatement ParseFunction(string part, int at, string op, int line, int offset)
    {
        if (op == "<" && at + 1 < part.Length && part[at + 1] == '~')
            throw new ModelSyntaxException("operator '<~' (formative indicators) is not supported (only =~, ~, ~~, :=, ==, < and >).", line, offset + at);
        string left = part[..at], right = part[(at + op.Length)..];
        int leftCol = offset + left.TakeWhile(char.IsWhiteSpace).Count();
        if (string.IsNullOrWhiteSpace(left)) throw new ModelSyntaxException($"'{op}' needs a left-hand side.", line, offset + at);
        if (string.IsNullOrWhiteSpace(right)) throw new ModelSyntaxException($"'{op}' needs a right-hand side.", line, offset + at + op.Length);
        var rhs = ParameterExpression.Parse(right, line, offset + at + op.Length);
        if (op == ":=")
        {
            string name = left.Trim();
            if (!(char.IsLetter(name[0]) || name[0] is '_' or '.') || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.'))
                throw new ModelSyntaxException($"the left-hand side of ':=' must be a name, found '{name}'.", line, leftCol);
            return new ModelStatement(name, op, [], line, leftCol) { Expression = rhs };
        }
        var lhs = ParameterExpression.Parse(left, line, offset);
        return new ModelStatement(lhs.Text, op, [], line, leftCol) { Expression = rhs, LeftExpression = lhs };
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int li = 0; li < lines.Length; li++)
        {
            string s = lines[li];
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                int col = i + 1, line = li + 1;
                if (c is '#' or '!') break;
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == ';') { tokens.Add(new(Kind.End, ";", line, col)); i++; continue; }
                if (c == '+') { tokens.Add(new(Kind.Plus, "+", line, col)); i++; continue; }
                if (c == '*') { tokens.Add(new(Kind.Star, "*", line, col)); i++; continue; }
                if (c == '=' && i + 1 < s.Length && s[i + 1] == '~') { tokens.Add(new(Kind.Op, "=~", line, col)); i += 2; continue; }
                if (c == '~')
                {
                    bool two = i + 1 < s.Length && s[i + 1] == '~'; tokens.Add(new(Kind.Op, two ? "~~" : "~", line,
                    col)); i += two ? 2 : 1; continue;
                }
                if (c == 'c' && s.AsSpan(i + 1).TrimStart().StartsWith("("))
                {
                    // c(m1, m2, ...): group-specific modifiers, kept as one token of the text between the parentheses.
                    int open = s.IndexOf('(', i), close = s.IndexOf(')', open);
                    if (close < 0) throw new ModelSyntaxException("c( has no closing parenthesis.", line, col);
                    tokens.Add(new(Kind.Vector, s[(open + 1)..close], line, col));
                    i = close + 1;
                    continue;
                }
                if (char.IsLetter(c) || c is '_' or '.')
                {
                    int st = i;
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '.')) i++;
                    tokens.Add(new(Kind.Name, s[st..i], line, col)); continue;
                }
                if (char.IsDigit(c) || c == '-')
                {
                    int st = i; i++;
                    while (i < s.Length && (char.IsDigit(s[i]) || s[i] is '.' or 'e' or 'E' || (s[i] is '-' or '+' && s[i - 1] is 'e' or 'E'))) i++;
                    if (!double.TryParse(s[st..i], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        throw new ModelSyntaxException($"'{s[st..i]}' is not a number.", line, col);
                    tokens.Add(new(Kind.Number, s[st..i], line, col)); continue;
                }
                string op = i + 1 < s.Length ? s.Substring(i, 2) : c.ToString();
                string what = op is "|~" ? $"operator '{op}' is not supported (only =~, ~, ~~, :=, ==, < and >)"
                    : $"unexpected character '{c}'";
                throw new ModelSyntaxException(what + ".", line, col);
            }
            // A line ending in '+' or an operator continues on the next line; otherwise the statement ends here.
            if (tokens.Count > 0 && tokens[^1].Kind is not (Kind.Plus or Kind.Op or Kind.Star or Kind.End) && tokens[^1].Line == li + 1)
                tokens.Add(new(Kind.End, "\n", li + 1, s.Length + 1));
        }
        return tokens;
    }

    private static IEnumerable<ModelStatement> ParseStatement(List<Token> t, Token end)
    {
        int opAt = t.FindIndex(x => x.Kind == Kind.Op);
        if (opAt < 0)
        {
            if (t.Count > 1) throw new ModelSyntaxException($"expected an operator (=~, ~ or ~~) before '{t[1].Text}'.", t[1].Line, t[1].Column);
            throw new ModelSyntaxException($"expected an operator (=~, ~ or ~~) after '{t[0].Text}'.", t[0].Line, t[0].Column + t[0].Text.Length);
        }
        if (opAt == 0) throw new ModelSyntaxException($"'{t[0].Text}' needs a variable on its left.", t[0].Line, t[0].Column);
        var op = t[opAt];
        int second = t.FindIndex(opAt + 1, x => x.Kind == Kind.Op);
        if (second >= 0) throw new ModelSyntaxException($"a second operator '{t[second].Text}' in one statement; separate statements by a new line or ';'.",
            t[second].Line, t[second].Column);
        var lhs = new List<Token>();
        for (int i = 0; i < opAt; i++)
        {
            if (i % 2 == 0)
            {
                if (t[i].Kind != Kind.Name) throw new ModelSyntaxException($"expected a variable name, found '{t[i].Text}'.", t[i].Line, t[i].Column);
                lhs.Add(t[i]);
            }
            else if (t[i].Kind != Kind.Plus) throw new ModelSyntaxException($"expected '+' or an operator, found '{t[i].Text}'.", t[i].Line, t[i].Column);
        }
        if (opAt % 2 == 0) throw new ModelSyntaxException("a left-hand side cannot end in '+'.", op.Line, op.Column);
        var rhs = new List<ModelTerm>();
        int p = opAt + 1;
        if (p >= t.Count) throw new ModelSyntaxException($"'{op.Text}' needs a right-hand side.", op.Line, op.Column + op.Text.Length);
        while (p < t.Count)
        {
            rhs.Add(ParseTerm(t, ref p, op));
            if (p < t.Count)
            {
                if (t[p].Kind != Kind.Plus) throw new ModelSyntaxException($"expected '+' between terms, found '{t[p].Text}'.", t[p].Line, t[p].Column);
                p++;
                if (p >= t.Count) throw new ModelSyntaxException("a statement cannot end in '+'.", t[p - 1].Line, t[p - 1].Column);
            }
        }
        // Intercepts written among regressors (y ~ 1 + x) become their own "~1" statements, as in lavaan's parameter table.
        var slopes = rhs.Where(r => !r.IsIntercept).ToList();
        foreach (var l in lhs)
        {
            if (slopes.Count > 0) yield return new ModelStatement(l.Text, op.Text, slopes, l.Line, l.Column);
            foreach (var i in rhs.Where(r => r.IsIntercept)) yield return new ModelStatement(l.Text, "~1", [i], l.Line, l.Column);
        }
    }

    private static ModelTerm ParseTerm(List<Token> t, ref int p, Token op)
    {
        double? fix = null; string? label = null; bool na = false;
        List<(double? Fix, string? Label, bool Na)>? perGroup = null;
        if (p + 1 < t.Count && t[p + 1].Kind == Kind.Star && t[p].Kind == Kind.Vector)
        {
            var m = t[p];
            perGroup = [];
            foreach (var raw in m.Text.Split(','))
            {
                string e = raw.Trim();
                if (e.Length == 0) throw new ModelSyntaxException("c(...) has an empty entry.", m.Line, m.Column);
                if (e == "NA") perGroup.Add((null, null, true));
                else if (double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) perGroup.Add((d, null, false));
                else if ((char.IsLetter(e[0]) || e[0] is '_' or '.') && e.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.'))
                    perGroup.Add((null, e, false));
                else throw new ModelSyntaxException($"c(...) entry '{e}' is not a number, NA or a label.", m.Line, m.Column);
            }
            p += 2;
        }
        else if (p + 1 < t.Count && t[p + 1].Kind == Kind.Star)
        {
            var m = t[p];
            if (m.Kind == Kind.Number) fix = double.Parse(m.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            else if (m.Kind == Kind.Name && m.Text == "NA") na = true;
            else if (m.Kind == Kind.Name) label = m.Text;
            else throw new ModelSyntaxException($"expected a number, NA or a label before '*', found '{m.Text}'.", m.Line, m.Column);
            p += 2;
        }
        if (p >= t.Count) throw new ModelSyntaxException("expected a variable after '*'.", t[p - 1].Line, t[p - 1].Column);
        var v = t[p];
        if (v.Kind == Kind.Number && v.Text == "1" && op.Text == "~")
        {
            p++;
            return new ModelTerm("", fix, label, na, v.Line, v.Column)
            {
                IsIntercept = true,
                PerGroup = perGroup?.Select(e => new ModelTerm("", e.Fix, e.Label, e.Na, v.Line, v.Column) { IsIntercept = true }).ToList(),
            };
        }
        if (v.Kind != Kind.Name) throw new ModelSyntaxException($"expected a variable name, found '{v.Text}'.", v.Line, v.Column);
        p++;
        return new ModelTerm(v.Text, fix, label, na, v.Line, v.Column)
        {
            PerGroup = perGroup?.Select(e => new ModelTerm(v.Text, e.Fix, e.Label, e.Na, v.Line, v.Column)).ToList(),
        };
    }
}
