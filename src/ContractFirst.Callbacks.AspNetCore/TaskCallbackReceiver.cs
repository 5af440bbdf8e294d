using System.Buffers;
using System.Text.Json;
using ContractFirst.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Callbacks;

/// <summary>
/// The request pipeline of one callback route: token, size, body, task id, duplicate check, handler. Every refusal is
/// answered before the handler could run, and no body makes it throw.
/// </summary>
internal sealed partial class TaskCallbackReceiver<TResponse>
    where TResponse : IJsonReadable<TResponse>
{
    private readonly CallbackSecret _secret;
    private readonly Func<TResponse, string?> _taskIdOf;
    private readonly Func<TaskCallback<TResponse>, CancellationToken, Task> _handler;
    private readonly int _maxBodyBytes;
    private readonly int _maxTaskIdLength;
    private readonly ILogger _logger;
    private readonly ExpiringMap<string>? _taskOfToken;

    public TaskCallbackReceiver(
        CallbackSecret secret,
        Func<TResponse, string?> taskIdOf,
        Func<TaskCallback<TResponse>, CancellationToken, Task> handler,
        TaskCallbackOptions options,
        ILogger logger)
    {
        _secret = secret;
        _taskIdOf = taskIdOf;
        _handler = handler;
        _maxBodyBytes = options.MaxBodyBytes;
        _maxTaskIdLength = options.MaxTaskIdLength;
        _logger = logger;
        Guard = new ReplayGuard(options.DuplicateCapacity, options.DuplicateWindow, options.TimeProvider);
        _taskOfToken = options.OneTaskPerUrl ? new ExpiringMap<string>(options.DuplicateCapacity, options.DuplicateWindow, options.TimeProvider) : null;
    }

    internal ReplayGuard Guard { get; }

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;

        // 404, as for any unknown URL: a wrong token tells a prober nothing, not even that the route exists.
        if (context.Request.RouteValues.TryGetValue(TaskCallbackEndpoints.TokenParameter, out var token) is false
            || token is not string text
            || !_secret.IsValid(text))
        {
            LogUnknownToken(_logger, context.Connection.RemoteIpAddress);
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.Request.ContentLength > _maxBodyBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = new PooledBody(ArrayPool<byte>.Shared.Rent(Math.Min(_maxBodyBytes + 1, 16 * 1024)));
        try
        {
            try
            {
                await ReadBodyAsync(context, body).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex)
            {
                // Kestrel's own checks: 413 when a server body limit is crossed, 400 for broken framing.
                response.StatusCode = ex.StatusCode;
                return;
            }
            catch (IOException)
            {
                response.StatusCode = StatusCodes.Status400BadRequest; // the sender broke off mid-body
                return;
            }

            if (body.Length > _maxBodyBytes)
            {
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await ReceiveAsync(context, text, body.Buffer.AsMemory(0, body.Length)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The sender hung up: nobody reads the answer, and a released claim lets its retry through.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Buffer);
        }
    }

    // Debug: anyone can send these, and an Information line each would let them fill the log.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Callback refused (unknown token) from {Remote}.")]
    private static partial void LogUnknownToken(ILogger logger, System.Net.IPAddress? remote);

    // Information: only a holder of a genuine token gets this far, so this is a sender's bug worth seeing.
    [LoggerMessage(Level = LogLevel.Information, Message = "Callback refused ({Reason}) from {Remote}.")]
    private static partial void LogRefused(ILogger logger, string reason, System.Net.IPAddress? remote);

    [LoggerMessage(Level = LogLevel.Error, Message = "The callback handler failed for task {TaskId}; answered 500 so the sender tries again.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string taskId);

    private async Task ReceiveAsync(HttpContext context, string token, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        var read = new JsonReadContext();
        TResponse result;
        try
        {
            result = ContractJson.Parse<TResponse>(body.Span, read);
        }
        catch (JsonException)
        {
            LogRefused(_logger, "malformed body", context.Connection.RemoteIpAddress);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var taskId = _taskIdOf(result);
        if (string.IsNullOrWhiteSpace(taskId) || taskId.Length > _maxTaskIdLength)
        {
            LogRefused(_logger, "no usable task id", context.Connection.RemoteIpAddress);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!BindsTo(token, taskId))
        {
            // A genuine token reused for another task: as good as a wrong token.
            LogRefused(_logger, "a URL of another task", context.Connection.RemoteIpAddress);
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        switch (Guard.TryClaim(taskId, out var claim))
        {
            case ReplayGuard.Outcome.Handled:
                response.StatusCode = StatusCodes.Status200OK;
                return;
            case ReplayGuard.Outcome.InFlight:
                // A concurrent duplicate: answer as the first one ends, so a failure is retried rather than lost.
                var handled = await claim.Done.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                response.StatusCode = handled ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                return;
            case ReplayGuard.Outcome.Full:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = "1";
                return;
        }

        var ok = false;
        try
        {
            await _handler(new TaskCallback<TResponse>(taskId, result, read.Issues, context), context.RequestAborted).ConfigureAwait(false);
            ok = true;
        }
        catch (Exception ex)
        {
            // Whatever the handler threw, nothing escapes into the server: the sender gets 500 (unless it hung up,
            // and then nobody reads an answer) and the released claim lets its retry run the handler again.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                LogHandlerFailed(_logger, ex, taskId);
                response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return;
        }
        finally
        {
            Guard.Release(taskId, claim, ok);
        }

        response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Whether <paramref name="token"/> may deliver <paramref name="taskId"/>: always without binding; else when unbound (it binds now) or bound to it.</summary>
    private bool BindsTo(string token, string taskId)
    {
        if (_taskOfToken is null)
        {
            return true;
        }

        lock (_taskOfToken)
        {
            if (_taskOfToken.TryGet(token, out var bound))
            {
                return string.Equals(bound, taskId, StringComparison.Ordinal);
            }

            _taskOfToken.Set(token, taskId);
            return true;
        }
    }

    /// <summary>Reads at most one byte past the limit: enough to know the body is too big without holding it.</summary>
    private async Task ReadBodyAsync(HttpContext context, PooledBody body)
    {
        // Raised, never lowered: our own count below is the limit (Kestrel's chunked decoder refused a body at
        // exactly the limit when its limit was set tight), but a server limit under ours would cut it short.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit
            && limit.MaxRequestBodySize is { } serverLimit && serverLimit <= _maxBodyBytes)
        {
            limit.MaxRequestBodySize = _maxBodyBytes + 1L;
        }

        var stream = context.Request.Body;
        while (body.Length <= _maxBodyBytes)
        {
            if (body.Length == body.Buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(body.Buffer.Length * 2, _maxBodyBytes + 1));
                body.Buffer.AsSpan(0, body.Length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(body.Buffer);
                body.Buffer = bigger;
            }

            var room = Math.Min(body.Buffer.Length, _maxBodyBytes + 1) - body.Length;
            var read = await stream.ReadAsync(body.Buffer.AsMemory(body.Length, room), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            body.Length += read;
        }
    }

    /// <summary>A rented buffer that may be swapped for a bigger one while reading; whoever made it returns the last one.</summary>
    private sealed class PooledBody(byte[] buffer)
    {
        public byte[] Buffer { get; set; } = buffer;

        public int Length { get; set; }
    }
}
