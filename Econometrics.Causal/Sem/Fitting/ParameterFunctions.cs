using Econometrics.Sem.Syntax;
using Dual = Econometrics.Sem.Syntax.ParameterExpression.Dual;

namespace Econometrics.Sem.Fitting;

/// <summary>A linear constraint a'theta = b (equality) or a'theta &gt;= b (inequality) from a lavaan statement.</summary>
internal sealed record LinearConstraint(double[] A, double B, ModelStatement Source)
{
    public string Text => $"{Source.Lhs} {Source.Op} {Source.Expression!.Text}";

    public double Slack(IReadOnlyList<double> theta)
    {
        double s = -B;
        for (int i = 0; i < A.Length; i++) s += A[i] * theta[i];
        return s;
    }
}

/// <summary>
/// The defined parameters (<c>name := expression</c>) and constraints (<c>==</c>, <c>&lt;</c>, <c>&gt;</c>) of a model, compiled
/// against its labels. Defined parameters are functions of the free parameters with exact gradients (for delta-method
/// standard errors); constraints must be linear in the free parameters.
/// </summary>
internal sealed class ParameterFunctions
{
    private readonly RamModel _model;

    private ParameterFunctions(RamModel model, List<ModelStatement> defined, List<LinearConstraint> eq, List<LinearConstraint> ineq)
    {
        _model = model; Defined = defined; Equalities = eq; Inequalities = ineq;
    }

    public IReadOnlyList<ModelStatement> Defined { get; }
    public IReadOnlyList<LinearConstraint> Equalities { get; }
    public IReadOnlyList<LinearConstraint> Inequalities { get; }
    public bool Any => Defined.Count + Equalities.Count + Inequalities.Count > 0;

    public static ParameterFunctions Compile(IReadOnlyList<ModelStatement> statements, RamModel model)
    {
        var defined = new List<ModelStatement>();
        var variables = new HashSet<string>(model.Variables, StringComparer.Ordinal);
        foreach (var s in statements.Where(s => s.Op == ":="))
        {
            if (model.Labels.ContainsKey(s.Lhs))
                throw new ModelSyntaxException($"'{s.Lhs}' is defined with ':=' but is already a parameter label.", s.Line, s.Column);
            if (variables.Contains(s.Lhs))
                throw new ModelSyntaxException($"'{s.Lhs}' is defined with ':=' but is a variable of the model.", s.Line, s.Column);
            if (defined.Any(d => d.Lhs == s.Lhs))
                throw new ModelSyntaxException($"'{s.Lhs}' is defined twice with ':='.", s.Line, s.Column);
            CheckNames(s, s.Expression!, model, defined);
            defined.Add(s);
        }
        var f = new ParameterFunctions(model, defined, [], []);
        var eq = new List<LinearConstraint>();
        var ineq = new List<LinearConstraint>();
        foreach (var s in statements.Where(s => s.Op is "==" or "<" or ">"))
        {
            CheckNames(s, s.LeftExpression!, model, defined);
            CheckNames(s, s.Expression!, model, defined);
            var c = f.Linearize(s);
            if (c.A.All(a => a == 0))
            {
                // Free of parameters: always true (drop it) or never true (an error).
                bool holds = s.Op == "==" ? Math.Abs(c.B) <= 1e-12 : c.B <= 0;
                if (!holds) throw new ModelSyntaxException($"the constraint '{c.Text}' involves no parameter and never holds.", s.Line, s.Column);
                continue;
            }
            (s.Op == "==" ? eq : ineq).Add(c);
        }
        return new ParameterFunctions(model, defined, eq, ineq);
    }

    private static void CheckNames(ModelStatement s, ParameterExpression e, RamModel model, List<ModelStatement> defined)
    {
        foreach (var name in e.Names)
            if (!model.Labels.ContainsKey(name) && !defined.Any(d => d.Lhs == name))
                throw new ModelSyntaxException($"'{s.Op}' refers to '{name}', which is not a parameter label (such as a in 'y ~ a*x') " +
                                               "or a parameter defined with ':=' on an earlier line.", s.Line, s.Column);
    }

    // A constraint left op right as a'theta (= or >=) b, with a = d(left - right)/dtheta (sign flipped for '<'); the
    // gradient must be the same at two distinct points, i.e. the constraint linear in the parameters.
    private LinearConstraint Linearize(ModelStatement s)
    {
        int q = _model.FreeCount;
        double sign = s.Op == "<" ? -1 : 1;
        (double Value, double[] Gradient) At(double[] theta)
        {
            var l = Evaluate(s.LeftExpression!, theta);
            var r = Evaluate(s.Expression!, theta);
            return (sign * (l.Value - r.Value), l.Gradient.Zip(r.Gradient, (x, y) => sign * (x - y)).ToArray());
        }
        var t1 = Enumerable.Range(0, q).Select(i => 0.75 + 0.37 * ((i * 0.6180339887) % 1)).ToArray();
        var t2 = t1.Select((t, i) => t + 0.5 + 0.11 * (i % 3)).ToArray();
        var (h1, g1) = At(t1);
        var (_, g2) = At(t2);
        double scale = 1 + g1.Concat(g2).Max(Math.Abs);
        if (!g1.Concat(g2).All(double.IsFinite) || g1.Zip(g2).Any(p => Math.Abs(p.First - p.Second) > 1e-9 * scale))
            throw new ModelSyntaxException($"the constraint '{s.LeftExpression!.Text} {s.Op} {s.Expression!.Text}' is not linear in the parameters; " +
                                           "only linear constraints (sums of labels times numbers) are supported.", s.Line, s.Column);
        double b = -h1;
        for (int i = 0; i < q; i++) b += g1[i] * t1[i];
        return new LinearConstraint(g1, b, s);
    }

    /// <summary>An expression's value and gradient at theta (labels are free parameters; defined names evaluated in order).</summary>
    public Dual Evaluate(ParameterExpression e, IReadOnlyList<double> theta)
    {
        int q = _model.FreeCount;
        var values = new Dictionary<string, Dual>(StringComparer.Ordinal);
        Dual Lookup(string name)
        {
            if (values.TryGetValue(name, out var v)) return v;
            if (_model.Labels.TryGetValue(name, out var cell))
            {
                var g = new double[q];
                if (cell.IsFree) g[cell.Free] = 1;
                return values[name] = new Dual(cell.IsFree ? theta[cell.Free] : cell.Value, g);
            }
            var def = Defined.First(d => d.Lhs == name);
            return values[name] = def.Expression!.Evaluate(Lookup, q);
        }
        return e.Evaluate(Lookup, q);
    }
}
