using System.Text;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Covariance;

/// <summary>
/// Sigma of a linear SEM as rational functions of the parameter symbols (l12, w11, ...). The one-connection rule gives
/// sigma_ij = Numerator(i, j) / det(I - Lambda)^2; det(I - Lambda) factors over the cyclic strongly connected
/// components C, and the reduced form cancels every factor det_C that divides the numerator (exact division). What
/// remains is at most det_C^([C in an(i)] + [C in an(j)]), and less when no trek between i and j passes through C.
/// </summary>
public sealed class SymbolicCovariance
{
    private readonly Polynomial[,] _num;
    private readonly Polynomial[,] _reduced;
    private readonly int[,][] _powers;
    private readonly IReadOnlyList<int[]> _components;
    private readonly Polynomial[] _factors;

    internal SymbolicCovariance(MixedGraph graph, Polynomial[,] numerators, Polynomial determinant, List<int[]> components, Polynomial[] factors)
    {
        Graph = graph; _num = numerators; Determinant = determinant; _components = components; _factors = factors;
        int n = graph.Count;
        _reduced = new Polynomial[n, n];
        _powers = new int[n, n][];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                var p = numerators[i, j];
                var pow = new int[factors.Length];
                for (int c = 0; c < factors.Length; c++)
                {
                    pow[c] = 2;
                    // Cancel each component factor as often as it divides (exact multivariate division).
                    while (pow[c] > 0 && !p.IsZero && p.TryDivide(factors[c], out var q)) { p = q!; pow[c]--; }
                    if (p.IsZero) pow[c] = 0;
                }
                _reduced[i, j] = _reduced[j, i] = p;
                _powers[i, j] = _powers[j, i] = pow;
            }
    }

    /// <summary>The graph.</summary>
    public MixedGraph Graph { get; }

    /// <summary>det(I - Lambda) as a polynomial in the parameters.</summary>
    public Polynomial Determinant { get; }

    /// <summary>The one-connection numerator of sigma_ij over det(I - Lambda)^2 (before cancellation).</summary>
    /// <param name="i">Row node index.</param>
    /// <param name="j">Column node index.</param>
    public Polynomial Numerator(int i, int j) => _num[i, j];

    /// <summary>The numerator of sigma_ij after cancelling the component determinants that divide it.</summary>
    /// <param name="i">Row node index.</param>
    /// <param name="j">Column node index.</param>
    public Polynomial ReducedNumerator(int i, int j) => _reduced[i, j];

    /// <summary>The reduced denominator of sigma_ij: the product of det(I - Lambda)[C, C] to these powers, one per cyclic component.</summary>
    /// <param name="i">Row node index.</param>
    /// <param name="j">Column node index.</param>
    public IReadOnlyList<(IReadOnlyList<string> Component, Polynomial Factor, int Power)> ReducedDenominator(int i, int j) =>
        _components.Select((c, k) => ((IReadOnlyList<string>)c.Select(v => Graph.Nodes[v]).ToArray(), _factors[k], _powers[i, j][k]))
            .Where(t => t.Item3 > 0).ToArray();

    /// <summary>Exact value at rational parameters.</summary>
    /// <param name="theta">Parameters in theta order.</param>
    public Rational[,] Evaluate(IReadOnlyList<Rational> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        var det = Determinant.Evaluate(theta);
        if (det.IsZero) throw new ArgumentException("det(I - Lambda) = 0 at these parameters.", nameof(theta));
        int n = Graph.Count;
        var s = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) s[i, j] = s[j, i] = _num[i, j].Evaluate(theta) / (det * det);
        return s;
    }

    private string FactorName(int k, bool latex) =>
        _components.Count == 1 ? "det" : (latex ? $"\\det_{{{string.Join("", _components[k].Select(v => Graph.Nodes[v]))}}}" :
            $"det[{string.Join(",", _components[k].Select(v => Graph.Nodes[v]))}]");

    /// <summary>Plain text: the component determinants, then one line per entry of the upper triangle in reduced form,
    /// e.g. "s12 = (l12 w11 + l32 w13) / det".</summary>
    public string ToText()
    {
        var names = Graph.ParameterNames();
        var sb = new StringBuilder();
        for (int k = 0; k < _factors.Length; k++) sb.Append(FactorName(k, false)).Append(" = ").AppendLine(_factors[k].ToText(names));
        foreach (var (i, j) in Pairs())
        {
            string body = _reduced[i, j].ToText(names);
            var den = Enumerable.Range(0, _factors.Length).Where(k => _powers[i, j][k] > 0)
                .Select(k => FactorName(k, false) + (_powers[i, j][k] == 2 ? "^2" : "")).ToList();
            sb.Append(EntryName(i, j, false)).Append(" = ")
              .AppendLine(den.Count == 0 ? body : $"({body}) / {(den.Count == 1 ? den[0] : "(" + string.Join(" ", den) + ")")}");
        }
        return sb.ToString();
    }

    /// <summary>LaTeX: an aligned environment with one line per entry (reduced form).</summary>
    public string ToLatex()
    {
        var names = Graph.ParameterLatexNames();
        var lines = Pairs().Select(p =>
        {
            string body = _reduced[p.I, p.J].ToLatex(names);
            var den = Enumerable.Range(0, _factors.Length).Where(k => _powers[p.I, p.J][k] > 0)
                .Select(k => $"\\left({_factors[k].ToLatex(names)}\\right)" + (_powers[p.I, p.J][k] == 2 ? "^{2}" : "")).ToList();
            return $"{EntryName(p.I, p.J, true)} &= " + (den.Count == 0 ? body : $"\\frac{{{body}}}{{{string.Join(" ", den)}}}");
        });
        return "\\begin{aligned}\n" + string.Join(" \\\\\n", lines) + "\n\\end{aligned}";
    }

    private IEnumerable<(int I, int J)> Pairs()
    {
        for (int i = 0; i < Graph.Count; i++) for (int j = i; j < Graph.Count; j++) yield return (i, j);
    }

    private string EntryName(int i, int j, bool latex)
    {
        bool shortNames = Graph.Nodes.All(s => s.Length == 1);
        string idx = shortNames ? Graph.Nodes[i] + Graph.Nodes[j] : Graph.Nodes[i] + "," + Graph.Nodes[j];
        return latex ? $"\\sigma_{{{idx}}}" : shortNames ? "s" + idx : $"s({idx})";
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
