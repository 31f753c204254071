// Build targets: dotnet tool restore && dotnet cake build.cake --target=Test
//   Build   compile the solution (warnings are errors)
//   Test    run the tests under the default backend and under ECONOMETRICS_BLAS=managed
//   Report  run the main job, econ report, into ./report
//   Bench   run bench/ (Release) against the R peers, printing ratios
//   Pack    pack every package (Core, Causal, the econ tool) into ./artifacts, the local feed
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");
var solution = "./Econometrics.slnx";

Task("Build").Does(() =>
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration }));

Task("Test").IsDependentOn("Build").Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true });
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration, NoBuild = true,
        EnvironmentVariables = new Dictionary<string, string> { ["ECONOMETRICS_BLAS"] = "managed" },
    });
});

Task("Report").IsDependentOn("Build").Does(() =>
    DotNetRun("./Econometrics.Cli/Econometrics.Cli.csproj", new ProcessArgumentBuilder().Append("report").Append("--out").Append("report"),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true }));

Task("Bench").Does(() =>
    DotNetRun("./bench/Econometrics.Bench/Econometrics.Bench.csproj", new DotNetRunSettings { Configuration = "Release" }));

Task("Pack").Does(() =>
    DotNetPack(solution, new DotNetPackSettings { Configuration = "Release", OutputDirectory = "./artifacts" }));

RunTarget(target);
