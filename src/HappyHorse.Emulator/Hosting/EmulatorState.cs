using HappyHorse.Emulator.Billing;
using HappyHorse.Emulator.Faults;
using HappyHorse.Emulator.Serving;
using HappyHorse.Emulator.Tasks;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator.Hosting;

/// <summary>Everything one running emulator shares between its endpoints.</summary>
internal sealed class EmulatorState
{
    /// <summary>The bytes of recorded requests the task store keeps at most, whatever the task count.</summary>
    private const long MaxRecordedRequestBytes = 64L << 20;

    public EmulatorState(EmulatorOptions options, ServedApi api, ILogger logger)
    {
        Options = options;
        Api = api;
        Logger = logger;
        Ledger = new BillingLedger(api.Contract.Billing, options.Balance);
        Faults = new FaultInjector(options.Faults);
        RateLimiter = new RateLimiter(options.RequestsPerMinute, options.TimeProvider);
        History = new RequestHistory(options.MaxRequestHistory);
        Tasks = new TaskStore(options.MaxTasks, MaxRecordedRequestBytes);
        Runner = new TaskRunner(this, Stopping.Token);
    }

    /// <summary>A private copy taken at start, so later changes to the caller's options change nothing.</summary>
    public EmulatorOptions Options { get; }

    public ServedApi Api { get; }

    public ILogger Logger { get; }

    public TaskRunner Runner { get; }

    public BillingLedger Ledger { get; }

    public FaultInjector Faults { get; }

    public RateLimiter RateLimiter { get; }

    public RequestHistory History { get; }

    public TaskStore Tasks { get; }

    public UsageCounter Usage { get; } = new();

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Cancelled when the emulator stops: unfinished tasks give up and held connections are closed.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    /// <summary>Set once the server listens; file URLs and callbacks point here.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");
}
