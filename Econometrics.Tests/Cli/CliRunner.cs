using Econometrics.Cli;

namespace Econometrics.Tests.Cli;

/// <summary>Runs <c>econ</c> in-process and captures its streams.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return new Outcome(code, o.ToString(), e.ToString());
    }

    public static string DataDir => Path.Combine(AppContext.BaseDirectory, "data");

    public static string TempFile(string name, string contents)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("econ-cli").FullName, name);
        File.WriteAllText(path, contents);
        return path;
    }
}
