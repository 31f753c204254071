using Econometrics.Panel.Dependence;
using Econometrics.Panel.Simulation;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Bench.Cases;

/// <summary>
/// The CD family against plm::pcdtest. Budgets from issue 4: all tests but the CD_W draws in 0.5 s at N = 1000,
/// T = 200 and 5 s at N = 5000, T = 200; CD alone at least 30x faster than plm on N = 500, T = 100.
/// </summary>
public sealed class CdBench : IBenchSuite
{
    public IEnumerable<BenchCase> Cases()
    {
        string script = Path.Combine(AppContext.BaseDirectory, "scripts", "cd", "pcdtest.R").Replace("\\", "/");
        var cdOnly = new CrossSectionalDependence { Tests = CdTests.CD };
        var small = Panel(500, 100);
        yield return new BenchCase("cd/pcdtest-cd-500x100", "Pesaran CD, balanced N = 500, T = 100, vs plm::pcdtest(test = 'cd')",
            () => cdOnly.Test(small))
        {
            Prepare = dir => Write(dir, small),
            RSetup = $"source('{script}'); px <- cd_bench_setup(100, 500)",
            RBody = "pcdtest(px, test = 'cd')",
            Repetitions = 3,
        };
        var allButDraws = new CrossSectionalDependence { Tests = CdTests.All & ~CdTests.CDw & ~CdTests.CDwPlus };
        var medium = Panel(1000, 200);
        yield return new BenchCase("cd/all-1000x200", "CD, LM, scaled LM, BFK, CD* (factors by ER), N = 1000, T = 200",
            () => allButDraws.Test(medium))
        {
            BudgetMs = 500,
            Repetitions = 5,
        };
        var large = Panel(5000, 200);
        yield return new BenchCase("cd/all-5000x200", "CD, LM, scaled LM, BFK, CD* (factors by ER), N = 5000, T = 200",
            () => allButDraws.Test(large))
        {
            BudgetMs = 5000,
            Repetitions = 3,
        };
        var withDraws = new CrossSectionalDependence { Tests = CdTests.All, Draws = 30 };
        yield return new BenchCase("cd/all-with-cdw-1000x200", "every test including 30 CD_W draws and CD_W+, N = 1000, T = 200",
            () => withDraws.Test(medium))
        {
            Repetitions = 5,
        };
    }

    private static Matrix<double> Panel(int n, int t) => new FactorPanelDgp { N = n, T = t }.Simulate(20260101).Y;

    private static void Write(string dir, Matrix<double> x)
    {
        using var w = new BinaryWriter(File.Create(Path.Combine(dir, "x.bin")));
        foreach (var v in x.ToColumnMajorArray()) w.Write(v);
    }
}
