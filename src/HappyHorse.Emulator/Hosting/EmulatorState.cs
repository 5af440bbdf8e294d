using System.Collections.Concurrent;
using HappyHorse.Emulator.Billing;
using HappyHorse.Emulator.Faults;
using HappyHorse.Emulator.Tasks;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator.Hosting;

/// <summary>Everything one running emulator shares between its endpoints.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentQueue<EmulatorRequest> _requests = new();

    public EmulatorState(EmulatorOptions options, EmulatedContract contract, ILogger logger)
    {
        Options = options;
        Contract = contract;
        Ledger = new BillingLedger(contract.Document.Billing, options.Balance);
        Runner = new TaskRunner(options, Ledger, () => BaseAddress, logger, Stopping.Token);
        Faults = new FaultInjector(options.Faults);
        RateLimiter = new RateLimiter(options.RequestsPerMinute, options.TimeProvider);
    }

    /// <summary>A private copy taken at start, so later changes to the caller's options change nothing.</summary>
    public EmulatorOptions Options { get; }

    public EmulatedContract Contract { get; }

    public TaskRunner Runner { get; }

    public BillingLedger Ledger { get; }

    public FaultInjector Faults { get; }

    public RateLimiter RateLimiter { get; }

    public TaskStore Tasks { get; } = new();

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Cancelled when the emulator stops: unfinished tasks give up and held connections are closed.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    /// <summary>Set once the server listens; video URLs and callbacks point here.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    public IReadOnlyList<EmulatorRequest> Requests => [.. _requests];

    public void Record(EmulatorRequest request) => _requests.Enqueue(request);
}
