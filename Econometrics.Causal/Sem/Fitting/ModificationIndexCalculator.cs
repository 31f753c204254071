using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// Modification indices as lavaan 0.6 computes them: the model is extended by freeing every fixed parameter and adding
/// every parameter of lavaan's "full" parameter table that is absent (loadings of every latent on every observed variable not in a regression,
/// covariances among indicators, among fixed.x covariates and among latents, regressions among the variables of the
/// structural part, and intercepts with a mean structure); for each extra parameter j, with g the gradient and I the
/// expected information of the ML objective per observation at the estimates (extra parameters at their fixed value or 0),
/// V_j = I_jj - I_j,theta Cov(theta) N I_theta,j, MI_j = N g_j^2 / V_j and EPC_j = -g_j / V_j. Parameters whose V_j is
/// below eps^(1/3) (not identified when freed) are left out, as lavaan does. With fixed.x covariates the information
/// leaves out their moments (lavaan's h1 information with x.idx), which matters for parameters that would move them.
/// </summary>
internal static class ModificationIndexCalculator
{
    private static readonly double Tiny = Math.Pow(2.220446049250313e-16, 1.0 / 3);

    public static List<ModificationIndex> Compute(RamModel model, double[] theta, Matrix<double> sample, Vector<double>? sampleMean,
                                                  double logDetS, int n, Matrix<double> vcov, Vector<double> total, Matrix<double> s)
    {
        int q = model.FreeCount;
        var cells = new List<RamCell>(model.Cells);
        var index = model.Cells.Select((c, i) => (c, i)).ToDictionary(t => Key(t.c), t => t.i);
        var extra = new List<(int Cell, double Value)>();
        int free = q;
        // lavaan frees every fixed parameter of the model (all.free), then adds the absent ones of the full table.
        for (int at = 0; at < model.Cells.Count; at++)
        {
            var old = cells[at];
            if (old.IsFree) continue;
            double value = old.Kind == RamCellKind.FixedX ? (old.IsMean ? sampleMean![old.Row] : sample[old.Row, old.Col]) : old.Value;
            cells[at] = old with { Free = free++, Value = double.NaN, Kind = RamCellKind.User };
            extra.Add((at, value));
        }
        foreach (var (lhs, op, rhs) in Candidates(model))
        {
            var v = model.Variables;
            int li = Array.IndexOf(v, lhs), ri = op == "~1" ? 0 : Array.IndexOf(v, rhs);
            var cell = op switch
            {
                "=~" => new RamCell(lhs, op, rhs, true, ri, li, 0, 0, null, RamCellKind.User),
                "~" => new RamCell(lhs, op, rhs, true, li, ri, 0, 0, null, RamCellKind.User),
                "~1" => new RamCell(lhs, op, "", false, li, 0, 0, 0, null, RamCellKind.User),
                _ => new RamCell(lhs, op, rhs, false, Math.Max(li, ri), Math.Min(li, ri), 0, 0, null, RamCellKind.User),
            };
            if (index.TryAdd(Key(cell), cells.Count))
            {
                cells.Add(cell with { Free = free++, Value = double.NaN });
                extra.Add((cells.Count - 1, 0));
            }
        }
        var result = new List<ModificationIndex>();
        if (extra.Count == 0) return result;
        var ext = model.WithCells(cells, free);
        var thetaExt = theta.Concat(extra.Select(e => e.Value)).ToArray();
        var ml = new MlObjective(new RamEvaluator(ext, sample, sampleMean), sample, logDetS, sampleMean);
        var state = ml.At(thetaExt);
        if (state is null) return result;
        var (g, info) = ml.GradientAndInformation(state);
        if (model.FixedX.Length > 0) info = ml.InformationWithoutFixedX(state, model.FixedX);
        int e = extra.Count;
        var iqe = info.SubMatrix(0, q, q, e);
        // V = I_ee - I_eq (N Cov(theta)) I_qe; only its diagonal is needed.
        var middle = (vcov * n) * iqe;
        for (int j = 0; j < e; j++)
        {
            double v = info[q + j, q + j] - iqe.Column(j).DotProduct(middle.Column(j));
            if (!(v >= Tiny)) continue;
            double gj = g[q + j];
            double mi = n * gj * gj / v, epc = -gj / v;
            var c = cells[extra[j].Cell];
            result.Add(new ModificationIndex(c.Lhs, c.Op, c.Rhs, 1, mi, epc, Standardized(c, epc, total, s)));
        }
        return result.OrderByDescending(m => m.Mi).ToList();
    }

    private static (int, int, int) Key(RamCell c) => (c.IsA ? 0 : c.IsMean ? 2 : 1, c.Row, c.Col);

    // sepc.all: the EPC rescaled like std.all, covariances by the residual variances (lavaan's cov.std = TRUE).
    private static double? Standardized(RamCell c, double epc, Vector<double> total, Matrix<double> s)
    {
        double v = c.IsA ? epc * Math.Sqrt(total[c.Col] / total[c.Row])
            : c.IsMean ? epc / Math.Sqrt(total[c.Row])
            : c.Row == c.Col ? (Math.Abs(epc) < 1.4901161193847656e-08 ? 0 : epc / total[c.Row])
            : epc / Math.Sqrt(s[c.Row, c.Row] * s[c.Col, c.Col]);
        return double.IsFinite(v) ? v : null;
    }

    // lavaan's lav_partable_full for one group (strict.exo = FALSE).
    private static IEnumerable<(string Lhs, string Op, string Rhs)> Candidates(RamModel model)
    {
        var v = model.Variables;
        var observed = v.Take(model.Observed).ToList();
        var latent = v.Skip(model.Observed).ToList();
        var fixedX = model.FixedX.Select(i => v[i]).ToList();
        var ovNox = observed.Where(o => !fixedX.Contains(o)).ToList();
        var indicators = new HashSet<string>(model.Cells.Where(c => c.Op == "=~" && c.Row < model.Observed).Select(c => v[c.Row]));
        var regressions = model.Cells.Where(c => c.Op == "~").ToList();
        var eqs = regressions.Select(c => v[c.Row]).Concat(regressions.Select(c => v[c.Col])).Distinct().ToList();
        foreach (var f in latent)
            foreach (var o in ovNox.Where(o => !eqs.Contains(o)))
                yield return (f, "=~", o);
        var other = observed.Where(o => !indicators.Contains(o)).ToHashSet();
        foreach (var (a, b) in LowerTriangle(ovNox).Where(p => !other.Contains(p.Item1) && !other.Contains(p.Item2)))
            yield return (a, "~~", b);
        foreach (var (a, b) in LowerTriangle(fixedX)) yield return (a, "~~", b);
        foreach (var (a, b) in LowerTriangle(latent)) yield return (a, "~~", b);
        foreach (var y in eqs)
            foreach (var x in eqs)
                if (y != x && !(indicators.Contains(y) && latent.Contains(x))) yield return (y, "~", x);
        if (model.HasMeans)
            foreach (var name in observed.Concat(latent)) yield return (name, "~1", "");
    }

    // Pairs (a_j, a_i) with i >= j, in R's column-major lower-triangle order.
    private static IEnumerable<(string, string)> LowerTriangle(List<string> names)
    {
        for (int j = 0; j < names.Count; j++)
            for (int i = j; i < names.Count; i++)
                yield return (names[j], names[i]);
    }
}
