using System.Text;

namespace Econometrics.Causal.Sem;

/// <summary>
/// Sigma of a linear SEM as rational functions of the parameter symbols (l12, w11, ...):
/// sigma_ij = Numerators[i, j] / Determinant^2 with Determinant = det(I - Lambda), from the one-connection rule.
/// The common denominator is not cancelled against the numerators.
/// </summary>
public sealed class SymbolicCovariance
{
    private readonly Polynomial[,] _num;

    internal SymbolicCovariance(MixedGraph graph, Polynomial[,] numerators, Polynomial determinant)
    {
        Graph = graph; _num = numerators; Determinant = determinant;
    }

    /// <summary>The graph.</summary>
    public MixedGraph Graph { get; }

    /// <summary>det(I - Lambda) as a polynomial in the parameters.</summary>
    public Polynomial Determinant { get; }

    /// <summary>The numerator of sigma_ij (over det(I - Lambda)^2).</summary>
    /// <param name="i">Row node index.</param>
    /// <param name="j">Column node index.</param>
    public Polynomial Numerator(int i, int j) => _num[i, j];

    /// <summary>Exact value at rational parameters.</summary>
    /// <param name="theta">Parameters in theta order.</param>
    public Rational[,] Evaluate(IReadOnlyList<Rational> theta)
    {
        var det = Determinant.Evaluate(theta);
        if (det.IsZero) throw new ArgumentException("det(I - Lambda) = 0 at these parameters.", nameof(theta));
        int n = Graph.Count;
        var s = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) s[i, j] = s[j, i] = _num[i, j].Evaluate(theta) / (det * det);
        return s;
    }

    /// <summary>Plain text, one line per entry of the upper triangle, e.g. "s12 = (l12 w11 + l21 w22) / det^2".</summary>
    public string ToText()
    {
        var names = Graph.ParameterNames();
        bool acyclic = Determinant.Degree == 0;
        var sb = new StringBuilder();
        if (!acyclic) sb.Append("det = ").AppendLine(Determinant.ToText(names));
        foreach (var (i, j) in Pairs())
        {
            string body = _num[i, j].ToText(names);
            sb.Append(EntryName(i, j, false)).Append(" = ").AppendLine(acyclic ? body : $"({body}) / det^2");
        }
        return sb.ToString();
    }

    /// <summary>LaTeX: an aligned environment with one line per entry.</summary>
    public string ToLatex()
    {
        var names = Graph.ParameterLatexNames();
        bool acyclic = Determinant.Degree == 0;
        string det = Determinant.ToLatex(names);
        var lines = Pairs().Select(p =>
        {
            string body = _num[p.I, p.J].ToLatex(names);
            return $"{EntryName(p.I, p.J, true)} &= " + (acyclic ? body : $"\\frac{{{body}}}{{\\left({det}\\right)^{{2}}}}");
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
