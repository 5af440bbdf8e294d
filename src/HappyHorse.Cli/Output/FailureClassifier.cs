using System.Text.Json;
using ContractFirst.Runtime;

namespace HappyHorse.Cli.Output;

/// <summary>Turns an exception into the exit code and message the user sees.</summary>
internal static class FailureClassifier
{
    /// <summary>Describes a failure of a run.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="cancelledByUser">Whether Ctrl+C was pressed.</param>
    /// <param name="timedOut">Whether --timeout passed.</param>
    /// <param name="timeout">The --timeout in force.</param>
    /// <returns>The failure.</returns>
    public static CliFailure Classify(Exception exception, bool cancelledByUser, bool timedOut, TimeSpan? timeout) => exception switch
    {
        OperationCanceledException when cancelledByUser => new(ExitCodes.Cancelled, "cancelled", "Cancelled."),
        OperationCanceledException when timedOut => new(ExitCodes.Timeout, "timeout", $"Gave up after {Durations.Format(timeout ?? TimeSpan.Zero)} (--timeout)."),
        TimeoutException ex => new(ExitCodes.Timeout, "timeout", ex.Message),
        ApiException { Kind: ApiFailureKind.ErrorStatus } api => new(ExitCodes.ApiError, "api_error", $"The API answered HTTP {api.StatusCode}.")
        {
            Status = api.StatusCode,
            Code = api.ErrorCode,
            ApiMessage = api.ErrorMessage,
            TraceId = api.TraceId,
        },

        // An answer that could not be used; its message keeps any task id read before the damage.
        ApiException api => new(ExitCodes.ApiError, KindCode(api.Kind), api.Message)
        {
            Status = api.StatusCode,
            Code = api.ErrorCode,
            ApiMessage = api.ErrorMessage,
            TraceId = api.TraceId,
        },
        RequestValidationException invalid => CliFailure.InvalidRequest(invalid.Errors),
        CliInputException input => CliFailure.InvalidInput(input.Message),
        HttpRequestException http => new(ExitCodes.NetworkFailure, "network_failure", $"Could not reach the API: {http.Message}"),
        DownloadFailedException download => new(ExitCodes.NetworkFailure, "download_failed", download.Message),
        JsonException json => new(ExitCodes.ApiError, "invalid_response", $"The API's answer could not be read: {json.Message}"),
        UnexpectedResponseException unexpected => new(ExitCodes.ApiError, "invalid_response", unexpected.Message),
        IOException or UnauthorizedAccessException => new(ExitCodes.InternalError, "io_error", exception.Message),
        _ => new(ExitCodes.InternalError, "internal_error", $"Unexpected error: {exception}"),
    };

    private static string KindCode(ApiFailureKind kind) => kind switch
    {
        ApiFailureKind.Redirect => "redirect",
        ApiFailureKind.ResponseTooLarge => "response_too_large",
        ApiFailureKind.TaskFailed => "task_failed",
        _ => "invalid_response",
    };
}
