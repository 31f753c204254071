using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Principal component analysis of the centred clr coordinates and its biplot, as <c>prcomp(clr(x))</c> in R and the
/// compositional biplots of Aitchison and Greenacre (2002) (<c>compositions::biplot</c>, <c>robCompositions::pcaCoDa</c>
/// with the classical method).
/// </summary>
/// <remarks>
/// <para>The clr coordinates of every sample sum to zero, so the centred clr matrix X (n x D) has rank at most
/// <c>min(n - 1, D - 1)</c>; the components are its non-zero singular directions, computed by one thin SVD
/// <c>X = U S V'</c>. Standard deviations are <c>S / sqrt(n - 1)</c> and the loadings V are orthonormal clr vectors
/// (each sums to zero).</para>
/// <para>Signs are fixed so that the entry of largest magnitude in each loading vector is positive; any other
/// convention differs only by the sign of whole components.</para>
/// </remarks>
public sealed record ClrPca
{
    /// <summary>Which biplot the row and column coordinates describe.</summary>
    public BiplotScaling Scaling { get; init; } = BiplotScaling.Form;

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>The clr principal components and the biplot coordinates.</summary>
    /// <param name="composition">At least 3 parts and 3 samples (a biplot needs two components).</param>
    /// <exception cref="ArgumentException">Fewer than two non-zero components (too few samples or parts, or every sample equal up to one direction).</exception>
    public ClrPcaResult Fit(Composition composition) => Fit(composition, Backend ?? LinearAlgebraBackends.Default);

    internal ClrPcaResult Fit(Composition composition, ILinearAlgebra la)
    {
        ArgumentNullException.ThrowIfNull(composition);
        int n = composition.NObs, d = composition.NParts;
        if (d < 3)
            throw new ArgumentException($"A clr biplot needs at least 3 parts (two components); the composition has {d}.", nameof(composition));
        if (n < 3)
            throw new ArgumentException($"A clr biplot needs at least 3 samples (two components); the composition has {n}.", nameof(composition));
        var diagnostics = new List<Diagnostic>(composition.Diagnostics);

        var x = composition.Clr();
        LogRatio.CentreColumns(x);
        int r = Math.Min(n, d);
        var s = new double[r];
        var u = new double[n * r];
        var vt = new double[r * d];
        la.Svd(n, d, x.AsColumnMajorArray().ToArray(), s, u, vt);

        // The clr constraint leaves one exact zero singular value (two when n <= D, from the centring); keep the
        // directions above rounding, as prcomp's rank.
        double tol = Math.Max(n, d) * 2.220446049250313e-16 * s[0];
        int k = s.Count(v => v > tol);
        if (k < 2)
            throw new ArgumentException(
                $"The centred clr data have {k} non-zero component{(k == 1 ? "" : "s")}, and a biplot needs two: every sample lies on one line in the simplex.",
                nameof(composition));
        if (d > n)
            diagnostics.Add(Diagnostic.Info(
                $"More parts than samples (D = {d} > n = {n}): the clr data have rank at most n - 1 = {n - 1}, so there are {k} components, not D - 1 = {d - 1}.",
                "rank"));

        var scores = Matrix<double>.Build.Dense(n, k);
        var loadings = Matrix<double>.Build.Dense(d, k);
        var sdev = Vector<double>.Build.Dense(k);
        for (int c = 0; c < k; c++)
        {
            // Sign convention: the largest |loading| of each component is positive.
            int arg = 0;
            for (int j = 1; j < d; j++) if (Math.Abs(vt[j * r + c]) > Math.Abs(vt[arg * r + c])) arg = j;
            double sign = vt[arg * r + c] < 0 ? -1.0 : 1.0;
            for (int j = 0; j < d; j++) loadings[j, c] = sign * vt[j * r + c];
            for (int i = 0; i < n; i++) scores[i, c] = sign * u[c * n + i] * s[c];
            sdev[c] = s[c] / Math.Sqrt(n - 1);
        }
        double total = 0;
        for (int c = 0; c < r; c++) total += s[c] * s[c];
        var proportion = sdev.Map(v => v * v * (n - 1) / total);
        return new ClrPcaResult(composition.Parts.ToArray(), n, Scaling, sdev, proportion, loadings, scores, diagnostics);
    }
}
