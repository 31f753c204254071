using Econometrics.Cli;

using var cts = new CancellationTokenSource();
// The first Ctrl+C cancels cooperatively (exit 130, no partial output); a second one ends the process at once.
Console.CancelKeyPress += (_, e) => { e.Cancel = !cts.IsCancellationRequested; cts.Cancel(); };
return Cli.Run(args, new CliConsole(Console.Out, Console.Error, cts.Token) { ErrorIsTerminal = !Console.IsErrorRedirected });
