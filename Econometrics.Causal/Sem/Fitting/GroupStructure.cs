using Econometrics.Sem.Syntax;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The group structure of a model: the number of groups, lavaan's <c>group.equal</c> levels (parameters of those kinds
/// equal across groups) and <c>group.partial</c> parameters (exempt from them), as (lhs, op, rhs) with op <c>~1</c> for
/// intercepts.
/// </summary>
internal sealed record GroupStructure(int Count, IReadOnlySet<string> Equal, IReadOnlyList<(string Lhs, string Op, string Rhs)> Partial)
{
    /// <summary>lavaan's group.equal levels for continuous data.</summary>
    public static readonly IReadOnlyList<string> Levels =
        ["loadings", "intercepts", "means", "residuals", "residual.covariances", "lv.variances", "lv.covariances", "regressions"];

    public static string Text(string lhs, string op, string rhs) => op == "~1" ? $"{lhs} ~ 1" : $"{lhs} {op} {rhs}";

    /// <summary>Checks the group.equal names and parses the group.partial statements ("x1 ~ 1", "visual =~ x2", "x1 ~~ x2").</summary>
    public static GroupStructure Of(int count, IEnumerable<string> equal, IEnumerable<string> partial)
    {
        var eq = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in equal)
        {
            if (!Levels.Contains(e))
                throw new ArgumentException($"GroupEqual '{e}' is not a level of lavaan's group.equal; use {string.Join(", ", Levels)}.", "GroupEqual");
            eq.Add(e);
        }
        var parts = new List<(string, string, string)>();
        foreach (var text in partial)
        {
            IReadOnlyList<ModelStatement> st;
            try { st = LavaanSyntax.Parse(text); }
            catch (ModelSyntaxException ex)
            {
                throw new ArgumentException($"GroupPartial '{text}' is not a parameter such as 'x1 ~ 1' or 'visual =~ x2': {ex.Message}", "GroupPartial");
            }
            foreach (var s in st)
            {
                if (!s.IsStructural) throw new ArgumentException($"GroupPartial '{text}' is not a parameter (=~, ~, ~~ or ~ 1).", "GroupPartial");
                foreach (var t in s.Rhs) parts.Add((s.Lhs, s.Op, t.IsIntercept ? "" : t.Name));
            }
        }
        return new GroupStructure(count, eq, parts);
    }
}
