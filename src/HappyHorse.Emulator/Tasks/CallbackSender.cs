using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using HappyHorse.Emulator.Endpoints;
using HappyHorse.Emulator.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace HappyHorse.Emulator.Tasks;

/// <summary>
/// POSTs a task's final answer to its callback URL: signed when a secret is set, tried again with exponential backoff
/// while the receiver fails (a non-2xx answer, no answer), and on demand delivered twice, as at-least-once delivery
/// may. Every attempt and duplicate of one delivery carries the same <c>x-emulator-delivery</c> id.
/// </summary>
internal sealed partial class CallbackSender : IDisposable
{
    public const string SignatureHeader = "x-emulator-signature";
    public const string TimestampHeader = "x-emulator-timestamp";
    public const string DeliveryHeader = "x-emulator-delivery";
    public const string AttemptHeader = "x-emulator-attempt";

    private readonly EmulatorState _state;
    private readonly CancellationToken _stopping;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<bool> _retry;
    private readonly Random _random;
    private readonly Lock _randomLock = new();

    public CallbackSender(EmulatorState state, CancellationToken stopping)
    {
        _state = state;
        _stopping = stopping;

        // A receiver must not redirect a POST into a GET elsewhere; each attempt is bounded in time.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        _random = state.Options.Faults.Seed is { } seed ? new Random(unchecked((seed * 17) + 3)) : new Random();
        var callbacks = state.Options.Callbacks;
        var builder = new ResiliencePipelineBuilder<bool> { TimeProvider = state.Time };
        if (callbacks.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<bool>
            {
                MaxRetryAttempts = callbacks.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = callbacks.FirstRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is false),
            });
        }

        _retry = builder.Build();
    }

    public async Task DeliverAsync(EmulatedTask task, string url)
    {
        var body = Answers.Serialize(_state.Api.Shapes.Answer(task, _state.BaseAddress));
        var delivery = Guid.NewGuid().ToString();
        var attempt = 0;
        var delivered = await _retry.ExecuteAsync(
            async token => await PostAsync(task, url, body, delivery, ++attempt, token).ConfigureAwait(false),
            _stopping).ConfigureAwait(false);
        if (!delivered)
        {
            LogGaveUp(_state.Logger, task.Id, url, attempt);
            return;
        }

        bool duplicate;
        lock (_randomLock)
        {
            duplicate = _state.Options.Callbacks.DuplicateRate > 0 && _random.NextDouble() < _state.Options.Callbacks.DuplicateRate;
        }

        if (duplicate)
        {
            await PostAsync(task, url, body, delivery, ++attempt, _stopping).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The signature a receiver recomputes: HMAC-SHA256 of <c>timestamp.body</c> under the secret, as lowercase hex.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)).ToLowerInvariant();
    }

    private async Task<bool> PostAsync(EmulatedTask task, string url, byte[] body, string delivery, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = content };
            message.Headers.Add(DeliveryHeader, delivery);
            message.Headers.Add(AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));
            if (_state.Options.Callbacks.Secret is { } secret)
            {
                var timestamp = _state.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                message.Headers.Add(TimestampHeader, timestamp);
                message.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));
            }

            using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRejected(_state.Logger, task.Id, url, attempt, (int)response.StatusCode);
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or UriFormatException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(_state.Logger, task.Id, url, attempt, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback of task {TaskId} to {Url}, attempt {Attempt}, was answered with HTTP {Status}.")]
    private static partial void LogRejected(ILogger logger, string taskId, string url, int attempt, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback of task {TaskId} to {Url}, attempt {Attempt}, failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string taskId, string url, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Callback of task {TaskId} to {Url} given up after {Attempts} attempts.")]
    private static partial void LogGaveUp(ILogger logger, string taskId, string url, int attempts);
}
