using System.Globalization;
using System.Text.Json;
using ContractFirst.Runtime;

namespace HappyHorse.Cli.Output;

/// <summary>
/// Writes results: in text mode, results on stdout and everything else on stderr; with --json,
/// exactly one JSON document on stdout.
/// </summary>
internal sealed class Reporter(CliEnvironment env, bool json)
{
    public bool Json => json;

    /// <summary>Reports a failure and returns its exit code.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="taskId">The task concerned, when one was started.</param>
    /// <param name="canLookUpLater">Whether `happyhorse task` can find the task later (not so with an in-process emulator).</param>
    /// <returns>The exit code.</returns>
    public int Fail(CliFailure failure, string? taskId = null, bool canLookUpLater = false)
    {
        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", false);
                w.WriteNumber("exit_code", failure.ExitCode);
                if (taskId is not null)
                {
                    w.WriteString("task_id", taskId);
                }

                WriteError(w, failure);
            });
        }

        var error = env.Error;
        error.WriteLine($"error: {failure.Message}");
        if (failure.Status is not null || failure.Code is not null || failure.ApiMessage is not null)
        {
            error.WriteLine($"  code:     {failure.Code ?? "(none)"}");
            error.WriteLine($"  message:  {failure.ApiMessage ?? "(none)"}");
            error.WriteLine($"  trace id: {failure.TraceId ?? "(none)"}");
        }

        foreach (var e in failure.ValidationErrors)
        {
            error.WriteLine($"  - {e.Field}: {e.Message} [rule: {e.Rule}, value: {e.Value ?? "(none)"}]");
        }

        if (taskId is not null && canLookUpLater && failure.ExitCode is ExitCodes.Timeout or ExitCodes.Cancelled or ExitCodes.NetworkFailure)
        {
            error.WriteLine($"The task {taskId} may still finish: look it up with `happyhorse task {taskId}`.");
        }

        error.Flush();
        return failure.ExitCode;
    }

    /// <summary>Reports a price estimate.</summary>
    public void Estimate(string action, PriceEstimate estimate)
    {
        var c = CultureInfo.InvariantCulture;
        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", true);
                w.WriteStartObject("estimate");
                w.WriteString("action", action);
                w.WriteString("currency", estimate.Currency);
                w.WriteNumber("amount", estimate.Amount);
                w.WriteString("unit", estimate.Unit.ToString().ToLowerInvariant());
                w.WriteNumber("quantity", estimate.Quantity);
                w.WriteNumber("rate", estimate.Rate);
                if (estimate.Unit == PriceUnit.Second)
                {
                    // The names of the first releases, when every price was per second.
                    w.WriteNumber("rate_per_second", estimate.Rate);
                    w.WriteNumber("billed_seconds", estimate.Quantity);
                }

                if (estimate.RateKey is { } rateKey)
                {
                    w.WriteString("rate_key", rateKey);
                }

                w.WriteString("basis", estimate.Basis);
                w.WriteStringArray("assumptions", estimate.Assumptions);
                w.WriteEndObject();
            });
            return;
        }

        var quantity = estimate.Quantity.ToString("0.####", c);
        var rate = $"{estimate.Rate.ToString("0.####", c)} {estimate.Currency}";
        var counted = estimate.Unit switch
        {
            PriceUnit.Second => $"{quantity} s at {rate}/s",
            PriceUnit.Item => $"{quantity} {(estimate.Quantity == 1 ? "item" : "items")} at {rate} each",
            _ => $"{rate} per request",
        };
        var key = estimate.RateKey is null ? "" : $"; {estimate.RateKey}";
        env.Out.WriteLine($"Estimated price: {estimate.Amount.ToString("0.00", c)} {estimate.Currency} ({counted}{key})");
        if (estimate.Assumptions.Count > 0)
        {
            env.Out.WriteLine($"Assumed: {string.Join(", ", estimate.Assumptions)}.");
        }

        env.Error.WriteLine("Nothing was sent. Rates are the contract's \"as low as\" prices; failed tasks are not charged.");
    }

    /// <summary>Reports a task that was started but not waited for.</summary>
    public void Submitted(string taskId, string? traceId, bool callback)
    {
        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", true);
                w.WriteString("task_id", taskId);
                w.WriteString("state", "submitted");
                w.WriteStringOrNull("trace_id", traceId);
            });
            return;
        }

        env.Out.WriteLine(taskId);
        env.Error.WriteLine(callback
            ? $"Task {taskId} submitted; the result will be POSTed to the callback URL. Look it up with `happyhorse task {taskId}`."
            : $"Task {taskId} submitted. Look it up with `happyhorse task {taskId}`.");
    }

    /// <summary>Reports the end of a waited-for task and returns the exit code.</summary>
    public int Completed(VideoOutcome outcome)
    {
        var failure = outcome.Succeeded
            ? null
            : new CliFailure(ExitCodes.ApiError, "task_failed", $"Task {outcome.TaskId} ended in state {outcome.State}.") { TraceId = outcome.TraceId };
        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", failure is null);
                w.WriteNumber("exit_code", failure?.ExitCode ?? ExitCodes.Success);
                w.WriteString("task_id", outcome.TaskId);
                w.WriteString("state", outcome.State);
                w.WriteStringOrNull("trace_id", outcome.TraceId);
                w.WriteNumber("elapsed_seconds", Math.Round(outcome.Elapsed.TotalSeconds, 3));
                w.WriteStringArray("video_urls", outcome.Videos.Select(v => v.Video.VideoUrl).OfType<string>());
                w.WriteStringArray("files", outcome.Videos.Select(v => v.File).OfType<string>());
                w.WriteStartArray("videos");
                foreach (var saved in outcome.Videos)
                {
                    w.WriteStartObject();
                    saved.Video.WriteJsonProperties(w);
                    w.WriteStringOrNull("file", saved.File);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (failure is not null)
                {
                    WriteError(w, failure);
                }
            });
        }
        else
        {
            foreach (var file in outcome.Videos.Select(v => v.File).OfType<string>())
            {
                env.Out.WriteLine(RelativeToWorkingDirectory(file));
            }
        }

        if (failure is not null)
        {
            env.Error.WriteLine($"error: {failure.Message} Failed tasks are not charged.");
            env.Error.WriteLine($"  trace id: {outcome.TraceId ?? "(none)"}");
            return failure.ExitCode;
        }

        env.Error.WriteLine($"Task {outcome.TaskId} succeeded after {Durations.Format(outcome.Elapsed)}.");
        return ExitCodes.Success;
    }

    /// <summary>Shows a path relative to the working directory when it lies below it.</summary>
    public string RelativeToWorkingDirectory(string path)
    {
        var relative = Path.GetRelativePath(env.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static void WriteError(Utf8JsonWriter w, CliFailure failure)
    {
        w.WriteStartObject("error");
        w.WriteString("kind", failure.Kind);
        w.WriteString("message", failure.Message);
        if (failure.Status is { } status)
        {
            w.WriteNumber("status", status);
        }

        if (failure.Status is not null || failure.Code is not null)
        {
            w.WriteStringOrNull("code", failure.Code);
            w.WriteStringOrNull("api_message", failure.ApiMessage);
        }

        w.WriteStringOrNull("trace_id", failure.TraceId);
        if (failure.ValidationErrors.Count > 0)
        {
            w.WriteStartArray("errors");
            foreach (var e in failure.ValidationErrors)
            {
                w.WriteStartObject();
                w.WriteString("field", e.Field);
                w.WriteString("rule", e.Rule);
                w.WriteString("message", e.Message);
                w.WriteStringOrNull("value", e.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
