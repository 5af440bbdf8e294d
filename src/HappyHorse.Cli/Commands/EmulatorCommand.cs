using System.CommandLine;
using System.Globalization;
using HappyHorse.Cli.Hosting;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Commands;

/// <summary><c>emulator [--contract PATH] [--port N] [--token T | --any-token] …</c>: runs a local emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public const string Name = "emulator";

    public static Command Create(CliEnvironment env)
    {
        var options = new EmulatorCommandOptions();
        var command = new Command(Name, "Run a local emulator on 127.0.0.1 until Ctrl+C: the HappyHorse Videos API (placeholder videos), or any contract with --contract.");
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            ServedContract served;
            try
            {
                served = result.GetValue(options.Contract) is { } path
                    ? ContractFile.Load(path, env)
                    : ServedContract.HappyHorse;
            }
            catch (CliInputException ex)
            {
                env.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            var settings = options.Read(result, served.Contract);
            ContractEmulator emulator;
            try
            {
                emulator = await ContractEmulator.StartAsync(settings, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Kestrel's "Failed to bind to address …: address already in use", without its stack.
                env.Error.WriteLine($"error: port {settings.Port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one).");
                return ExitCodes.InvalidInput;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                // Any other reason the port can't be had, such as a port below 1024 without the right to it.
                env.Error.WriteLine($"error: can't listen on 127.0.0.1:{settings.Port}: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (ArgumentException ex)
            {
                env.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            await using (emulator.ConfigureAwait(false))
            {
                WriteStartup(env, served, emulator, settings, result.GetValue(options.Faults));
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C is how the emulator is meant to stop.
                }

                await emulator.StopAsync(CancellationToken.None).ConfigureAwait(false);

                // What a run against it cost, for whoever measured a client with it: the requests and the billable work.
                var usage = emulator.Usage;
                env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Emulator stopped. API requests: {usage.RequestsReceived} ({usage.RequestsRefused} refused); tasks created: "
                    + $"{usage.TasksCreated} ({usage.TasksFailed} failed); client requests charged twice: {usage.ClientRequestsChargedTwice}."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What is served, where, and with which token on stdout (one "Name: value" a line); how to use it on stderr.</summary>
    private static void WriteStartup(CliEnvironment env, ServedContract served, ContractEmulator emulator, EmulatorOptions options, FaultShares? faults)
    {
        var paths = served.Contract.Paths;
        env.Out.WriteLine($"Contract:     {served.Contract.Title} ({served.Source})");
        env.Out.WriteLine($"Endpoints:    {string.Join(", ", paths.Select(p => "POST " + p))}");

        env.Out.WriteLine($"Base address: {emulator.BaseAddress}");
        env.Out.WriteLine($"Token:        {emulator.Token}");
        env.Out.WriteLine(options.AcceptAnyToken
            ? "Accepts:      any non-empty token (--any-token)"
            : "Accepts:      this token only; others get 401");
        env.Out.Flush();

        if (options.StrictFields)
        {
            env.Error.WriteLine("Strict: fields an action does not take are refused with 400.");
        }

        if (faults is { Shares.Count: > 0 })
        {
            var seed = options.Faults.Seed is { } s ? string.Create(CultureInfo.InvariantCulture, $" (seed {s})") : "";
            env.Error.WriteLine($"Faults: {faults}{seed}");
        }

        env.Error.WriteLine("Use it from another terminal:");
        if (served.IsHappyHorse)
        {
            env.Error.WriteLine($"  export {HappyHorseClient.TokenEnvironmentVariable}={emulator.Token}");
            env.Error.WriteLine($"  happyhorse generate \"A white horse gallops along a beach\" --base-url {emulator.BaseAddress}");
        }
        else
        {
            var url = emulator.BaseAddress.ToString().TrimEnd('/') + (paths.Count > 0 ? paths[0] : "/");
            env.Error.WriteLine($"  curl -H 'Authorization: Bearer {emulator.Token}' -H 'Content-Type: application/json' -d '{{…}}' {url}");
        }

        env.Error.WriteLine("Press Ctrl+C to stop.");
        env.Error.Flush();
    }
}
