using System.Net.Http.Headers;
using HappyHorse.Emulator.Faults;
using HappyHorse.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>An API request that got past the gate: its body and the trace id of the answer.</summary>
internal sealed record AdmittedRequest(string Body, string TraceId);

/// <summary>
/// What every API request goes through before its endpoint sees it, in the order a real gateway
/// would apply it: record, injected latency and faults, authentication, then the rate limit.
/// </summary>
internal static class RequestGate
{
    /// <summary>Reads and records the request; answers it and returns null when it does not get through.</summary>
    public static async Task<AdmittedRequest?> AdmitAsync(HttpContext context, EmulatorState state)
    {
        var body = await RecordAsync(context, state).ConfigureAwait(false);
        var traceId = Guid.NewGuid().ToString();
        context.Response.Headers["x-trace-id"] = traceId;

        if (state.Faults.AddedLatency > TimeSpan.Zero)
        {
            await Task.Delay(state.Faults.AddedLatency, state.Time, context.RequestAborted).ConfigureAwait(false);
        }

        switch (state.Faults.Next())
        {
            case Fault.DropConnection:
                // The request was read, so the client cannot tell whether work started: the case the SDK must not retry a submit on.
                context.Abort();
                return null;
            case Fault.ServerError:
                await ApiErrors.WriteAsync(context, 500, ApiErrors.ApiError, "Injected fault: internal error.", traceId).ConfigureAwait(false);
                return null;
            case Fault.TooManyRequests:
                await ApiErrors.WriteAsync(context, 429, ApiErrors.TooManyRequests, "Injected fault: too many requests; retry after a wait.", traceId, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                return null;
        }

        if (!IsAuthorized(context, state.Options.AcceptAnyToken ? null : state.Options.Token, out var problem))
        {
            await ApiErrors.WriteAsync(context, 401, ApiErrors.InvalidToken, problem, traceId).ConfigureAwait(false);
            return null;
        }

        if (!state.RateLimiter.TryAcquire(out var retryAfter))
        {
            var limit = state.Options.RequestsPerMinute;
            await ApiErrors.WriteAsync(context, 429, ApiErrors.TooManyRequests, $"Too many requests: the limit is {limit} a minute; retry after a wait.", traceId, retryAfter).ConfigureAwait(false);
            return null;
        }

        return new AdmittedRequest(body, traceId);
    }

    /// <summary>Records any request (file downloads too) without its Authorization header.</summary>
    public static async Task<string> RecordAsync(HttpContext context, EmulatorState state)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers
            .Where(h => !string.Equals(h.Key, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        state.Record(new EmulatorRequest(context.Request.Method, context.Request.Path.Value ?? "/", body, headers, state.Time.GetUtcNow()));
        return body;
    }

    private static bool IsAuthorized(HttpContext context, string? expected, out string problem)
    {
        problem = "";
        var header = context.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(value.Parameter))
        {
            problem = "Send the token as 'Authorization: Bearer <token>'.";
            return false;
        }

        if (expected is not null && !string.Equals(value.Parameter, expected, StringComparison.Ordinal))
        {
            // Never echo the token: error messages end up in logs.
            problem = "The token is invalid.";
            return false;
        }

        return true;
    }
}
