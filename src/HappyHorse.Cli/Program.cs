using System.Runtime.InteropServices;
using HappyHorse.Cli;

using var cancellation = new CancellationTokenSource();

// The first Ctrl+C or SIGTERM (kill, docker stop, systemd, a CI timeout) asks the running command to stop and clean up:
// the batch saves its state and says so, the emulator reports what it served, and the exit code is 130. A second one
// ends the process at once.
bool StopOnce()
{
    if (cancellation.IsCancellationRequested)
    {
        return false;
    }

    cancellation.Cancel();
    return true;
}

Console.CancelKeyPress += (_, e) => e.Cancel = StopOnce();
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = StopOnce());

return await CliApp.RunAsync(args, CliEnvironment.FromProcess(cancellation.Token));
