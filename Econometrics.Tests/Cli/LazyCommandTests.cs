using System.CommandLine;
using Xunit;

namespace Econometrics.Tests.Cli;

/// <summary>A run that names a command declares only that command; its parsing and help must not notice.</summary>
public sealed class LazyCommandTests
{
    [Fact]
    public void The_dispatch_names_are_the_declared_command_names()
    {
        Assert.Equal(Econometrics.Cli.Cli.Commands().Select(c => c.Name), Econometrics.Cli.Cli.CommandNames);
    }

    [Fact]
    public void Help_of_every_command_is_the_same_from_the_full_tree()
    {
        // The full tree answers "econ --help"; each command's help through the one-command tree must list the same options.
        foreach (var command in Econometrics.Cli.Cli.Root().Subcommands)
        {
            var help = CliRunner.Run(command.Name, "--help");
            Assert.Equal(0, help.ExitCode);
            foreach (var option in command.Options.Where(o => !o.Hidden)) Assert.Contains(option.Name, help.Out);
            foreach (var sub in command.Subcommands) Assert.Contains(sub.Name, help.Out);
        }
        var top = CliRunner.Run("--help");
        foreach (var name in Econometrics.Cli.Cli.CommandNames) Assert.Contains(name, top.Out);
        var unknown = CliRunner.Run("cdd");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("try one of: report, describe, panel, cd, cd-mc, sem, coda, moe, invariance", unknown.Error);
    }
}
