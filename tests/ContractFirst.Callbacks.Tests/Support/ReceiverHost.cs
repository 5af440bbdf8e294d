using System.Collections.Concurrent;
using System.Net;
using ContractFirst.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Callbacks.Tests.Support;

/// <summary>
/// A loopback Kestrel app with one callback route, standing in for a customer's server. It records every status the
/// route answered (so tests see duplicates the handler never saw) and any exception that escaped the pipeline.
/// </summary>
internal sealed class ReceiverHost : IAsyncDisposable
{
    public const string Pattern = "/callbacks/{token}";

    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Every answer of the callback route, in order of completion.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    /// <summary>Exceptions that escaped the receiver into the host (must stay empty).</summary>
    public ConcurrentQueue<Exception> Escaped { get; } = new();

    public string Template => new Uri(Address, "/callbacks/").AbsoluteUri + CallbackUrls.TokenPlaceholder;

    public static async Task<ReceiverHost> StartAsync(Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ReceiverHost? host = null;
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                host!.Escaped.Enqueue(ex);
                throw;
            }
            finally
            {
                host!.Answers.Enqueue(context.Response.StatusCode);
            }
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host = new ReceiverHost(app, new Uri(address));
        return host;
    }

    /// <summary>Starts a host whose route hands results to <paramref name="handler"/>.</summary>
    public static Task<ReceiverHost> StartAsync<TResponse>(
        CallbackSecret secret,
        Func<TResponse, string?> taskIdOf,
        Func<TaskCallback<TResponse>, CancellationToken, Task> handler,
        TaskCallbackOptions? options = null)
        where TResponse : IJsonReadable<TResponse>
        => StartAsync(app => app.MapTaskCallbacks(Pattern, secret, taskIdOf, options ?? new TaskCallbackOptions(), handler));

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => await Http.PostAsync(new Uri(path, UriKind.Relative), content);

    public async Task<int> PostAsync(Uri url, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(url, content);
        return (int)response.StatusCode;
    }

    public async Task<int> PostAsync(Uri url, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(url, content);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
