using System.Runtime.InteropServices;
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

// SIGTERM (kill, docker stop, systemd, a CI timeout) stops the same way: the batch saves its state and says so, the
// emulator reports what it served. A second one ends the process at once.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
});

return await CliApp.RunAsync(args, CliEnvironment.FromProcess(cancellation.Token));
