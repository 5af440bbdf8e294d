using System.ClientModel;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractFirst.Runtime;

/// <summary>
/// Sends JSON requests with bearer authentication, a per-attempt timeout and safe retries,
/// and maps error responses to the contract's exceptions.
/// </summary>
/// <remarks>
/// Thread-safe; one instance serves a whole client. The token is only ever written to the
/// <c>Authorization</c> header of a request to an HTTPS or loopback endpoint. It is read from the
/// <see cref="ApiKeyCredential"/> on every attempt, so <see cref="ApiKeyCredential.Update"/> rotates
/// it for the next request without a new client.
/// </remarks>
public sealed class ApiTransport : IDisposable
{
    private static readonly ResiliencePropertyKey<OperationKind> KindKey = new("ContractFirst.OperationKind");
    private static readonly ResiliencePropertyKey<TimeSpan> AttemptTimeoutKey = new("ContractFirst.AttemptTimeout");
    private static readonly ResiliencePropertyKey<string> PathKey = new("ContractFirst.Path");
    private static readonly ResiliencePropertyKey<string> ClientRequestIdKey = new("ContractFirst.ClientRequestId");
    private static readonly ResiliencePropertyKey<CallTelemetry> TelemetryKey = new("ContractFirst.Telemetry");
    private static readonly string DefaultUserAgent = $"ContractFirst.Runtime/{typeof(ApiTransport).Assembly.GetName().Version?.ToString(3)}";

    private readonly ApiClientOptions _options;
    private readonly ApiKeyCredential _credential;
    private readonly string _baseAddress;
    private readonly string _userAgent;
    private readonly ErrorBodyFormat _errorFormat;
    private readonly ApiExceptionFactory _exceptionFactory;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ResiliencePipeline<Attempt> _pipeline;
    private readonly ILogger _logger;
    private readonly string _traceBase;

    // Request URIs by path: generated clients pass a handful of constant paths, so each is parsed once.
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    // The Authorization value of the credential's current key, rebuilt only when the key is rotated.
    private volatile BearerHeader? _bearer;

    /// <summary>Initializes a new instance with a fixed token and freezes <paramref name="options"/>.</summary>
    /// <param name="options">The client settings.</param>
    /// <param name="token">The bearer token.</param>
    /// <param name="defaultEndpoint">The contract's base URL, used when <see cref="ApiClientOptions.Endpoint"/> is null.</param>
    /// <param name="errorFormat">Where the service puts code, message and trace id in error bodies.</param>
    /// <param name="exceptionFactory">Creates the contract's exception for a failed call.</param>
    /// <param name="httpClient">The client to send with, or <see langword="null"/> to create (and later dispose) one.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">The token or the endpoint is not acceptable (see the credential overload).</exception>
    public ApiTransport(
        ApiClientOptions options,
        string token,
        Uri defaultEndpoint,
        ErrorBodyFormat errorFormat,
        ApiExceptionFactory exceptionFactory,
        HttpClient? httpClient = null)
        : this(options, FixedCredential(token), defaultEndpoint, errorFormat, exceptionFactory, httpClient)
    {
    }

    /// <summary>Initializes a new instance and freezes <paramref name="options"/>.</summary>
    /// <param name="options">The client settings.</param>
    /// <param name="credential">The bearer token, read again on every attempt so that updating it rotates the key.</param>
    /// <param name="defaultEndpoint">The contract's base URL, used when <see cref="ApiClientOptions.Endpoint"/> is null.</param>
    /// <param name="errorFormat">Where the service puts code, message and trace id in error bodies.</param>
    /// <param name="exceptionFactory">Creates the contract's exception for a failed call.</param>
    /// <param name="httpClient">
    /// The client to send with, or <see langword="null"/> to create (and later dispose) one.
    /// A caller's client is neither modified nor disposed; its own <see cref="HttpClient.Timeout"/> still applies.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The token is empty or contains whitespace or control characters; or the endpoint is not an
    /// absolute HTTPS URI, is plain HTTP to a host other than loopback without
    /// <see cref="ApiClientOptions.AllowInsecureTransport"/>, or uses another scheme.
    /// </exception>
    public ApiTransport(
        ApiClientOptions options,
        ApiKeyCredential credential,
        Uri defaultEndpoint,
        ErrorBodyFormat errorFormat,
        ApiExceptionFactory exceptionFactory,
        HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(defaultEndpoint);
        ArgumentNullException.ThrowIfNull(errorFormat);
        ArgumentNullException.ThrowIfNull(exceptionFactory);

        credential.Deconstruct(out var token);
        if (!IsUsableToken(token))
        {
            throw new ArgumentException(UnusableToken, nameof(credential));
        }

        Endpoint = options.Endpoint ?? defaultEndpoint;
        EnsureSafeEndpoint(Endpoint, options.AllowInsecureTransport, options.Endpoint is null ? nameof(defaultEndpoint) : nameof(options));

        options.Freeze();
        _options = options;
        _credential = credential;
        _baseAddress = Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _userAgent = options.UserAgent ?? DefaultUserAgent;
        _errorFormat = errorFormat;
        _exceptionFactory = exceptionFactory;
        _ownsHttpClient = httpClient is null;
        _logger = options.LoggerFactory?.CreateLogger<ApiTransport>() ?? NullLogger<ApiTransport>.Instance;

        // Traces name the URL without any user info an endpoint might carry.
        _traceBase = Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');

        // Our pipeline owns timeouts, and a redirected POST would silently become a GET.
#if NET8_0_OR_GREATER
        _httpClient = httpClient ?? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
#else
        _httpClient = httpClient ?? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
#endif
        _pipeline = BuildPipeline(options, _logger);
    }

    /// <summary>Gets the credential's current key, read for every attempt so that an update applies from the next one.</summary>
    /// <exception cref="InvalidOperationException">The credential was updated to an unusable key.</exception>
    private string Token => CurrentKey().Key;

    /// <summary>Gets the base URL requests go to; request paths are appended to it, keeping its own path.</summary>
    public Uri Endpoint { get; }

    /// <summary>Sends <paramref name="body"/> as JSON and reads the JSON response.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="path">The request path, starting with <c>/</c>, appended to <see cref="Endpoint"/>.</param>
    /// <param name="body">The request body, serialised once for all attempts.</param>
    /// <remarks>
    /// Every attempt carries the same <see cref="ClientRequestId.HeaderName"/>: the id of the current
    /// <see cref="ClientRequestId.CreateScope"/>, or one made for this call.
    /// </remarks>
    /// <param name="kind">Whether the call starts work (retried only when nothing started) or only reads.</param>
    /// <param name="defaultTimeout">The contract's timeout for one attempt, used unless <see cref="ApiClientOptions.NetworkTimeout"/> is set.</param>
    /// <param name="cancellationToken">Stops the call, including any retry wait, at once.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with <c>/</c>.</exception>
    /// <exception cref="ApiException">The service answered with an error status (the type comes from the exception factory).</exception>
    /// <exception cref="TimeoutException">The last attempt took longer than its timeout.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached or the connection failed.</exception>
    /// <exception cref="System.Text.Json.JsonException">A success response was not a valid <typeparamref name="TResponse"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The transport was disposed.</exception>
    public Task<TResponse> PostAsync<TResponse>(
        string path,
        IJsonWritable body,
        OperationKind kind,
        TimeSpan defaultTimeout,
        CancellationToken cancellationToken)
        where TResponse : IJsonReadable<TResponse> =>
        ExchangeAsync<TResponse>(path, body, kind, defaultTimeout, null, default, null, cancellationToken);

    /// <summary>Sends like <see cref="PostAsync{TResponse}(string, IJsonWritable, OperationKind, TimeSpan, CancellationToken)"/>, with the call's API, action and model on its span and metrics.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="path">The request path, starting with <c>/</c>, appended to <see cref="Endpoint"/>.</param>
    /// <param name="body">The request body, serialised once for all attempts.</param>
    /// <param name="kind">Whether the call starts work (retried only when nothing started) or only reads.</param>
    /// <param name="defaultTimeout">The contract's timeout for one attempt.</param>
    /// <param name="telemetry">What the call is, for <see cref="ContractActivitySource"/> and <see cref="ContractMetrics"/>.</param>
    /// <param name="cancellationToken">Stops the call, including any retry wait, at once.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The service answered with an error status.</exception>
    /// <exception cref="TimeoutException">The last attempt took longer than its timeout.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached or the connection failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<TResponse> PostAsync<TResponse>(
        string path,
        IJsonWritable body,
        OperationKind kind,
        TimeSpan defaultTimeout,
        CallTelemetry telemetry,
        CancellationToken cancellationToken)
        where TResponse : IJsonReadable<TResponse> =>
        ExchangeAsync<TResponse>(path, body, kind, defaultTimeout, null, telemetry, null, cancellationToken);

    /// <summary>
    /// Sends like <see cref="PostAsync{TResponse}(string, IJsonWritable, OperationKind, TimeSpan, CancellationToken)"/> with per-call settings, and returns the answer
    /// with its raw response (status, headers, body).
    /// </summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="path">The request path, starting with <c>/</c>, appended to <see cref="Endpoint"/>.</param>
    /// <param name="body">The request body, serialised once for all attempts.</param>
    /// <param name="kind">Whether the call starts work (retried only when nothing started) or only reads.</param>
    /// <param name="defaultTimeout">The contract's timeout for one attempt.</param>
    /// <param name="callOptions">Headers and attempt timeout of this call, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call, including any retry wait, at once.</param>
    /// <returns>The answer; <see cref="ClientResult.GetRawResponse"/> gives the response it was read from.</returns>
    /// <exception cref="ApiException">The service answered with an error status.</exception>
    /// <exception cref="TimeoutException">The last attempt took longer than its timeout.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached or the connection failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ClientResult<TResponse>> PostForResultAsync<TResponse>(
        string path,
        IJsonWritable body,
        OperationKind kind,
        TimeSpan defaultTimeout,
        CallOptions? callOptions,
        CancellationToken cancellationToken)
        where TResponse : IJsonReadable<TResponse> =>
        await PostForResultAsync<TResponse>(path, body, kind, defaultTimeout, callOptions, default, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends like <see cref="PostForResultAsync{TResponse}(string, IJsonWritable, OperationKind, TimeSpan, CallOptions?, CancellationToken)"/>, with the call's API, action and model on its span and metrics.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="path">The request path, starting with <c>/</c>, appended to <see cref="Endpoint"/>.</param>
    /// <param name="body">The request body, serialised once for all attempts.</param>
    /// <param name="kind">Whether the call starts work (retried only when nothing started) or only reads.</param>
    /// <param name="defaultTimeout">The contract's timeout for one attempt.</param>
    /// <param name="callOptions">Headers and attempt timeout of this call, or <see langword="null"/>.</param>
    /// <param name="telemetry">What the call is, for <see cref="ContractActivitySource"/> and <see cref="ContractMetrics"/>.</param>
    /// <param name="cancellationToken">Stops the call, including any retry wait, at once.</param>
    /// <returns>The answer; <see cref="ClientResult.GetRawResponse"/> gives the response it was read from.</returns>
    /// <exception cref="ApiException">The service answered with an error status.</exception>
    /// <exception cref="TimeoutException">The last attempt took longer than its timeout.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached or the connection failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ClientResult<TResponse>> PostForResultAsync<TResponse>(
        string path,
        IJsonWritable body,
        OperationKind kind,
        TimeSpan defaultTimeout,
        CallOptions? callOptions,
        CallTelemetry telemetry,
        CancellationToken cancellationToken)
        where TResponse : IJsonReadable<TResponse>
    {
        var raw = new StrongBox<RawResponse?>();
        var value = await ExchangeAsync<TResponse>(path, body, kind, defaultTimeout, callOptions, telemetry, raw, cancellationToken).ConfigureAwait(false);
        return ClientResult.FromValue(value, raw.Value!);
    }

    /// <summary>One call: every attempt through the pipeline, its span, metrics and the mapping of failures.</summary>
    /// <remarks>
    /// The plain overloads return this task itself and one pipeline serves every response type (<see cref="Attempt"/>
    /// carries the answer as an object): each async layer that is not there is a state machine a slow answer does not
    /// allocate. <paramref name="raw"/> receives the raw response, for the overloads that return it.
    /// </remarks>
    private async Task<TResponse> ExchangeAsync<TResponse>(
        string path,
        IJsonWritable body,
        OperationKind kind,
        TimeSpan defaultTimeout,
        CallOptions? callOptions,
        CallTelemetry telemetry,
        StrongBox<RawResponse?>? raw,
        CancellationToken cancellationToken)
        where TResponse : IJsonReadable<TResponse>
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("The request path must start with '/'.", nameof(path));
        }

        var request = RequestUri(path);
        var attemptTimeout = callOptions?.NetworkTimeout ?? _options.NetworkTimeout ?? defaultTimeout;

        // The key may be rotated between attempts: a failure's text is scrubbed of this one and the latest.
        var callToken = Token;

        // One id for the logical call, made before the pipeline so that every retry sends it again.
        var clientRequestId = ClientRequestId.Next();

        // The activity's name and tags are built only when someone listens.
        using var activity = ContractActivitySource.Source.HasListeners() ? ContractActivitySource.Source.StartActivity("POST " + path, ActivityKind.Client) : null;
        activity?.SetTag("http.request.method", "POST");
        activity?.SetTag("url.full", _traceBase + path);
        activity?.SetTag("contractfirst.client_request_id", clientRequestId);
        CallInstrumentation.Tag(activity, telemetry);
        var started = CallInstrumentation.Start();

        // Serialised once into a pooled array that every attempt sends; released after the last attempt.
        var payload = ContractJson.WritePooled(body);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(KindKey, kind);
        context.Properties.Set(AttemptTimeoutKey, attemptTimeout);
        context.Properties.Set(PathKey, path);
        context.Properties.Set(ClientRequestIdKey, clientRequestId);
        if (ContractMetrics.RetriesInstrument.Enabled)
        {
            context.Properties.Set(TelemetryKey, telemetry);
        }

        try
        {
            var attempt = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Transport.SendOnceAsync<TResponse>(state.Request, state.Payload, state.ClientRequestId, state.CallOptions, state.KeepRaw, ctx.CancellationToken),
                context,
                (Transport: this, Request: request, Payload: payload, ClientRequestId: clientRequestId, CallOptions: callOptions, KeepRaw: raw is not null)).ConfigureAwait(false);
            var value = (TResponse)attempt.Value;
            activity?.SetStatus(ActivityStatusCode.Ok);
            CallInstrumentation.Succeeded(activity, telemetry, started, attempt.Status, value, body, kind);
            if (raw is not null)
            {
                raw.Value = attempt.Raw;
            }

            return value;
        }
        catch (Exception ex) when (CallInstrumentation.Failed(telemetry, started, ex))
        {
            // Never reached: the filter records the failure's duration and lets the exception on to the handlers below.
            throw;
        }
        catch (ApiException ex)
        {
            TransportLog.Failed(_logger, path, ex.StatusCode, ex.ErrorCode, ex.TraceId, clientRequestId);
            activity?.SetTag("http.response.status_code", ex.StatusCode);
            activity?.SetTag("error.type", ex.ErrorCode ?? ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity?.SetTag("contractfirst.trace_id", ex.TraceId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.ErrorCode);
            throw;
        }
        catch (HttpRequestException ex) when (Mentions(ex, callToken) || Mentions(ex, Token))
        {
            // A malformed status or header line is quoted in the message, and a server that echoes
            // headers puts the token there: keep the kind of failure, drop the text's secret.
            activity?.SetTag("error.type", ex.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error);
#if NET8_0_OR_GREATER
            throw new HttpRequestException(ex.HttpRequestError, Redaction.Scrub(Redaction.Scrub(Messages(ex), callToken), Token), null, ex.StatusCode);
#else
            throw new HttpRequestException(Redaction.Scrub(Redaction.Scrub(Messages(ex), callToken), Token));
#endif
        }
        catch (TimeoutRejectedException ex)
        {
            activity?.SetTag("error.type", "timeout");
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new TimeoutException($"POST {path} timed out: an attempt took longer than the network timeout of {attemptTimeout}.", ex);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetTag("error.type", ex.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            payload.Release();
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this transport created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    // Messages never quote the token: it would end up in logs.
    private const string UnusableToken = "The API token is empty or contains whitespace or control characters.";

    private static ApiKeyCredential FixedCredential(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return IsUsableToken(token) ? new ApiKeyCredential(token) : throw new ArgumentException(UnusableToken, nameof(token));
    }

    private static bool IsUsableToken(string token)
    {
        foreach (var c in token)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return token.Length != 0;
    }

    private static void EnsureSafeEndpoint(Uri endpoint, bool allowInsecure, string paramName)
    {
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The endpoint must be an absolute URI.", paramName);
        }

        var secure = endpoint.Scheme == Uri.UriSchemeHttps
            || (endpoint.Scheme == Uri.UriSchemeHttp && (endpoint.IsLoopback || allowInsecure));
        if (!secure)
        {
            throw new ArgumentException(
                $"The endpoint {endpoint.Scheme}://{endpoint.Host} is not HTTPS. The token is only sent over HTTPS, "
                + "or plain HTTP to a loopback host or when AllowInsecureTransport is set.",
                paramName);
        }
    }

    private static ResiliencePipeline<Attempt> BuildPipeline(ApiClientOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = options.TimeProvider };
        var retry = options.Retry;
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.Delay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    IsSafeToRetry(args.Outcome.Exception, args.Context.Properties.GetValue(KindKey, OperationKind.Submit))),

                // Polly does not cap generated delays with MaxDelay, so a huge Retry-After is capped here.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is ApiException { RetryAfter: { } wait } ? (wait < retry.MaxDelay ? wait : retry.MaxDelay) : null),

                OnRetry = args =>
                {
                    var retryNumber = args.AttemptNumber + 1;
                    var properties = args.Context.Properties;
                    if (logger.IsEnabled(LogLevel.Warning))
                    {
                        TransportLog.Retrying(
                            logger, properties.GetValue(PathKey, "?"), args.RetryDelay, retryNumber, Describe(args.Outcome.Exception), properties.GetValue(ClientRequestIdKey, "?"));
                    }

                    Activity.Current?.SetTag("contractfirst.retries", retryNumber);
                    CallInstrumentation.Retried(properties.GetValue(TelemetryKey, default), args.Outcome.Exception);
                    return default;
                },
            });
        }

        // Inside the retry, so each attempt gets its own timeout rather than the whole call sharing one.
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(AttemptTimeoutKey, Timeout.InfiniteTimeSpan)),
        });
        return builder.Build();
    }

    /// <summary>
    /// A submit is sent again only when the answer proves the server started nothing: a 429, an error
    /// code the contract marks resend-safe (in the contract's error format), or a connection that was
    /// never made. After a timeout, a dropped or unreadable answer, or any other 5xx the task may be
    /// running, and a second submit would be charged twice. Lookups start nothing, so every transient
    /// failure is worth another try.
    /// </summary>
    private static bool IsSafeToRetry(Exception? exception, OperationKind kind) => (exception, kind) switch
    {
        (ApiException api, OperationKind.Submit) => api.IsSafeToResend,
        (ApiException api, _) => api.Kind switch
        {
            ApiFailureKind.ErrorStatus => api.IsRetryable || api.StatusCode is 408 or 429 or 502 or 503 or 504,
            // A body cut off mid-way is a network failure; one that arrived whole would read the same way again.
            ApiFailureKind.UnreadableResponse => api.InnerException is IOException or HttpRequestException,
            _ => false,
        },
        (HttpRequestException http, OperationKind.Submit) => NeverConnected(http),
        (HttpRequestException, _) => true,
        (TimeoutRejectedException, OperationKind.Read) => true,
        _ => false,
    };

    /// <summary>Why an attempt failed, for logs: status and code, never a message that could echo input.</summary>
    private static string Describe(Exception? exception) => exception switch
    {
        ApiException { Kind: ApiFailureKind.ErrorStatus } api => $"HTTP {api.StatusCode} {api.ErrorCode} (trace id {api.TraceId})",
        ApiException api => $"HTTP {api.StatusCode}, {api.Kind}",
        TimeoutRejectedException => "the attempt timed out",
        HttpRequestException http => "connection failed: " + http.HttpRequestError,
        _ => exception?.GetType().Name ?? "unknown",
    };

    /// <summary>
    /// No request byte reached the server: the name did not resolve, the connection was refused, or
    /// TLS never completed (the request is only written once it has).
    /// </summary>
    private static bool NeverConnected(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    /// <summary>What one attempt read: the answer, its raw response when asked for, and the status.</summary>
    private readonly record struct Attempt(object Value, RawResponse? Raw, int Status);

    private async ValueTask<Attempt> SendOnceAsync<TResponse>(
        Uri uri, PooledUtf8 payload, string clientRequestId, CallOptions? callOptions, bool keepRaw, CancellationToken cancellationToken)
        where TResponse : IJsonReadable<TResponse>
    {
        // Header values as plain strings: the handler writes them as they are, nothing is parsed per
        // request, and no header object is shared between requests for a handler to change.
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new PooledJsonContent(payload) };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.TryAddWithoutValidation(ClientRequestId.HeaderName, clientRequestId);

        // Per request, never on DefaultRequestHeaders: a caller's HttpClient may talk to other hosts.
        // Read on every attempt, so a rotated key is used from the next attempt on.
        request.Headers.TryAddWithoutValidation("Authorization", Bearer());
        if (callOptions is not null)
        {
            // CallOptions refuses the headers set above (but User-Agent), so none of them can be overridden here.
            foreach (var (name, value, replace) in callOptions.Headers)
            {
                if (replace)
                {
                    request.Headers.Remove(name);
                }

                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw ConnectionFailed(ex);
        }

        using var answer = response;
        var status = (int)response.StatusCode;

        // A caller's HttpClient may follow redirects by itself: an answer from another URL is never
        // taken as ours (it could be someone else's task), and a redirect answer is never followed.
        if (response.RequestMessage?.RequestUri is { } answered && answered != uri)
        {
            throw Failure(ApiFailureKind.Redirect, status, $"the request was redirected to {DescribeTarget(answered)}", response, default);
        }

        if (status is >= 300 and < 400)
        {
            var target = response.Headers.Location is { } location ? DescribeTarget(location.IsAbsoluteUri ? location : new Uri(uri, location)) : "no location";
            throw Failure(ApiFailureKind.Redirect, status, $"the service redirected to {target}", response, default);
        }

        if (!response.IsSuccessStatusCode)
        {
            // Only the head of an error body is read: it holds the code and message, and a huge one costs nothing more.
            using var error = await ResponseBody.ReadAsync(response.Content, _options.MaxErrorResponseBytes, skipWhenDeclaredLarger: false, cancellationToken).ConfigureAwait(false);
            throw _exceptionFactory(_errorFormat.Parse(status, error.Span, RetryAfter(response), Token), null);
        }

        using var body = await ResponseBody.ReadAsync(response.Content, _options.MaxResponseBytes, skipWhenDeclaredLarger: true, cancellationToken).ConfigureAwait(false);
        if (body.Exceeded)
        {
            throw Failure(ApiFailureKind.ResponseTooLarge, status, $"the answer is over the {_options.MaxResponseBytes}-byte limit (MaxResponseBytes)", response, body.Span);
        }

        if (body.Broken is { } broken)
        {
            throw Failure(ApiFailureKind.UnreadableResponse, status, $"the connection broke after {body.Length} bytes of the answer", response, body.Span, broken);
        }

        try
        {
            var value = ContractJson.Parse<TResponse>(body.Span, new JsonReadContext(_options.StrictReading, Token));
            return new Attempt(value, keepRaw ? new RawResponse(response, body.Span) : null, status);
        }
        catch (System.Text.Json.JsonException ex)
        {
            // ContractJson.Parse fails with nothing but JsonException, whatever the bytes (it is fuzzed for that).
            // The work may have started: the exception keeps the ids read before the damage.
            throw Failure(ApiFailureKind.UnreadableResponse, status, Redaction.Scrub(ex.Message, Token), response, body.Span, ex);
        }
    }

    /// <summary>The URI of <paramref name="path"/>, parsed once per path (up to a bound, so odd callers cannot grow it forever).</summary>
    private Uri RequestUri(string path)
    {
        if (_uris.TryGetValue(path, out var uri))
        {
            return uri;
        }

        uri = new Uri(_baseAddress + path, UriKind.Absolute);
        if (_uris.Count < MaxCachedUris)
        {
            _uris.TryAdd(path, uri);
        }

        return uri;
    }

    private const int MaxCachedUris = 256;

    /// <summary>The Authorization header value for the credential's current key.</summary>
    /// <exception cref="InvalidOperationException">The credential was updated to an unusable key.</exception>
    private string Bearer() => CurrentKey().Value;

    /// <summary>The credential's current key, checked and made into a header value once per key value.</summary>
    /// <exception cref="InvalidOperationException">The credential was updated to an unusable key.</exception>
    private BearerHeader CurrentKey()
    {
        _credential.Deconstruct(out var key);
        var cached = _bearer;
        if (cached is not null && string.Equals(cached.Key, key, StringComparison.Ordinal))
        {
            return cached;
        }

        if (!IsUsableToken(key))
        {
            throw new InvalidOperationException(UnusableToken);
        }

        cached = new BearerHeader(key, "Bearer " + key);
        _bearer = cached;
        return cached;
    }

    /// <summary>
    /// A key and its header value, swapped as one so a reader never pairs a key with another's value.
    /// A class, not a record: a record's generated ToString would print the key.
    /// </summary>
    private sealed class BearerHeader(string key, string value)
    {
        public string Key { get; } = key;

        public string Value { get; } = value;
    }

    /// <summary>
    /// A network failure as an <see cref="HttpRequestException"/>: SocketsHttpHandler lets a raw
    /// <see cref="SocketException"/> escape when a server closes a connection the moment it accepts it.
    /// It counts as "may have been sent", so a submit is never resent after it.
    /// </summary>
    private static HttpRequestException ConnectionFailed(Exception ex) =>
#if NET8_0_OR_GREATER
        new(HttpRequestError.Unknown, "The connection failed: " + ex.Message, ex);
#else
        new("The connection failed: " + ex.Message, ex);
#endif

    /// <summary>A failure of an answer that is not an error status, as the contract's base exception.</summary>
    private ApiException Failure(ApiFailureKind kind, int status, string? why, HttpResponseMessage response, ReadOnlySpan<byte> body, Exception? cause = null)
    {
        var info = new ApiErrorInfo(status, null, why, null, ErrorBodyFormat.ToText(body, Token), RetryAfter(response))
        {
            Kind = kind,
            PartialFields = kind is ApiFailureKind.UnreadableResponse or ApiFailureKind.ResponseTooLarge
                ? JsonScan.TopLevelScalars(body, Token)
                : new Dictionary<string, string>(0),
        };
        return _exceptionFactory(info, cause);
    }

    private static bool Mentions(Exception exception, string secret)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Messages(Exception exception)
    {
        var text = new System.Text.StringBuilder(exception.Message);
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            text.Append(" ---> ").Append(e.GetType().Name).Append(": ").Append(e.Message);
        }

        return text.ToString();
    }

    /// <summary>Where a redirect pointed, for a message: no user info, query or fragment, and never the token.</summary>
    private string DescribeTarget(Uri target) =>
        Redaction.Scrub(target.IsAbsoluteUri ? target.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "a relative location", Token)!;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
