using HappyHorse.Cli;

using var cancellation = new CancellationTokenSource();

// The first Ctrl+C asks the running command to stop and clean up (it exits with 130); a second one kills the process.
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await CliApp.RunAsync(args, CliEnvironment.FromProcess(cancellation.Token));
