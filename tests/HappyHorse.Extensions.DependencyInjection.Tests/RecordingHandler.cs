namespace HappyHorse.Extensions.DependencyInjection.Tests;

/// <summary>A user's handler: records the Authorization header of every attempt it sees.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<string?> _authorizations = [];

    public IReadOnlyList<string?> Authorizations
    {
        get
        {
            lock (_authorizations)
            {
                return [.. _authorizations];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_authorizations)
        {
            _authorizations.Add(request.Headers.Authorization?.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Answers the first task lookup with 503, as a flaky gateway would, and passes everything else on.</summary>
internal sealed class FirstLookupUnavailableHandler : DelegatingHandler
{
    private int _lookups;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri!.AbsolutePath.EndsWith("/tasks", StringComparison.Ordinal) && Interlocked.Increment(ref _lookups) == 1
            ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("") })
            : base.SendAsync(request, cancellationToken);
}
