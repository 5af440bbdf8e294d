using System.Buffers;
using System.Net.Http.Headers;
using HappyHorse.Emulator.Faults;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>An API request that got past the gate: its body, the faults planned for it and the client's request id.</summary>
internal sealed record AdmittedRequest(byte[] Body, FaultPlan Faults, string? ClientRequestId);

/// <summary>
/// What every API request goes through before its endpoint sees it, in the order a real gateway applies it:
/// authentication, the body size, recording, injected delays and faults, then the rate limit. A request refused
/// here is only counted: nothing of it is kept.
/// </summary>
internal static class RequestGate
{
    /// <summary>The header that names one logical client call, the same on each resend of it.</summary>
    public const string ClientRequestIdHeader = "x-client-request-id";

    /// <summary>Reads and records the request; answers it and returns null when it does not get through.</summary>
    public static async Task<AdmittedRequest?> AdmitAsync(HttpContext context, EmulatorState state)
    {
        state.Usage.Received();
        context.Response.Headers["x-trace-id"] = Answers.TraceId(context);
        if (Authenticate(context, state) is { } problem)
        {
            state.Usage.Refused();
            await Answers.ErrorAsync(context, state, problem.Problem, problem.Message).ConfigureAwait(false);
            return null;
        }

        if (await ReadBodyAsync(context, state.Options.MaxRequestBodyBytes).ConfigureAwait(false) is not { } body)
        {
            state.Usage.Refused();
            await Answers.ErrorAsync(context, state, ApiProblem.BodyTooLarge, $"The body is larger than {state.Options.MaxRequestBodyBytes} bytes.").ConfigureAwait(false);
            return null;
        }

        Record(context, state, body);
        var plan = state.Faults.Next();
        var delay = state.Faults.AddedLatency + (plan.Slow ? state.Faults.SlowDelay : TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, state.Time, context.RequestAborted).ConfigureAwait(false);
        }

        switch (plan.Kind)
        {
            case FaultKind.DropBeforeWork:
                // The request was read, so the client cannot tell whether work started: the case a submit must not be resent on.
                state.Usage.Refused();
                context.Abort();
                return null;
            case FaultKind.StatusBeforeWork:
                state.Usage.Refused();
                await InjectedAsync(context, state, plan.Status, "before any work started").ConfigureAwait(false);
                return null;
        }

        if (!state.RateLimiter.TryAcquire(out var retryAfter))
        {
            state.Usage.Refused();
            var limit = state.Options.RequestsPerMinute;
            await Answers.ErrorAsync(context, state, ApiProblem.TooManyRequests, $"Too many requests: the limit is {limit} a minute; retry after a wait.", retryAfter).ConfigureAwait(false);
            return null;
        }

        var clientRequestId = context.Request.Headers[ClientRequestIdHeader].ToString();
        return new AdmittedRequest(body, plan, clientRequestId.Length is > 0 and <= 200 ? clientRequestId : null);
    }

    /// <summary>Answers an injected status fault; 429 says when to come back.</summary>
    public static Task InjectedAsync(HttpContext context, EmulatorState state, int status, string when)
    {
        var problem = status == 429 ? ApiProblem.TooManyRequests : ErrorCatalog.ForStatus(status);
        return Answers.ErrorAsync(context, state, problem, $"Injected fault: HTTP {status} {when}.", status == 429 ? TimeSpan.FromSeconds(1) : null);
    }

    /// <summary>Records a request without its Authorization header, the body cut to <see cref="EmulatorRequest.MaxBodyLength"/> characters.</summary>
    public static void Record(HttpContext context, EmulatorState state, ReadOnlySpan<byte> body)
    {
        if (state.Options.MaxRequestHistory == 0)
        {
            return;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in context.Request.Headers)
        {
            if (!string.Equals(name, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase))
            {
                headers[name] = value.ToString();
            }
        }

        var text = System.Text.Encoding.UTF8.GetString(body.Length > EmulatorRequest.MaxBodyLength * 3 ? body[..(EmulatorRequest.MaxBodyLength * 3)] : body);
        if (text.Length > EmulatorRequest.MaxBodyLength)
        {
            text = text[..EmulatorRequest.MaxBodyLength];
        }

        state.History.Add(new EmulatorRequest(context.Request.Method, context.Request.Path.Value ?? "/", text, headers, state.Time.GetUtcNow()));
    }

    /// <summary>The most bytes of an oversized body read and thrown away so its sender gets the 413 rather than a reset connection.</summary>
    public static long DrainLimit(int limit) => Math.Max(4L * limit, 16L << 20);

    /// <summary>Reads the body up to the limit; null when it is larger (told by Content-Length, or found while reading).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > limit)
        {
            await DrainAsync(context, limit).ConfigureAwait(false);
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(context.Request.ContentLength is { } length ? (int)Math.Max(1, length) : 4096);
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.WrittenSpan.ToArray();
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    await DrainAsync(context, limit).ConfigureAwait(false);
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit (the drain limit) stops a body that lied about its length.
            return null;
        }
    }

    /// <summary>
    /// Reads and throws away the rest of an oversized body, up to <see cref="DrainLimit"/>: a client still sending when
    /// the answer comes would otherwise see its connection reset instead of the 413. Nothing of it is kept.
    /// </summary>
    private static async Task DrainAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > DrainLimit(limit))
        {
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await context.Request.Body.ReadAsync(scratch, context.RequestAborted).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Past Kestrel's limit: the connection is closed after the answer.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static (ApiProblem Problem, string Message)? Authenticate(HttpContext context, EmulatorState state)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(value.Parameter))
        {
            return (ApiProblem.NoToken, "Send the token as 'Authorization: Bearer <token>'.");
        }

        if (!state.Options.AcceptAnyToken && !string.Equals(value.Parameter, state.Options.Token, StringComparison.Ordinal))
        {
            // Never echo the token: error messages end up in logs.
            return (ApiProblem.InvalidToken, "The token is invalid: use the token the emulator printed (ContractEmulator.Token).");
        }

        return null;
    }
}
