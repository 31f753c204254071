using System.Reflection;
using System.Runtime.InteropServices;

namespace Econometrics.LinearAlgebra;

/// <summary>P/Invoke declarations for Debian's OpenBLAS (<c>libopenblas.so.0</c>) and LAPACKE (<c>liblapacke.so.3</c>).</summary>
/// <remarks>
/// Debian builds OpenBLAS with NO_LAPACKE, so the LAPACKE C interface comes from the separate <c>liblapacke</c>
/// package, which calls LAPACK through <c>liblapack.so.3</c>; Debian's alternatives point that at OpenBLAS.
/// </remarks>
internal static unsafe partial class OpenBlasNative
{
    private const string Blas = "openblas";
    private const string Lapacke = "lapacke";

    public const int ColMajor = 102, NoTrans = 111, Trans = 112, Lower = 122, Left = 141, NonUnit = 131;

    static OpenBlasNative() => NativeLibrary.SetDllImportResolver(typeof(OpenBlasNative).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        string[] candidates = name switch
        {
            Blas => ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll"],
            Lapacke => ["liblapacke.so.3", "liblapacke.so", "liblapacke.dylib", "liblapacke.dll"],
            _ => [],
        };
        foreach (var c in candidates)
            if (NativeLibrary.TryLoad(c, assembly, path, out var h)) return h;
        return IntPtr.Zero;
    }

    [LibraryImport(Blas)]
    public static partial void cblas_dgemm(int layout, int transA, int transB, int m, int n, int k,
        double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);

    [LibraryImport(Blas)]
    public static partial void cblas_dtrsm(int layout, int side, int uplo, int transA, int diag, int m, int n,
        double alpha, double* a, int lda, double* b, int ldb);

    [LibraryImport(Blas)]
    public static partial void cblas_dsyrk(int layout, int uplo, int trans, int n, int k,
        double alpha, double* a, int lda, double beta, double* c, int ldc);

    [LibraryImport(Blas)] public static partial int openblas_get_num_threads();

    [LibraryImport(Blas)] public static partial IntPtr openblas_get_config();

    [LibraryImport(Lapacke)] public static partial int LAPACKE_dsyevd(int layout, byte jobz, byte uplo, int n, double* a, int lda, double* w);

    [LibraryImport(Lapacke)]
    public static partial int LAPACKE_dgesdd(int layout, byte jobz, int m, int n, double* a, int lda,
        double* s, double* u, int ldu, double* vt, int ldvt);

    [LibraryImport(Lapacke)] public static partial int LAPACKE_dpotrf(int layout, byte uplo, int n, double* a, int lda);

    [LibraryImport(Lapacke)] public static partial int LAPACKE_dpotri(int layout, byte uplo, int n, double* a, int lda);

    [LibraryImport(Lapacke)] public static partial int LAPACKE_dposv(int layout, byte uplo, int n, int nrhs, double* a, int lda, double* b, int ldb);

    [LibraryImport(Lapacke)] public static partial int LAPACKE_dgels(int layout, byte trans, int m, int n, int nrhs, double* a, int lda, double* b, int ldb);
}
