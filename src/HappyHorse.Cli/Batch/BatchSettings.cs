namespace HappyHorse.Cli.Batch;

/// <summary>The parsed options of <c>happyhorse batch</c>.</summary>
internal sealed record BatchSettings
{
    public const int DefaultConcurrency = 4;

    public required string JobsFile { get; init; }

    public string? StatePath { get; init; }

    public string? OutDirectory { get; init; }

    public int Concurrency { get; init; } = DefaultConcurrency;

    public bool Estimate { get; init; }

    public bool ResubmitUnknown { get; init; }

    public bool Json { get; init; }

    public Uri? BaseUrl { get; init; }

    public TimeSpan? Timeout { get; init; }
}
