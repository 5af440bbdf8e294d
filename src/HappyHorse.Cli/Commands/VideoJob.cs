using ContractFirst.Runtime;

namespace HappyHorse.Cli.Commands;

/// <summary>One video request, whatever its action: how to check, price and send it.</summary>
internal sealed class VideoJob
{
    /// <summary>Gets the command name, for messages.</summary>
    public required string Command { get; init; }

    /// <summary>Gets the contract's action name.</summary>
    public required string Action { get; init; }

    /// <summary>Gets the request, for validation before anything is sent.</summary>
    public required IVideosRequest Request { get; init; }

    /// <summary>Gets the price estimate; throws <see cref="CliInputException"/> when it needs more input.</summary>
    public required Func<PriceEstimate> Estimate { get; init; }

    public required Func<HappyHorseClient, CancellationToken, Task<VideosResponse>> Submit { get; init; }
}
