using Econometrics.Data;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Syntax;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>Defined parameters (:=) and ==, &lt;, &gt; constraints; lavaan agreement is in LavaanFixtureTests (sem_* cases).</summary>
public class SemConstraintTests
{
    private static string MediationFile => Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", "sem_mediation", "input.csv");

    private const string Mediation = "M ~ a*X\nY ~ b*M + c*X\n";

    private static SemFit FitMediation(string extra) => new SemEstimator(Mediation + extra).Fit(CsvFrame.Load(MediationFile));

    private static double Eval(string text, params (string Name, double Value)[] names)
    {
        var e = ParameterExpression.Parse(text, 1, 1);
        int q = names.Length;
        return e.Evaluate(n =>
        {
            int i = Array.FindIndex(names, x => x.Name == n);
            var g = new double[q]; g[i] = 1;
            return new ParameterExpression.Dual(names[i].Value, g);
        }, q).Value;
    }

    [Theory]
    [InlineData("-a^2", -4.0)]
    [InlineData("2^3^2", 512.0)]
    [InlineData("a^-1", 0.5)]
    [InlineData("(a + 1)*3 - 4/a", 7.0)]
    [InlineData("exp(log(a)) + sqrt(a*8) + abs(-a)", 8.0)]
    [InlineData("1.5e1 - a", 13.0)]
    public void Expressions_FollowRsPrecedence(string text, double expected) =>
        Assert.Equal(expected, Eval(text, ("a", 2.0)), 12);

    [SeededProperty(50)]
    public bool Gradient_MatchesCentralDifferences(FsCheck.NormalFloat aRaw, FsCheck.NormalFloat bRaw)
    {
        double a = 0.2 + Math.Abs(aRaw.Get) % 3, b = 0.3 + Math.Abs(bRaw.Get) % 2;
        var e = ParameterExpression.Parse("exp(a)^2 - sqrt(b) * log(b) + (a - b)/2 + -a^b", 1, 1);
        ParameterExpression.Dual At(double x, double y) => e.Evaluate(n => n == "a" ? new(x, [1, 0]) : new(y, [0, 1]), 2);
        var d = At(a, b);
        double h = 1e-6;
        double da = (At(a + h, b).Value - At(a - h, b).Value) / (2 * h), db = (At(a, b + h).Value - At(a, b - h).Value) / (2 * h);
        return Math.Abs(d.Gradient[0] - da) <= 1e-5 * (1 + Math.Abs(da)) && Math.Abs(d.Gradient[1] - db) <= 1e-5 * (1 + Math.Abs(db));
    }

    [Fact]
    public void DefinedParameter_DeltaStandardError_IsGradientSandwich()
    {
        var fit = FitMediation("ab := a*b");
        var ab = fit.Get("ab", ":=", "a*b");
        double a = fit.Get("M", "~", "X").Estimate, b = fit.Get("Y", "~", "M").Estimate;
        Assert.Equal(a * b, ab.Estimate, 12);
        // Free parameters in order of appearance: a = 0, b = 1.
        var v = fit.Vcov!;
        double var = b * b * v[0, 0] + a * a * v[1, 1] + 2 * a * b * v[0, 1];
        Assert.Equal(Math.Sqrt(var), ab.StdError!.Value, 12);
        Assert.Equal(("ab", false), (ab.Label, ab.Free));
        Assert.Contains("Defined Parameters", fit.ToString());
        Assert.Contains("\"op\": \":=\"", fit.ToJson());
    }

    [Fact]
    public void DefinedParameter_OnUnknownLabel_IsAnErrorWithPosition()
    {
        var ex = Assert.Throws<ModelSyntaxException>(() => FitMediation("ab := a*z"));
        Assert.Equal(3, ex.Line);
        Assert.Contains("'z'", ex.Message);
        Assert.Contains("not a parameter label", ex.Message);
        // A defined name may be used only after its definition.
        Assert.Throws<ModelSyntaxException>(() => FitMediation("t := ab + c\nab := a*b"));
        Assert.Contains("already a parameter label", Assert.Throws<ModelSyntaxException>(() => FitMediation("a := b*c")).Message);
        Assert.Contains("variable of the model", Assert.Throws<ModelSyntaxException>(() => FitMediation("M := b*c")).Message);
        Assert.Contains("unknown function", Assert.Throws<ModelSyntaxException>(() => FitMediation("t := sin(a)")).Message);
    }

    [Theory]
    [InlineData("a > 1\na < 0")]
    [InlineData("a == 1\na == 2")]
    [InlineData("a == b\na == 1\nb == 2")]
    [InlineData("a == 1\na > 2")]
    public void ContradictoryConstraints_AreAnError(string constraints)
    {
        var ex = Assert.Throws<ArgumentException>(() => FitMediation(constraints));
        Assert.Contains("contradict", ex.Message);
    }

    [Fact]
    public void NonlinearOrEmptyConstraints_AreRefusedClearly()
    {
        Assert.Contains("not linear", Assert.Throws<ModelSyntaxException>(() => FitMediation("a*b == 0.3")).Message);
        Assert.Contains("never holds", Assert.Throws<ModelSyntaxException>(() => FitMediation("a - a == 1")).Message);
    }

    [Fact]
    public void EqualityConstraint_AddsADegreeOfFreedom_AndPinnedParametersHaveNoStandardError()
    {
        var free = FitMediation("");
        var eq = FitMediation("a == 0.5");
        Assert.Equal(free.FitMeasures.Df + 1, eq.FitMeasures.Df);
        Assert.Equal(free.FitMeasures.NPar - 1, eq.FitMeasures.NPar);
        var a = eq.Get("M", "~", "X");
        Assert.Equal(0.5, a.Estimate, 10);
        Assert.Null(a.StdError);
        Assert.True(a.Free);
    }

    [Fact]
    public void InactiveInequality_LeavesTheFitUnchanged_ActiveOneIsADiagnostic()
    {
        var free = FitMediation("");
        var inactive = FitMediation("a > 0\nc > -1");
        Assert.Equal(free.FitMeasures.Chisq, inactive.FitMeasures.Chisq, 9);
        Assert.DoesNotContain(inactive.Diagnostics, d => d.Code == "active-constraint");
        var active = FitMediation("b < 0.5");
        Assert.Equal(0.5, active.Get("Y", "~", "M").Estimate, 7);
        Assert.Contains(active.Diagnostics, d => d.Code == "active-constraint" && d.Message.Contains("'b < 0.5'"));
        Assert.Equal(free.FitMeasures.Df, active.FitMeasures.Df);
    }
}
