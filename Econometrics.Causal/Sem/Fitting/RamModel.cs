using Econometrics.Sem.Graphs;
using Econometrics.Sem.Syntax;
namespace Econometrics.Sem.Fitting;

/// <summary>
/// A model in RAM form: m variables (the first p observed), Sigma = F (I - A)^-1 S (I - A)^-T F^T, with A[i, j] the
/// coefficient of j -&gt; i (A = Lambda^T of the mixed graph) and S the (residual) covariance. Built from lavaan
/// statements with lavaan's defaults for <c>sem()</c>/<c>cfa()</c>, or from a mixed graph with all parameters free.
/// </summary>
internal sealed class RamModel
{
    private RamModel(string[] variables, int observed, List<RamCell> cells, int free, int[] fixedX)
    {
        Variables = variables; Observed = observed; Cells = cells; FreeCount = free; FixedX = fixedX;
        HasMeans = cells.Any(c => c.IsMean);
        foreach (var c in cells.Where(c => c.Label is not null)) Labels.TryAdd(c.Label!, c);
    }

    /// <summary>Each label and the first cell carrying it (cells sharing a label share their free parameter).</summary>
    public Dictionary<string, RamCell> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the model has a mean structure (intercepts and latent means).</summary>
    public bool HasMeans { get; }

    public string[] Variables { get; }
    public int Observed { get; }
    public int Size => Variables.Length;
    public List<RamCell> Cells { get; }
    public int FreeCount { get; }

    /// <summary>Indices (among the observed) of exogenous observed covariates whose moments are fixed at the sample values (fixed.x).</summary>
    public int[] FixedX { get; }

    public bool IsLatent(int v) => v >= Observed;

    /// <summary>The same variables with another parameter table (for extended models, e.g. modification indices).</summary>
    public RamModel WithCells(List<RamCell> cells, int free) => new(Variables, Observed, cells, free, FixedX);

    /// <summary>The mixed graph with every edge and variance free and all variables observed.</summary>
    public static RamModel FromGraph(MixedGraph g)
    {
        var cells = new List<RamCell>();
        int k = 0;
        foreach (var e in g.Directed) cells.Add(new(g.Nodes[e.To], "~", g.Nodes[e.From], true, e.To, e.From, k++, double.NaN, null, RamCellKind.User));
        for (int v = 0; v < g.Count; v++) cells.Add(new(g.Nodes[v], "~~", g.Nodes[v], false, v, v, k++, double.NaN, null, RamCellKind.User));
        foreach (var e in g.Bidirected) cells.Add(new(g.Nodes[e.A], "~~", g.Nodes[e.B], false, e.A, e.B, k++, double.NaN, null, RamCellKind.User));
        return new RamModel(g.Nodes.ToArray(), g.Count, cells, k, []);
    }

    /// <summary>Builds the parameter table from lavaan statements, checking variables against the data's columns.</summary>
    /// <param name="statements">The parsed statements.</param>
    /// <param name="columns">The data's columns.</param>
    /// <param name="stdLv">lavaan's std.lv.</param>
    /// <param name="meanStructure">Add the mean structure even when no statement has <c>~ 1</c> (lavaan's meanstructure).</param>
    /// <param name="observedInterceptsFree">lavaan's int.ov.free: default intercepts of observed variables free (else 0).</param>
    /// <param name="latentMeansFree">lavaan's int.lv.free: default intercepts of latent variables free (else 0).</param>
    public static RamModel FromStatements(IReadOnlyList<ModelStatement> statements, IReadOnlyCollection<string> columns, bool stdLv = false,
                                          bool meanStructure = false, bool observedInterceptsFree = true, bool latentMeansFree = false) =>
        FromStatements(statements, columns, new GroupStructure(1, new HashSet<string>(), []), stdLv, meanStructure, observedInterceptsFree, latentMeansFree)[0];

    /// <summary>
    /// The parameter tables of a multiple-group model: one <see cref="RamModel"/> per group over the same variables, whose free
    /// cells index one shared parameter vector. A label (also a group's entry of <c>c(...)</c>) names one parameter in every
    /// group that uses it; the levels of <paramref name="groups"/>' Equal make a cell of group g share group 1's parameter
    /// unless it is listed in Partial (lavaan's group.equal and group.partial). With more than one group and equal
    /// intercepts (but not equal means), the latent means are free in groups 2..G, as in lavaan.
    /// </summary>
    public static RamModel[] FromStatements(IReadOnlyList<ModelStatement> statements, IReadOnlyCollection<string> columns, GroupStructure groups,
                                            bool stdLv = false, bool meanStructure = false, bool observedInterceptsFree = true,
                                            bool latentMeansFree = false)
    {
        if (!statements.Any(s => s.IsStructural))
            throw new ModelSyntaxException("the model has only definitions or constraints; add =~, ~ or ~~ statements.", statements[0].Line,
                statements[0].Column);
        statements = statements.Where(s => s.IsStructural).ToList();
        meanStructure |= statements.Any(s => s.Op == "~1");
        var latent = statements.Where(s => s.Op == "=~").Select(s => s.Lhs).Distinct().ToList();
        var order = new List<string>();
        var firstSeen = new Dictionary<string, (int Line, int Col)>();
        void See(string name, int line, int col) { if (firstSeen.TryAdd(name, (line, col))) order.Add(name); }
        foreach (var s in statements) { See(s.Lhs, s.Line, s.Column); foreach (var t in s.Rhs.Where(t => !t.IsIntercept)) See(t.Name, t.Line, t.Column); }
        var colSet = new HashSet<string>(columns, StringComparer.Ordinal);
        foreach (var f in latent.Where(colSet.Contains))
        {
            var (line, col) = firstSeen[f];
            throw new ModelSyntaxException($"latent variable '{f}' (defined with =~) has the name of a column of the data; rename the latent variable.", line,
                col);
        }
        var observed = order.Where(v => !latent.Contains(v)).ToList();
        foreach (var v in observed)
            if (!colSet.Contains(v))
            {
                var (line, col) = firstSeen[v];
                throw new ModelSyntaxException($"unknown variable '{v}': it is not a column of the data and not a latent variable (defined with =~).", line,
                    col);
            }
        foreach (var s in statements.Where(s => s.Op == "=~"))
            foreach (var t in s.Rhs)
                if (t.Name == s.Lhs) throw new ModelSyntaxException($"latent variable '{s.Lhs}' cannot be its own indicator.", t.Line, t.Column);
        var variables = observed.Concat(latent).ToArray();
        var index = variables.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);

        var indicators = new HashSet<string>(statements.Where(s => s.Op == "=~").SelectMany(s => s.Rhs.Select(t => t.Name)));
        var regLhs = new HashSet<string>(statements.Where(s => s.Op == "~").Select(s => s.Lhs));
        var regRhs = new HashSet<string>(statements.Where(s => s.Op == "~").SelectMany(s => s.Rhs.Select(t => t.Name)));
        // lavaan's fixed.x = TRUE: observed variables that only ever predict are exogenous covariates.
        var xs = observed.Where(v => regRhs.Contains(v) && !regLhs.Contains(v) && !indicators.Contains(v)).ToList();

        var partial = new Dictionary<(int, int, int), string>();
        foreach (var (lhs, op, rhs) in groups.Partial)
        {
            string text = GroupStructure.Text(lhs, op, rhs);
            if (!index.TryGetValue(lhs, out int r) || (op != "~1" && !index.ContainsKey(rhs)))
                throw new ArgumentException($"GroupPartial '{text}' names a variable that is not in the model.", "GroupPartial");
            int c = op == "~1" ? 0 : index[rhs];
            partial[op switch { "=~" => (0, c, r), "~" => (0, r, c), "~1" => (2, r, 0), _ => (1, Math.Max(r, c), Math.Min(r, c)) }] = text;
        }
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstGroup = new Dictionary<(int, int, int), int>();
        int free = 0;
        var models = new List<(List<RamCell> Cells, HashSet<(int, int, int)> Taken)>();
        int p = observed.Count;
        string? Level(string op, int row, int col) => op switch
        {
            "=~" => "loadings",
            "~" => "regressions",
            "~1" => row < p ? "intercepts" : "means",
            _ when row == col => row < p ? "residuals" : "lv.variances",
            _ when row < p && col < p => "residual.covariances",
            _ when row >= p && col >= p => "lv.covariances",
            _ => null,
        };
        for (int g = 0; g < groups.Count; g++)
        {
            var cells = new List<RamCell>();
            var taken = new HashSet<(int, int, int)>();
            var markerDone = new HashSet<string>();
            void Add(string lhs, string op, string rhs, bool isA, int row, int col, ModelTerm? term, bool fixOne, RamCellKind kind, int line, int column)
            {
                if (!isA && row < col) (row, col) = (col, row);
                var key = (isA ? 0 : op == "~1" ? 2 : 1, row, col);
                if (!taken.Add(key))
                {
                    if (kind != RamCellKind.User) return;
                    throw new ModelSyntaxException($"'{lhs} {op} {rhs}' is specified twice.", line, column);
                }
                term = term?.ForGroup(g, groups.Count);
                if (term?.Fixed is double v) { cells.Add(new(lhs, op, rhs, isA, row, col, -1, v, term.Label, kind)); return; }
                if (fixOne && term is not { ForceFree: true } && term?.Label is null)
                {
                    cells.Add(new(lhs, op, rhs, isA, row, col, -1, 1.0, null, kind));
                    return;
                }
                int idx;
                if (term?.Label is string lab) { if (!labels.TryGetValue(lab, out idx)) labels[lab] = idx = free++; }
                else if (g > 0 && firstGroup.TryGetValue(key, out int shared) && Level(op, row, col) is { } level && groups.Equal.Contains(level)
                         && !partial.ContainsKey(key)) idx = shared;
                else idx = free++;
                if (g == 0 && term?.Label is null) firstGroup[key] = idx;
                cells.Add(new(lhs, op, rhs, isA, row, col, idx, double.NaN, term?.Label, kind));
            }

            foreach (var s in statements)
                foreach (var t in s.Rhs)
                    switch (s.Op)
                    {
                        case "=~":
                            bool marker = markerDone.Add(s.Lhs) && !stdLv;
                            Add(s.Lhs, "=~", t.Name, true, index[t.Name], index[s.Lhs], t, marker, RamCellKind.User, t.Line, t.Column);
                            break;
                        case "~":
                            Add(s.Lhs, "~", t.Name, true, index[s.Lhs], index[t.Name], t, false, RamCellKind.User, t.Line, t.Column);
                            break;
                        case "~1":
                            if (xs.Contains(s.Lhs))
                                throw new ModelSyntaxException($"'{s.Lhs} ~ 1' concerns an exogenous covariate, whose mean is fixed at its sample " +
                                    $"value (fixed.x).", t.Line, t.Column);
                            Add(s.Lhs, "~1", "", false, index[s.Lhs], 0, t, false, RamCellKind.User, t.Line, t.Column);
                            break;
                        default:
                            if (xs.Contains(s.Lhs) && xs.Contains(t.Name))
                                throw new ModelSyntaxException($"'{s.Lhs} ~~ {t.Name}' concerns exogenous covariates, whose moments are fixed at their " +
                                    $"sample values (fixed.x).", t.Line, t.Column);
                            Add(s.Lhs, "~~", t.Name, false, index[s.Lhs], index[t.Name], t, false, RamCellKind.User, t.Line, t.Column);
                            break;
                    }
            // Defaults: residual and latent variances, then covariances among exogenous latents and among pure endogenous variables.
            // With std.lv the scale of each latent variable is set by fixing its (residual) variance at 1 instead of a marker loading.
            foreach (var v in variables.Where(v => !xs.Contains(v)))
                Add(v, "~~", v, false, index[v], index[v], stdLv && latent.Contains(v) ? new ModelTerm(v, 1.0, null, false, 0, 0) : null, false,
                    RamCellKind.Default, 0, 0);
            var exoLatent = latent.Where(f => !regLhs.Contains(f)).ToList();
            var pureY = variables.Where(v => regLhs.Contains(v) && !regRhs.Contains(v) && !indicators.Contains(v)).ToList();
            foreach (var group in new[] { exoLatent, pureY })
                for (int i = 0; i < group.Count; i++)
                    for (int j = i + 1; j < group.Count; j++)
                        Add(group[i], "~~", group[j], false, index[group[i]], index[group[j]], null, false, RamCellKind.Default, 0, 0);
            for (int i = 0; i < xs.Count; i++)
                for (int j = i; j < xs.Count; j++)
                {
                    int a = index[xs[i]], b = index[xs[j]];
                    if (taken.Add((1, Math.Max(a, b), Math.Min(a, b))))
                        cells.Add(new(xs[i], "~~", xs[j], false, Math.Max(a, b), Math.Min(a, b), -1, double.NaN, null, RamCellKind.FixedX));
                }
            if (meanStructure)
                foreach (var v in variables)
                {
                    int i = index[v];
                    if (xs.Contains(v))
                    {
                        if (taken.Add((2, i, 0))) cells.Add(new(v, "~1", "", false, i, 0, -1, double.NaN, null, RamCellKind.FixedX));
                        continue;
                    }
                    // lavaan frees the latent means of groups 2..G when the intercepts are equal across groups (and the means are not).
                    bool lvFree = latentMeansFree || (g > 0 && groups.Equal.Contains("intercepts") && !groups.Equal.Contains("means"));
                    bool isFree = latent.Contains(v) ? lvFree : observedInterceptsFree;
                    Add(v, "~1", "", false, i, 0, isFree ? null : new ModelTerm("", 0.0, null, false, 0, 0), false, RamCellKind.Default, 0, 0);
                }
            models.Add((cells, taken));
        }
        if (free == 0) throw new ModelSyntaxException("the model has no free parameters.", statements[0].Line, statements[0].Column);
        foreach (var (key, text) in partial)
            if (!models.Any(m => m.Cells.Any(c => c.IsFree && (c.IsA ? 0 : c.IsMean ? 2 : 1, c.Row, c.Col) == key)))
                throw new ArgumentException($"GroupPartial '{text}' is not a free parameter of the model.", "GroupPartial");
        var result = models.Select(m => new RamModel(variables, observed.Count, m.Cells, free, xs.Select(x => index[x]).ToArray())).ToArray();
        // Labels are shared across groups: every group's table knows every label (for := and constraints).
        foreach (var m in result)
            foreach (var other in result)
                foreach (var (label, cell) in other.Labels) m.Labels.TryAdd(label, cell);
        return result;
    }
}
