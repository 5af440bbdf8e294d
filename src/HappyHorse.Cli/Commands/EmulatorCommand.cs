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
        // Listed in --help in this order: what is served and where, who may call, how tasks and the account
        // behave, callbacks, then faults.
        var contract = new Option<string?>("--contract")
        {
            Description = "Serve this contract (a YAML file in the contract format) instead of the built-in HappyHorse Videos API.",
            HelpName = "PATH",
        };
        var port = new Option<int?>("--port") { Description = "Port on 127.0.0.1 to listen on (default: a free port).", HelpName = "N", CustomParser = Parsers.WholeNumberIn(0, 65535) };
        var token = new Option<string?>("--token")
        {
            Description = "The only token accepted; others get 401 (default: a random token, printed at start).",
            HelpName = "TOKEN",
            CustomParser = Parsers.Secret,
        };
        var anyToken = new Option<bool>("--any-token") { Description = "Accept any non-empty token instead." };
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse fields the action does not take (400). By default, as on the service, they are ignored and named in the x-emulator-ignored-fields header.",
        };
        var taskDuration = new Option<TimeSpan?>("--task-duration")
        {
            Description = "Seconds each task takes (default 3).",
            HelpName = "SECONDS",
            CustomParser = Parsers.SecondsUpTo(3600),
        };
        var balance = new Option<decimal?>("--balance")
        {
            Description = "Account balance in the contract's currency; a submit it can't cover gets 403 (default: unlimited).",
            HelpName = "AMOUNT",
            CustomParser = Parsers.Amount,
        };
        var maxHistory = new Option<int?>("--max-history")
        {
            Description = "How many received requests are kept, the newest (default 1000; 0 keeps none).",
            HelpName = "N",
            CustomParser = Parsers.WholeNumberIn(0, 1_000_000),
        };
        var callbackSecret = new Option<string?>("--callback-secret")
        {
            Description = "Sign callbacks: x-emulator-signature: sha256=HMAC-SHA256(secret, \"<x-emulator-timestamp>.<body>\").",
            HelpName = "SECRET",
            CustomParser = Parsers.Secret,
        };
        var callbackAttempts = new Option<int?>("--callback-attempts")
        {
            Description = "Tries per callback, with backoff from 1 s, when the receiver fails (default 5; 1: never again).",
            HelpName = "N",
            CustomParser = Parsers.WholeNumberIn(1, 20),
        };
        var faults = new Option<FaultShares?>("--fault")
        {
            Description = "Inject a fault into this share of API requests, such as 503=0.1 or drop-after-start=0.05 (repeatable; kinds below).",
            HelpName = "KIND=SHARE",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = FaultShares.Parse,
        };
        var slowDelay = new Option<TimeSpan?>("--slow-delay")
        {
            Description = "How long a 'slow' request waits (default 5).",
            HelpName = "SECONDS",
            CustomParser = Parsers.SecondsUpTo(3600),
        };
        var seed = new Option<int?>("--fault-seed")
        {
            Description = "Seed of the fault, task-failure and callback draws, for a run that can be repeated (default: random).",
            HelpName = "N",
            CustomParser = Parsers.WholeNumber,
        };

        var command = new Command(Name, "Run a local emulator on 127.0.0.1 until Ctrl+C: the HappyHorse Videos API (placeholder videos), or any contract with --contract.")
        {
            contract, port, token, anyToken, strict, taskDuration, balance, maxHistory, callbackSecret, callbackAttempts, faults, slowDelay, seed,
        };
        command.Validators.Add(result =>
        {
            // Only presence is read here: reading a value that failed to parse would throw.
            if (result.GetResult(token) is not null && result.GetResult(anyToken) is not null)
            {
                result.AddError("--token and --any-token exclude each other: choose the one token accepted, or accept any.");
            }
        });

        command.SetAction(async (result, cancellationToken) =>
        {
            ServedContract served;
            try
            {
                served = result.GetValue(contract) is { } path
                    ? ContractFile.Load(path, env)
                    : new ServedContract(null, EmulatedContract.HappyHorse.Title, "built in", []);
            }
            catch (CliInputException ex)
            {
                env.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            var options = new EmulatorOptions
            {
                Contract = served.Contract,
                Port = result.GetValue(port) ?? 0,
                Token = result.GetValue(token),
                AcceptAnyToken = result.GetValue(anyToken),
                StrictFields = result.GetValue(strict),
                Balance = result.GetValue(balance),
            };
            options.TaskDuration = result.GetValue(taskDuration) ?? options.TaskDuration;
            options.MaxRequestHistory = result.GetValue(maxHistory) ?? options.MaxRequestHistory;
            options.Callbacks.Secret = result.GetValue(callbackSecret);
            options.Callbacks.MaxAttempts = result.GetValue(callbackAttempts) ?? options.Callbacks.MaxAttempts;
            options.Faults.SlowDelay = result.GetValue(slowDelay) ?? options.Faults.SlowDelay;
            options.Faults.Seed = result.GetValue(seed);
            var faultShares = result.GetValue(faults);
            faultShares?.ApplyTo(options);

            ContractEmulator emulator;
            try
            {
                emulator = await ContractEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Kestrel's "Failed to bind to address …: address already in use", without its stack.
                env.Error.WriteLine($"error: port {options.Port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one).");
                return ExitCodes.InvalidInput;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                // Any other reason the port can't be had, such as a port below 1024 without the right to it.
                env.Error.WriteLine($"error: can't listen on 127.0.0.1:{options.Port}: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (ArgumentException ex)
            {
                env.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            await using (emulator.ConfigureAwait(false))
            {
                WriteStartup(env, served, emulator, options, faultShares);
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

    /// <summary>What is served, where, and with which token on stdout (one "Name: value" a line); how to use it on stderr.</summary>
    private static void WriteStartup(CliEnvironment env, ServedContract served, ContractEmulator emulator, EmulatorOptions options, FaultShares? faults)
    {
        env.Out.WriteLine($"Contract:     {served.Title} ({served.Source})");
        if (served.Paths.Count > 0)
        {
            env.Out.WriteLine($"Endpoints:    {string.Join(", ", served.Paths.Select(p => "POST " + p))}");
        }

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
            var url = emulator.BaseAddress.ToString().TrimEnd('/') + (served.Paths.Count > 0 ? served.Paths[0] : "/");
            env.Error.WriteLine($"  curl -H 'Authorization: Bearer {emulator.Token}' -H 'Content-Type: application/json' -d '{{…}}' {url}");
        }

        env.Error.WriteLine("Press Ctrl+C to stop.");
        env.Error.Flush();
    }
}
