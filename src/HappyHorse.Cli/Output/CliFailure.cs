using ContractFirst.Runtime;

namespace HappyHorse.Cli.Output;

/// <summary>What went wrong, in the terms both the text and the JSON output use.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Kind">A stable machine-readable kind: invalid_input, api_error, task_failed, timeout, network_failure, cancelled, …</param>
/// <param name="Message">A sentence for people.</param>
internal sealed record CliFailure(int ExitCode, string Kind, string Message)
{
    /// <summary>Gets the HTTP status of an API error.</summary>
    public int? Status { get; init; }

    /// <summary>Gets the API's error code.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the API's error message.</summary>
    public string? ApiMessage { get; init; }

    /// <summary>Gets the trace id to quote to the provider's support.</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets the contract violations of a refused request.</summary>
    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = [];

    public static CliFailure InvalidInput(string message) => new(ExitCodes.InvalidInput, "invalid_input", message);

    public static CliFailure InvalidRequest(IReadOnlyList<ValidationError> errors) =>
        new(ExitCodes.InvalidInput, "invalid_input", "The request breaks the API contract; nothing was sent.") { ValidationErrors = errors };
}
