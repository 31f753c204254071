using Econometrics.Cli;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return Cli.Run(args, new CliConsole(Console.Out, Console.Error, cts.Token));
