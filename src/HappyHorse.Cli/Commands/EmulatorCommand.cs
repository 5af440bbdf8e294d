using System.CommandLine;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Commands;

/// <summary><c>emulator [--port N]</c>: runs the local HappyHorse emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliEnvironment env)
    {
        var port = new Option<int?>("--port") { Description = "Port to listen on (default: a free port).", HelpName = "N", CustomParser = Parsers.WholeNumber };
        var token = new Option<string?>("--token") { Description = "The only token the emulator accepts (default: any non-empty token).", HelpName = "TOKEN" };
        var taskDuration = new Option<double?>("--task-duration")
        {
            Description = "Seconds each task takes (default 3).",
            HelpName = "SECONDS",
            CustomParser = Parsers.Seconds,
        };
        var command = new Command("emulator", "Run a local HappyHorse emulator on loopback until Ctrl+C (no billing, placeholder videos).")
        {
            port, token, taskDuration,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }

            if (result.GetValue(taskDuration) is > 3600)
            {
                result.AddError("--task-duration must be between 0 and 3600 seconds.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new EmulatorOptions { Port = result.GetValue(port) ?? 0, Token = result.GetValue(token) };
            if (result.GetValue(taskDuration) is { } seconds)
            {
                options.TaskDuration = TimeSpan.FromSeconds(seconds);
            }

            var emulator = await HappyHorseEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            await using (emulator.ConfigureAwait(false))
            {
                env.Out.WriteLine($"Base address: {emulator.BaseAddress}");
                env.Out.WriteLine($"Token:        {emulator.Token}");
                env.Out.Flush();
                env.Error.WriteLine("Use it from another terminal:");
                env.Error.WriteLine($"  export {HappyHorseClient.TokenEnvironmentVariable}={emulator.Token}");
                env.Error.WriteLine($"  happyhorse generate \"A white horse gallops along a beach\" --base-url {emulator.BaseAddress}");
                env.Error.WriteLine("Press Ctrl+C to stop.");
                env.Error.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C is how the emulator is meant to stop.
                }

                await emulator.StopAsync(CancellationToken.None).ConfigureAwait(false);
                env.Error.WriteLine("Emulator stopped.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
