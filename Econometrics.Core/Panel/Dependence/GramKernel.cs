using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Econometrics.Panel.Dependence;

/// <summary>Dot products of the columns of a T x N column-major array, two columns against up to four at a time.</summary>
internal static class GramKernel
{
    /// <summary>
    /// r[c * 4 + k] = z_{jc}' z_{i0 + k} for c = 0, 1 (columns <paramref name="j0"/>, <paramref name="j1"/>) and
    /// k &lt; <paramref name="rows"/>: eight 4-wide accumulators, so each loaded vector feeds four (or two) fused
    /// multiply-adds; the remaining T mod 4 terms are added in scalar order.
    /// </summary>
    // Optimized from the first call: a short process would otherwise run most of its pairs in tier-0 code (ReadyToRun
    // does not precompile 256-bit vector code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dots(double[] z, int t, int j0, int j1, int i0, int rows, Span<double> r)
    {
        var zs = z.AsSpan();
        int tv = t - t % 4;
        int oa = j0 * t, ob = j1 * t;
        // Rows beyond the last repeat the first one, so the kernel always runs four wide; their results are ignored.
        int o0 = i0 * t, o1 = (i0 + (rows > 1 ? 1 : 0)) * t, o2 = (i0 + (rows > 2 ? 2 : 0)) * t, o3 = (i0 + (rows > 3 ? 3 : 0)) * t;
        var a0 = Vector256<double>.Zero; var a1 = a0; var a2 = a0; var a3 = a0;
        var b0 = a0; var b1 = a0; var b2 = a0; var b3 = a0;
        for (int s = 0; s < tv; s += 4)
        {
            var x = Vector256.Create<double>(zs.Slice(oa + s, 4));
            var y = Vector256.Create<double>(zs.Slice(ob + s, 4));
            var v0 = Vector256.Create<double>(zs.Slice(o0 + s, 4));
            var v1 = Vector256.Create<double>(zs.Slice(o1 + s, 4));
            var v2 = Vector256.Create<double>(zs.Slice(o2 + s, 4));
            var v3 = Vector256.Create<double>(zs.Slice(o3 + s, 4));
            a0 = Vector256.FusedMultiplyAdd(x, v0, a0); a1 = Vector256.FusedMultiplyAdd(x, v1, a1);
            a2 = Vector256.FusedMultiplyAdd(x, v2, a2); a3 = Vector256.FusedMultiplyAdd(x, v3, a3);
            b0 = Vector256.FusedMultiplyAdd(y, v0, b0); b1 = Vector256.FusedMultiplyAdd(y, v1, b1);
            b2 = Vector256.FusedMultiplyAdd(y, v2, b2); b3 = Vector256.FusedMultiplyAdd(y, v3, b3);
        }
        double r0 = Vector256.Sum(a0), r1 = Vector256.Sum(a1), r2 = Vector256.Sum(a2), r3 = Vector256.Sum(a3);
        double q0 = Vector256.Sum(b0), q1 = Vector256.Sum(b1), q2 = Vector256.Sum(b2), q3 = Vector256.Sum(b3);
        for (int s = tv; s < t; s++)
        {
            double x = z[oa + s], y = z[ob + s];
            r0 += x * z[o0 + s]; r1 += x * z[o1 + s]; r2 += x * z[o2 + s]; r3 += x * z[o3 + s];
            q0 += y * z[o0 + s]; q1 += y * z[o1 + s]; q2 += y * z[o2 + s]; q3 += y * z[o3 + s];
        }
        r[0] = r0; r[1] = r1; r[2] = r2; r[3] = r3;
        r[4] = q0; r[5] = q1; r[6] = q2; r[7] = q3;
    }
}
