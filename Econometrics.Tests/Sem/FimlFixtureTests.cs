using System.Text.Json;
using Econometrics.Data;
using Xunit;
using Econometrics.Sem.Fitting;
using Econometrics.Tests.Support;

namespace Econometrics.Tests.Sem;

/// <summary>
/// Full-information ML against lavaan 0.6-14 beyond estimates and fit measures (those run in <see cref="LavaanFixtureTests"/>):
/// coverage, the EM saturated moments, casewise log-likelihoods and dropped rows (fixtures from Reference/Sem/generate_fiml.R).
/// </summary>
public class FimlFixtureTests
{
    public static TheoryData<string> Cases => new() { "fiml_hs_cfa", "fiml_hs_mlr" };

    private static SemFit FitCase(string name) => LavaanFixtureTests.FitCase(name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CoverageCasewiseLogLikelihoodAndDroppedRows_MatchLavaan(string name)
    {
        var f = ReferenceFixture.Load($"Sem/{name}");
        var fit = FitCase(name);
        Assert.Equal(f.Root.GetProperty("nobs").GetInt32(), fit.NObs);
        int empty = f.Root.GetProperty("emptyRows").GetInt32();
        var dropped = fit.Diagnostics.Single(d => d.Code == "empty-rows");
        Assert.StartsWith($"{empty} of {fit.NObs + empty} rows have every model variable missing", dropped.Message, StringComparison.Ordinal);

        var cov = f.Expected.GetProperty("coverage").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        double tc = f.Tolerance("coverage");
        for (int i = 0; i < cov.Length; i++)
            for (int j = 0; j < cov.Length; j++) Assert.True(Math.Abs(cov[i][j] - fit.Coverage![i, j]) <= tc, $"coverage[{i},{j}]");

        double th = f.Tolerance("h1");
        var h1Cov = f.Expected.GetProperty("h1Cov").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        for (int i = 0; i < h1Cov.Length; i++)
            for (int j = 0; j < h1Cov.Length; j++)
                Assert.True(Math.Abs(h1Cov[i][j] - fit.SampleCovariance[i, j]) <= th, $"h1 cov[{i},{j}]: {h1Cov[i][j]} vs {fit.SampleCovariance[i, j]}");

        // lavaan reports NA for the dropped (all-missing) rows; ours lists the used rows only.
        var ll = f.Expected.GetProperty("loglikCasewise").EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetDouble())
            .ToArray();
        Assert.Equal(ll.Length, fit.CasewiseLogLikelihood!.Count);
        double tl = f.Tolerance("loglikCasewise");
        double worst = ll.Select((e, i) => Math.Abs(e - fit.CasewiseLogLikelihood[i])).Max();
        Assert.True(worst <= tl, $"max |casewise loglik diff| = {worst:G3}");
        Assert.Equal(fit.FitMeasures.LogLikelihood, fit.CasewiseLogLikelihood.Sum(), 8);
    }
}
