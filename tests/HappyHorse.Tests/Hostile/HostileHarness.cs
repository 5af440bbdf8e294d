using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Tests.Hostile;

/// <summary>The client methods the behaviours are played against.</summary>
public enum ApiMethod
{
    Generate,
    ImageToVideo,
    ReferenceToVideo,
    VideoEdit,
    GetTask,
    GetTasks,
}

/// <summary>How one call against a hostile server ended.</summary>
internal sealed record CallResult(object? Value, Exception? Error, TimeSpan Elapsed);

/// <summary>Runs client methods with hard bounds, and tells outcomes apart.</summary>
internal static class HostileHarness
{
    public const string VideosPath = "/happyhorse/videos";
    public const string TasksPath = "/happyhorse/tasks";

    /// <summary>The per-attempt timeout for behaviours that answer (slowly or not).</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The per-attempt timeout for behaviours that never finish an answer.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>A call that has not ended by now hangs, and fails the test instead of blocking CI.</summary>
    public static readonly TimeSpan HardBound = TimeSpan.FromSeconds(20);

    public static bool IsSubmit(ApiMethod method) => method is not (ApiMethod.GetTask or ApiMethod.GetTasks);

    public static string PathOf(ApiMethod method) => IsSubmit(method) ? VideosPath : TasksPath;

    public static HappyHorseClientOptions Options(Uri endpoint, TimeSpan? networkTimeout = null, ILoggerFactory? loggerFactory = null) => new()
    {
        Endpoint = endpoint,
        NetworkTimeout = networkTimeout ?? NetworkTimeout,
        FirstPollDelay = TimeSpan.Zero,
        PollingInterval = TimeSpan.FromMilliseconds(1),
        Retry = { MaxRetries = Behaviours.MaxRetries, Delay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        LoggerFactory = loggerFactory,
    };

    public static Task<object> InvokeAsync(HappyHorseClient client, ApiMethod method, CancellationToken cancellationToken = default) => method switch
    {
        ApiMethod.Generate => Box(client.GenerateAsync(new GenerateRequest("a horse running on a beach"), cancellationToken)),
        ApiMethod.ImageToVideo => Box(client.ImageToVideoAsync(new ImageToVideoRequest("https://cdn.example.com/first-frame.png"), cancellationToken)),
        ApiMethod.ReferenceToVideo => Box(client.ReferenceToVideoAsync(new ReferenceToVideoRequest("character1 rides a horse", ["https://cdn.example.com/ref.png"]), cancellationToken)),
        ApiMethod.VideoEdit => Box(client.VideoEditAsync(new VideoEditRequest("make it snow", "https://cdn.example.com/input.mp4"), cancellationToken)),
        ApiMethod.GetTask => Box(client.GetTaskAsync("task-1", cancellationToken)),
        ApiMethod.GetTasks => Box(client.GetTasksAsync(["task-1", "task-2"], cancellationToken)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>Calls <paramref name="method"/>; a call still running after <see cref="HardBound"/> fails the test.</summary>
    public static async Task<CallResult> CallAsync(HappyHorseClient client, ApiMethod method)
    {
        var watch = Stopwatch.StartNew();
        var call = InvokeAsync(client, method);
        try
        {
            var value = await call.WaitAsync(HardBound);
            return new CallResult(value, null, watch.Elapsed);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            Assert.Fail($"{method} hung: no outcome after {HardBound.TotalSeconds} s.");
            throw;
        }
        catch (Exception ex)
        {
            return new CallResult(null, ex, watch.Elapsed);
        }
    }

    /// <summary>The outcome of a call; any exception outside the documented set fails the test.</summary>
    public static Outcome Classify(CallResult result) => result.Error switch
    {
        null => Outcome.Success,
        HappyHorseException { Kind: ApiFailureKind.ErrorStatus } => Outcome.ErrorStatus,
        HappyHorseException { Kind: ApiFailureKind.Redirect } => Outcome.Redirect,
        HappyHorseException { Kind: ApiFailureKind.ResponseTooLarge } => Outcome.TooLarge,
        HappyHorseException { Kind: ApiFailureKind.UnreadableResponse } => Outcome.Unreadable,
        TimeoutException => Outcome.Timeout,
        HttpRequestException => Outcome.Network,
        var other => throw new Xunit.Sdk.XunitException($"An untyped failure: {other}"),
    };

    /// <summary>Every text an exception shows: ToString (inner exceptions included) and what ApiException keeps.</summary>
    public static IEnumerable<string> Texts(Exception exception)
    {
        yield return exception.ToString();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is ApiException api)
            {
                yield return api.RawBody ?? "";
                yield return api.ErrorCode ?? "";
                yield return api.ErrorMessage ?? "";
                yield return api.TraceId ?? "";
                foreach (var (key, value) in api.Info.PartialFields)
                {
                    yield return key;
                    yield return value;
                }
            }

            foreach (var value in e.Data.Values)
            {
                yield return value?.ToString() ?? "";
            }
        }
    }

    private static async Task<object> Box<T>(Task<T> task) => (await task)!;
}

/// <summary>Counts attempts on the client side, where a request that never reached the server still counts.</summary>
internal sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>An <see cref="ILoggerFactory"/> that keeps every formatted entry (and its exception), for assertions.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(Entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            entries.Enqueue(formatter(state, exception) + " | " + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    entries.Enqueue(key + "=" + value);
                }
            }
        }
    }
}

/// <summary>Records every activity of the ContractFirst.Runtime source: name, tags, status and events.</summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ContractActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Texts.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<string> Texts { get; } = new();

    public void Dispose() => _listener.Dispose();

    private static string Describe(Activity activity) =>
        activity.DisplayName + " " + activity.StatusDescription + " "
        + string.Join(" ", activity.TagObjects.Select(t => t.Key + "=" + t.Value))
        + string.Join(" ", activity.Events.Select(e => e.Name + " " + string.Join(" ", e.Tags.Select(t => t.Key + "=" + t.Value))));
}
