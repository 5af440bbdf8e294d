using ContractFirst.Runtime;

namespace HappyHorse.Cli.Batch;

/// <summary>One valid line of a jobs file: the SDK request it became, how to price and send it, and its identity.</summary>
internal sealed class BatchJob
{
    /// <summary>Gets the 1-based line number in the jobs file.</summary>
    public required int Line { get; init; }

    /// <summary>Gets the job key: the line's <c>id</c>, or its line number; names the output files.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the CLI command name of the action (generate, image-to-video, reference-to-video, edit).</summary>
    public required string Action { get; init; }

    /// <summary>Gets the model the request sends (the contract's default when the line names none).</summary>
    public required string Model { get; init; }

    public required IVideosRequest Request { get; init; }

    /// <summary>Gets the SHA-256 of the action and the request body: a rerun tells a changed line from the one it started.</summary>
    public required string Hash { get; init; }

    /// <summary>Gets the price estimate, or null when it can't be made (an edit without input_seconds).</summary>
    public required PriceEstimate? Estimate { get; init; }

    public required Func<HappyHorseClient, CancellationToken, Task<VideosResponse>> Submit { get; init; }
}
