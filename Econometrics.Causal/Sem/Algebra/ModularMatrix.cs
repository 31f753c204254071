using System.Runtime.CompilerServices;
namespace Econometrics.Sem.Algebra;

/// <summary>Dense linear algebra over F_p, p = 2^31 - 1: products, inverse, rank and right kernel by Gauss-Jordan.</summary>
internal static class ModularMatrix
{
    private const long P = ModPOps.P;

    public static long FromRational(Rational r)
    {
        long num = (long)System.Numerics.BigInteger.Remainder(r.Numerator, P); if (num < 0) num += P;
        long den = (long)System.Numerics.BigInteger.Remainder(r.Denominator, P);
        return num * ModPOps.Inverse(den) % P;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long[,] Multiply(long[,] a, long[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new long[n, m];
        for (int i = 0; i < n; i++)
            for (int l = 0; l < k; l++)
            {
                long x = a[i, l]; if (x == 0) continue;
                for (int j = 0; j < m; j++) c[i, j] = (c[i, j] + x * b[l, j]) % P;
            }
        return c;
    }

    public static long[,] Transpose(long[,] a)
    {
        var t = new long[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    /// <summary>The inverse, or null when singular mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long[,]? Inverse(long[,] a)
    {
        int n = a.GetLength(0);
        var w = new long[n, 2 * n];
        for (int i = 0; i < n; i++) { for (int j = 0; j < n; j++) w[i, j] = a[i, j]; w[i, n + i] = 1; }
        for (int c = 0; c < n; c++)
        {
            int piv = -1;
            for (int r = c; r < n; r++) if (w[r, c] != 0) { piv = r; break; }
            if (piv < 0) return null;
            Swap(w, c, piv);
            Scale(w, c, ModPOps.Inverse(w[c, c]));
            for (int r = 0; r < n; r++) if (r != c && w[r, c] != 0) Eliminate(w, r, c, w[r, c]);
        }
        var inv = new long[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) inv[i, j] = w[i, n + j];
        return inv;
    }

    /// <summary>Reduced row echelon form in place; returns the pivot columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<int> RowReduce(long[,] w)
    {
        int rows = w.GetLength(0), cols = w.GetLength(1), r = 0;
        var pivots = new List<int>();
        for (int c = 0; c < cols && r < rows; c++)
        {
            int piv = -1;
            for (int i = r; i < rows; i++) if (w[i, c] != 0) { piv = i; break; }
            if (piv < 0) continue;
            Swap(w, r, piv);
            Scale(w, r, ModPOps.Inverse(w[r, c]));
            for (int i = 0; i < rows; i++) if (i != r && w[i, c] != 0) Eliminate(w, i, r, w[i, c]);
            pivots.Add(c); r++;
        }
        return pivots;
    }

    /// <summary>The rank, by forward elimination (the reduced echelon form is not needed for it: about a third of the work).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Rank(long[,] a)
    {
        var w = (long[,])a.Clone();
        int rows = w.GetLength(0), cols = w.GetLength(1), r = 0;
        for (int c = 0; c < cols && r < rows; c++)
        {
            int piv = -1;
            for (int i = r; i < rows; i++) if (w[i, c] != 0) { piv = i; break; }
            if (piv < 0) continue;
            Swap(w, r, piv);
            long inv = ModPOps.Inverse(w[r, c]);
            for (int i = r + 1; i < rows; i++)
            {
                if (w[i, c] == 0) continue;
                long f = w[i, c] * inv % P;
                for (int j = c; j < cols; j++)
                    if (w[r, j] != 0) w[i, j] = ModPOps.Sub(w[i, j], f * w[r, j] % P);
            }
            r++;
        }
        return r;
    }

    /// <summary>A basis of the right kernel {x : A x = 0}, one vector per free column.</summary>
    public static List<long[]> Kernel(long[,] a)
    {
        var w = (long[,])a.Clone();
        var pivots = RowReduce(w);
        int cols = a.GetLength(1);
        var basis = new List<long[]>();
        for (int f = 0; f < cols; f++)
        {
            if (pivots.Contains(f)) continue;
            var x = new long[cols];
            x[f] = 1;
            for (int i = 0; i < pivots.Count; i++) x[pivots[i]] = w[i, f] == 0 ? 0 : P - w[i, f];
            basis.Add(x);
        }
        return basis;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Swap(long[,] w, int a, int b)
    {
        if (a == b) return;
        for (int j = 0; j < w.GetLength(1); j++) (w[a, j], w[b, j]) = (w[b, j], w[a, j]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scale(long[,] w, int row, long f)
    {
        for (int j = 0; j < w.GetLength(1); j++) w[row, j] = w[row, j] * f % P;
    }

    // row_target -= f * row_pivot
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Eliminate(long[,] w, int target, int pivotRow, long f)
    {
        for (int j = 0; j < w.GetLength(1); j++)
            if (w[pivotRow, j] != 0) w[target, j] = ModPOps.Sub(w[target, j], f * w[pivotRow, j] % P);
    }
}
