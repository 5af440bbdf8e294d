namespace HappyHorse.Cli.Commands;

/// <summary>The parsed options of a video command, before they become the SDK's request.</summary>
internal sealed record VideoSettings
{
    public string? Model { get; init; }

    public Resolution? Resolution { get; init; }

    public Ratio? Ratio { get; init; }

    public int? Duration { get; init; }

    public int? Seed { get; init; }

    public bool? Watermark { get; init; }

    public string? CallbackUrl { get; init; }

    public bool NoWait { get; init; }

    public string? OutDirectory { get; init; }

    public bool Json { get; init; }

    public bool Estimate { get; init; }

    public Uri? BaseUrl { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the request's async flag: a callback returns at once by itself, everything else is polled.</summary>
    public bool? Async => CallbackUrl is null ? true : null;

    /// <summary>Sets the fields every video action shares on <paramref name="request"/>.</summary>
    public TRequest ApplyShared<TRequest>(TRequest request)
        where TRequest : IVideosRequest
    {
        request.Resolution = Resolution;
        request.Seed = Seed;
        request.Watermark = Watermark;
        request.CallbackUrl = CallbackUrl;
        request.Async = Async;
        return request;
    }
}
