using System.CommandLine;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Commands;

/// <summary>The options of <c>happyhorse emulator</c>, and how they become <see cref="EmulatorOptions"/>.</summary>
internal sealed class EmulatorCommandOptions
{
    public Option<string?> Contract { get; } = new("--contract")
    {
        Description = "Serve this contract (a YAML file in the contract format) instead of the built-in HappyHorse Videos API.",
        HelpName = "PATH",
    };

    public Option<int?> Port { get; } = new("--port")
    {
        Description = "Port on 127.0.0.1 to listen on (default: a free port).",
        HelpName = "N",
        CustomParser = Parsers.WholeNumberIn(0, 65535),
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "The only token accepted; others get 401 (default: a random token, printed at start).",
        HelpName = "TOKEN",
        CustomParser = Parsers.Secret,
    };

    public Option<bool> AnyToken { get; } = new("--any-token") { Description = "Accept any non-empty token instead." };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Refuse fields the action does not take (400). By default, as on the service, they are ignored and named in the x-emulator-ignored-fields header.",
    };

    public Option<TimeSpan?> TaskDuration { get; } = new("--task-duration")
    {
        Description = "Seconds each task takes (default 3).",
        HelpName = "SECONDS",
        CustomParser = Parsers.SecondsUpTo(3600),
    };

    public Option<decimal?> Balance { get; } = new("--balance")
    {
        Description = "Account balance in the contract's currency; a submit it can't cover gets 403 (default: unlimited).",
        HelpName = "AMOUNT",
        CustomParser = Parsers.Amount,
    };

    public Option<int?> MaxHistory { get; } = new("--max-history")
    {
        Description = "How many received requests are kept, the newest (default 1000; 0 keeps none).",
        HelpName = "N",
        CustomParser = Parsers.WholeNumberIn(0, 1_000_000),
    };

    public Option<string?> CallbackSecret { get; } = new("--callback-secret")
    {
        Description = "Sign callbacks: x-emulator-signature: sha256=HMAC-SHA256(secret, \"<x-emulator-timestamp>.<body>\").",
        HelpName = "SECRET",
        CustomParser = Parsers.Secret,
    };

    public Option<int?> CallbackAttempts { get; } = new("--callback-attempts")
    {
        Description = "Tries per callback, with backoff from 1 s, when the receiver fails (default 5; 1: never again).",
        HelpName = "N",
        CustomParser = Parsers.WholeNumberIn(1, 20),
    };

    public Option<FaultShares?> Faults { get; } = new("--fault")
    {
        Description = "Inject a fault into this share of API requests, such as 503=0.1 or drop-after-start=0.05 (repeatable; kinds below).",
        HelpName = "KIND=SHARE",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = FaultShares.Parse,
    };

    public Option<TimeSpan?> SlowDelay { get; } = new("--slow-delay")
    {
        Description = "How long a 'slow' request waits (default 5).",
        HelpName = "SECONDS",
        CustomParser = Parsers.SecondsUpTo(3600),
    };

    public Option<int?> FaultSeed { get; } = new("--fault-seed")
    {
        Description = "Seed of the fault, task-failure and callback draws, for a run that can be repeated (default: random).",
        HelpName = "N",
        CustomParser = Parsers.WholeNumber,
    };

    /// <summary>Adds the options in the order --help lists them: what is served and where, who may call, tasks and account, callbacks, faults.</summary>
    /// <param name="command">The emulator command.</param>
    public void AddTo(Command command)
    {
        Option[] options = [Contract, Port, Token, AnyToken, Strict, TaskDuration, Balance, MaxHistory, CallbackSecret, CallbackAttempts, Faults, SlowDelay, FaultSeed];
        foreach (var option in options)
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            // Only presence is read here: reading a value that failed to parse would throw.
            if (result.GetResult(Token) is not null && result.GetResult(AnyToken) is not null)
            {
                result.AddError("--token and --any-token exclude each other: choose the one token accepted, or accept any.");
            }
        });
    }

    /// <summary>The emulator's options from a parsed command line; what is not given keeps the emulator's default.</summary>
    /// <param name="result">A command line without parse errors.</param>
    /// <param name="contract">The contract to serve; <see langword="null"/> for HappyHorse's.</param>
    /// <returns>The options.</returns>
    public EmulatorOptions Read(ParseResult result, EmulatedContract? contract)
    {
        var options = new EmulatorOptions
        {
            Contract = contract,
            Port = result.GetValue(Port) ?? 0,
            Token = result.GetValue(Token),
            AcceptAnyToken = result.GetValue(AnyToken),
            StrictFields = result.GetValue(Strict),
            Balance = result.GetValue(Balance),

            // A server in its own terminal: its log (stderr) names the fields each request sent that were ignored.
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
        };
        options.TaskDuration = result.GetValue(TaskDuration) ?? options.TaskDuration;
        options.MaxRequestHistory = result.GetValue(MaxHistory) ?? options.MaxRequestHistory;
        options.Callbacks.Secret = result.GetValue(CallbackSecret);
        options.Callbacks.MaxAttempts = result.GetValue(CallbackAttempts) ?? options.Callbacks.MaxAttempts;
        options.Faults.SlowDelay = result.GetValue(SlowDelay) ?? options.Faults.SlowDelay;
        options.Faults.Seed = result.GetValue(FaultSeed);
        result.GetValue(Faults)?.ApplyTo(options);
        return options;
    }
}
