using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>
/// The Vuong-Lo-Mendell-Rubin likelihood-ratio test of K − 1 against K classes (Lo, Mendell and Rubin 2001; Mplus
/// TECH11). By Vuong (1989, Theorem 3.3) LR = 2(ℓ_K − ℓ_{K−1}) tends to Σ λ_j Z_j², the λ_j the eigenvalues of
/// W = [−B_f A_f⁻¹, −B_fg A_g⁻¹; B_gf A_f⁻¹, B_g A_g⁻¹] (f the K-class model, g the K − 1-class one, A the mean
/// Hessian, B the mean outer products of the casewise scores). With S the N x n score matrices and C = (−H)⁻¹ = L Lᵀ,
/// W = [S_fᵀ; −S_gᵀ] [S_f C_f, S_g C_g], whose non-zero eigenvalues are those of the symmetric M^{1/2} D M^{1/2},
/// M = GᵀG, G = [S_f L_f, S_g L_g], D = diag(I, −I). The adjusted test (Lo, Mendell and Rubin 2001, eq. 15) divides
/// LR by 1 + 1/(d ln N), d their (3g₁ − 1) − (3g₀ − 1), the difference in free parameters of their univariate normal
/// mixtures; here the difference in free parameters of the two models.
/// </summary>
internal static class VuongLoMendellRubin
{
    /// <summary>The test, or null (with the reason) when an observed information is not positive definite.</summary>
    public static (VlmrTest? Test, string? Reason) Run(GrowthMixture model, GrowthData data, GrowthMixtureResult h0, GrowthMixtureResult h1)
    {
        var g = Pieces(model, data, h0);
        var f = Pieces(model, data, h1);
        if (f is null || g is null)
            return (null, $"the observed information of the {(f is null ? h1.K : h0.K)}-class model is not positive definite (a boundary or " +
                "unidentified solution)");
        int N = data.N, p = f.Value.N, q = g.Value.N, m = p + q;
        var G = Matrix<double>.Build.Dense(N, m);
        Fill(G, f.Value, 0);
        Fill(G, g.Value, p);
        var M = G.TransposeThisAndMultiply(G);
        var evd = M.Evd(Symmetricity.Symmetric);
        var root = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalArray(
            evd.EigenValues.Select(z => Math.Sqrt(Math.Max(z.Real, 0))).ToArray()) * evd.EigenVectors.Transpose();
        var D = Matrix<double>.Build.DiagonalOfDiagonalArray(Enumerable.Range(0, m).Select(j => j < p ? 1.0 : -1.0).ToArray());
        var sym = root * D * root;
        sym = 0.5 * (sym + sym.Transpose());
        var lambda = sym.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).OrderByDescending(v => v).ToArray();
        double lr = 2 * (h1.LogLikelihood - h0.LogLikelihood);
        int d = h1.NParameters - h0.NParameters;
        double adjusted = lr / (1 + 1 / (d * Math.Log(N)));
        var (mean, sd) = WeightedChiSquare.Moments(lambda);
        return (new VlmrTest(h1.K, lr, d, mean, sd, WeightedChiSquare.Survival(lambda, lr), adjusted, WeightedChiSquare.Survival(lambda, adjusted),
            lambda), null);
    }

    private static void Fill(Matrix<double> G, (double[] S, double[] L, int N) piece, int offset)
    {
        int n = piece.N, rows = G.RowCount;
        var S = Matrix<double>.Build.Dense(n, rows, piece.S).Transpose();   // the row-major N x n scores
        var L = Matrix<double>.Build.Dense(n, n, piece.L).Transpose();
        G.SetSubMatrix(0, offset, S * L);
    }

    /// <summary>Scores (N x n, row-major), the lower Cholesky factor L of (−H)⁻¹ (row-major) and n.</summary>
    private static (double[] S, double[] L, int N)? Pieces(GrowthMixture model, GrowthData data, GrowthMixtureResult fit)
    {
        var shape = model.Shape(data, true, fit.K);
        var ps = ParameterSet.FromPublic(fit.Parameters, shape);
        var lik = new MixtureLikelihood(data, shape);
        var bounds = KnotBounds.From(data, model.Curve);
        var cov = ObservedInformation.Covariance(lik, ps, bounds);
        var scores = CasewiseScores.Compute(lik, ps, bounds);
        if (cov is null || scores is null) return null;
        int n = ps.Pack(true).Length;
        if (!SmallDense.Cholesky(cov, n)) return null;
        return (scores, cov, n);
    }
}

/// <summary>The Vuong-Lo-Mendell-Rubin test of K − 1 against K classes (Mplus TECH11).</summary>
/// <param name="Classes">K, the classes of the alternative.</param>
/// <param name="LikelihoodRatio">2(ℓ_K − ℓ_{K−1}).</param>
/// <param name="ParameterDifference">Free parameters of the K-class model minus those of the K − 1-class one.</param>
/// <param name="Mean">Mean Σλ_j of the limiting weighted chi-square distribution.</param>
/// <param name="StandardDeviation">Its standard deviation (2Σλ_j²)^{1/2}.</param>
/// <param name="PValue">P(Σλ_j Z_j² &gt; LR), the VLMR p-value.</param>
/// <param name="AdjustedStatistic">LR / (1 + 1/(d ln N)), Lo, Mendell and Rubin's (2001) eq. 15.</param>
/// <param name="AdjustedPValue">P(Σλ_j Z_j² &gt; adjusted statistic), the adjusted LMR p-value.</param>
/// <param name="Eigenvalues">The weights λ_j, largest first.</param>
public sealed record VlmrTest(int Classes, double LikelihoodRatio, int ParameterDifference, double Mean, double StandardDeviation, double PValue,
    double AdjustedStatistic, double AdjustedPValue, IReadOnlyList<double> Eigenvalues);
