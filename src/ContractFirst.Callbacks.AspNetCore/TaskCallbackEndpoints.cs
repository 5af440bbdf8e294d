using ContractFirst.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractFirst.Callbacks;

/// <summary>Maps routes that receive the results a service POSTs to <c>callback_url</c>.</summary>
/// <remarks>
/// Each route answers, in this order: 404 for a missing or wrong <c>{token}</c>; 413 for a body over
/// <see cref="TaskCallbackOptions.MaxBodyBytes"/>; 400 for a body that is not a JSON object or has no task id; 404
/// for a token already bound to another task (<see cref="TaskCallbackOptions.OneTaskPerUrl"/>); 200
/// without running the handler for a task already handled (a duplicate or replay), or once a concurrent duplicate's
/// first delivery succeeds; 500 when the handler throws (the delivery is forgotten, so the sender's retry runs it
/// again); otherwise 200 after the handler completes. The endpoints are plain <see cref="RequestDelegate"/>s: no
/// reflection, trim- and Native AOT-safe.
/// </remarks>
public static class TaskCallbackEndpoints
{
    /// <summary>The route parameter that carries the token: <c>{token}</c> in the pattern.</summary>
    public const string TokenParameter = "token";

    /// <summary>Maps a POST route that hands each task's result, once, to <paramref name="handler"/>.</summary>
    /// <typeparam name="TResponse">The contract's response type the body is read as (generated, so it reads itself).</typeparam>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, with a <c>{token}</c> segment: for example <c>/callbacks/{token}</c>.</param>
    /// <param name="secret">The key the callback URLs were made with (<see cref="CallbackUrls"/>).</param>
    /// <param name="taskIdOf">The task id of a result, for example <c>r =&gt; r.TaskId</c>.</param>
    /// <param name="handler">Runs once per task for genuine deliveries; the sender gets 2xx once it completes.</param>
    /// <returns>The endpoint's builder, for conventions (host, rate limiting, metadata).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The pattern has no <c>{token}</c> parameter.</exception>
    public static IEndpointConventionBuilder MapTaskCallbacks<TResponse>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        CallbackSecret secret,
        Func<TResponse, string?> taskIdOf,
        Func<TaskCallback<TResponse>, CancellationToken, Task> handler)
        where TResponse : IJsonReadable<TResponse>
        => MapTaskCallbacks(endpoints, pattern, secret, taskIdOf, new TaskCallbackOptions(), handler);

    /// <summary>Maps a POST route that hands each task's result, once, to <paramref name="handler"/>, within <paramref name="options"/>.</summary>
    /// <typeparam name="TResponse">The contract's response type the body is read as.</typeparam>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, with a <c>{token}</c> segment.</param>
    /// <param name="secret">The key the callback URLs were made with.</param>
    /// <param name="taskIdOf">The task id of a result.</param>
    /// <param name="options">Body size and duplicate limits; read now, later changes have no effect.</param>
    /// <param name="handler">Runs once per task for genuine deliveries.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The pattern has no <c>{token}</c> parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IEndpointConventionBuilder MapTaskCallbacks<TResponse>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        CallbackSecret secret,
        Func<TResponse, string?> taskIdOf,
        TaskCallbackOptions options,
        Func<TaskCallback<TResponse>, CancellationToken, Task> handler)
        where TResponse : IJsonReadable<TResponse>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(taskIdOf);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Check();
        if (RoutePatternFactory.Parse(pattern).GetParameter(TokenParameter) is null)
        {
            throw new ArgumentException($"The callback route needs a {{{TokenParameter}}} parameter, for example /callbacks/{{{TokenParameter}}} (was \"{pattern}\").", nameof(pattern));
        }

        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(TaskCallbackEndpoints).FullName!) ?? NullLogger.Instance;
        var receiver = new TaskCallbackReceiver<TResponse>(secret, taskIdOf, handler, options, logger);
        // A RequestDelegate, not a Delegate: no parameter binding inferred by reflection, so trimming and AOT are safe.
        return endpoints.MapPost(pattern, (RequestDelegate)receiver.HandleAsync);
    }

    /// <summary>Maps a POST route that hands each task's result, once, to <paramref name="sink"/> (for example <see cref="TaskCallbackWaiters{TResponse}"/>).</summary>
    /// <typeparam name="TResponse">The contract's response type the body is read as.</typeparam>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, with a <c>{token}</c> segment.</param>
    /// <param name="secret">The key the callback URLs were made with.</param>
    /// <param name="taskIdOf">The task id of a result.</param>
    /// <param name="sink">Takes each genuine first delivery.</param>
    /// <param name="options">Body size and duplicate limits; defaults when null.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The pattern has no <c>{token}</c> parameter.</exception>
    public static IEndpointConventionBuilder MapTaskCallbacks<TResponse>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        CallbackSecret secret,
        Func<TResponse, string?> taskIdOf,
        ITaskCallbackSink<TResponse> sink,
        TaskCallbackOptions? options = null)
        where TResponse : IJsonReadable<TResponse>
    {
        ArgumentNullException.ThrowIfNull(sink);
        return MapTaskCallbacks(endpoints, pattern, secret, taskIdOf, options ?? new TaskCallbackOptions(), sink.OnCallbackAsync);
    }

    /// <summary>
    /// Maps a POST route that hands each task's result, once, to a generated client (or any <see cref="ITaskResultSink{TResult}"/>):
    /// a final result completes the client's operations and waits on that task at once, with no further lookup, while
    /// the client's polling stays the fallback for callbacks that never come.
    /// </summary>
    /// <typeparam name="TResponse">The contract's response type the body is read as (for HappyHorse, <c>VideosResponse</c>).</typeparam>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, with a <c>{token}</c> segment.</param>
    /// <param name="secret">The key the callback URLs were made with.</param>
    /// <param name="taskIdOf">The task id of a result.</param>
    /// <param name="client">The client whose waits the results complete.</param>
    /// <param name="options">Body size and duplicate limits; defaults when null.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The pattern has no <c>{token}</c> parameter.</exception>
    /// <remarks>A result that is not final (a progress POST) is acknowledged and left to polling.</remarks>
    public static IEndpointConventionBuilder MapTaskCallbacks<TResponse>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        CallbackSecret secret,
        Func<TResponse, string?> taskIdOf,
        ITaskResultSink<TResponse> client,
        TaskCallbackOptions? options = null)
        where TResponse : class, IJsonReadable<TResponse>
    {
        ArgumentNullException.ThrowIfNull(client);
        return MapTaskCallbacks<TResponse>(endpoints, pattern, secret, taskIdOf, options ?? new TaskCallbackOptions(), (callback, _) =>
        {
            client.ReportTaskResult(callback.Result);
            return Task.CompletedTask;
        });
    }
}
