using System.Diagnostics;
using System.Globalization;
using Polly.Timeout;

namespace ContractFirst.Runtime;

/// <summary>
/// The transport's span tags and measurements of one call. Every method returns at once when no
/// listener is attached (a null activity, a disabled instrument), so a quiet process allocates nothing.
/// </summary>
internal static class CallInstrumentation
{
    public const string ApiTag = "contractfirst.api";
    public const string ActionTag = "contractfirst.action";
    public const string ModelTag = "contractfirst.model";
    public const string TaskIdTag = "contractfirst.task_id";
    public const string RetryReasonTag = "contractfirst.retry.reason";
    public const string CurrencyTag = "contractfirst.currency";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";

    /// <summary>Tags the call's span with what the generated client said about it.</summary>
    public static void Tag(Activity? activity, in CallTelemetry telemetry)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ApiTag, telemetry.Api);
        activity.SetTag(ActionTag, telemetry.Action);
        activity.SetTag(ModelTag, telemetry.Model);
    }

    /// <summary>The start of the call for the duration histogram, or 0 when it is not listened to.</summary>
    public static long Start() => ContractMetrics.OperationDurationInstrument.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records an answered call: status and task id on the span, the duration, and an accepted submit's estimated spend.</summary>
    public static void Succeeded<TResponse>(Activity? activity, in CallTelemetry telemetry, long started, int status, TResponse value, IJsonWritable body, OperationKind kind)
    {
        if (activity is not null)
        {
            activity.SetTag(StatusCodeTag, status);
            if (value is ITaskAnswer { TaskId: { Length: > 0 } taskId })
            {
                activity.SetTag(TaskIdTag, taskId);
            }
        }

        if (started != 0)
        {
            var tags = Tags(telemetry);
            tags.Add(StatusCodeTag, status);
            ContractMetrics.OperationDurationInstrument.Record(Seconds(started), tags);
        }

        // A body with a minted callback URL wraps the caller's request, which is what the contract prices.
        if (kind == OperationKind.Submit && ContractMetrics.EstimatedSpendInstrument.Enabled
            && (body as IPricedRequest ?? (body as CallbackUrlBody)?.Request as IPricedRequest) is { } priced)
        {
            RecordSpend(priced, telemetry);
        }
    }

    /// <summary>Records a failed call's duration; always false, for use in an exception filter that lets the exception pass.</summary>
    public static bool Failed(in CallTelemetry telemetry, long started, Exception exception)
    {
        if (started != 0)
        {
            var tags = Tags(telemetry);
            if (exception is ApiException { StatusCode: > 0 } api)
            {
                tags.Add(StatusCodeTag, api.StatusCode);
            }

            tags.Add(ErrorTypeTag, ErrorType(exception));
            ContractMetrics.OperationDurationInstrument.Record(Seconds(started), tags);
        }

        return false;
    }

    /// <summary>Counts one retry of the call, tagged with why the attempt before it failed.</summary>
    public static void Retried(CallTelemetry telemetry, Exception? exception)
    {
        if (!ContractMetrics.RetriesInstrument.Enabled)
        {
            return;
        }

        var tags = Tags(telemetry);
        tags.Add(RetryReasonTag, exception is null ? "unknown" : ErrorType(exception));
        ContractMetrics.RetriesInstrument.Add(1, tags);
    }

    /// <summary>
    /// A low-cardinality name of a failure, as OpenTelemetry's <c>error.type</c> wants: the contract's error code
    /// (else the status) of an error answer, <c>timeout</c>, or the exception's type.
    /// </summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        ApiException { ErrorCode: { Length: > 0 } code } => code,
        ApiException { StatusCode: > 0 } api => api.StatusCode.ToString(CultureInfo.InvariantCulture),
        TimeoutRejectedException or TimeoutException => "timeout",
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    private static void RecordSpend(IPricedRequest priced, in CallTelemetry telemetry)
    {
        PriceEstimate estimate;
        try
        {
            estimate = priced.EstimatePrice();
        }
        catch (ArgumentException)
        {
            // A value the contract has no rate for: nothing to add, and the paid answer must still reach the caller.
            return;
        }

        var tags = Tags(telemetry);
        tags.Add(CurrencyTag, estimate.Currency);
        ContractMetrics.EstimatedSpendInstrument.Add((double)estimate.Amount, tags);
    }

    private static TagList Tags(in CallTelemetry telemetry)
    {
        var tags = default(TagList);
        tags.Add(ApiTag, telemetry.Api);
        tags.Add(ActionTag, telemetry.Action);
        if (telemetry.Model is { } model)
        {
            tags.Add(ModelTag, model);
        }

        return tags;
    }

    private static double Seconds(long started) => (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
}
