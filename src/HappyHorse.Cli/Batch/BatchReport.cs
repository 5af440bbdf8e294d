using System.Globalization;
using System.Text.Json;
using ContractFirst.Runtime;
using HappyHorse.Cli.Commands;
using HappyHorse.Cli.Output;

namespace HappyHorse.Cli.Batch;

/// <summary>The end of a batch: the estimate of --estimate, or every job's outcome; text, or one JSON document with --json.</summary>
internal sealed class BatchReport(CliEnvironment env, bool json)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Prices every valid line; sends nothing.</summary>
    /// <returns>0, or 2 when a line is bad.</returns>
    public int Estimate(IReadOnlyList<BatchJob> jobs, IReadOnlyList<BadLine> badLines)
    {
        var priced = jobs.Where(j => j.Estimate is not null).ToList();
        var unpriced = jobs.Where(j => j.Estimate is null).ToList();
        var groups = priced.GroupBy(j => (j.Action, j.Model)).OrderBy(g => g.Key.Action, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => (g.Key.Action, g.Key.Model, Count: g.Count(), Amount: g.Sum(j => j.Estimate!.Amount))).ToList();
        var total = priced.Sum(j => j.Estimate!.Amount);
        var exitCode = badLines.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", exitCode == ExitCodes.Success);
                w.WriteNumber("exit_code", exitCode);
                w.WriteStartObject("estimate");
                w.WriteString("currency", HappyHorsePricing.Currency);
                w.WriteNumber("amount", total);
                w.WriteNumber("jobs", jobs.Count);
                w.WriteNumber("priced_jobs", priced.Count);
                w.WriteStartArray("by_action_and_model");
                foreach (var g in groups)
                {
                    w.WriteStartObject();
                    w.WriteString("action", g.Action);
                    w.WriteString("model", g.Model);
                    w.WriteNumber("jobs", g.Count);
                    w.WriteNumber("amount", g.Amount);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("unpriced_lines");
                foreach (var j in unpriced)
                {
                    w.WriteNumberValue(j.Line);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                WriteBadLines(w, badLines);
            });
        }
        else
        {
            foreach (var g in groups)
            {
                env.Out.WriteLine(string.Create(C, $"{g.Action,-20} {g.Model,-28} {g.Count,5} jobs  {g.Amount,10:0.00} {HappyHorsePricing.Currency}"));
            }

            env.Out.WriteLine(string.Create(C, $"Estimated total: {total:0.00} {HappyHorsePricing.Currency} for {priced.Count} of {jobs.Count} jobs"));
            if (unpriced.Count > 0)
            {
                env.Out.WriteLine($"Not priced: lines {string.Join(", ", unpriced.Select(j => j.Line))} (an edit needs input_seconds, its input video's length).");
            }

            PrintBadLines(badLines);
            env.Error.WriteLine("Nothing was sent. Rates are the contract's \"as low as\" prices; failed tasks are not charged.");
        }

        return exitCode;
    }

    /// <summary>Reports every job and returns the exit code: 0 when every line ran to the end.</summary>
    public int Completed(IReadOnlyList<JobRun> runs, IReadOnlyList<BadLine> badLines, string statePath, string folder, RunScope scope, bool cancelled)
    {
        var failures = runs.Where(r => r.Failure is not null).OrderBy(r => r.Job.Line).ToList();
        var exitCode = cancelled ? ExitCodes.Cancelled
            : failures.Count > 0 ? failures[0].Failure!.ExitCode
            : badLines.Count > 0 ? ExitCodes.InvalidInput
            : ExitCodes.Success;
        var spent = runs.Where(r => r.Succeeded && r.Plan != JobPlan.Skip).Sum(r => r.Job.Estimate?.Amount ?? 0);
        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", exitCode == ExitCodes.Success);
                w.WriteNumber("exit_code", exitCode);
                w.WriteString("state_file", statePath);
                w.WriteStartObject("summary");
                w.WriteNumber("jobs", runs.Count + badLines.Count);
                w.WriteNumber("done", runs.Count(r => r.Succeeded));
                w.WriteNumber("skipped", runs.Count(r => r.Plan == JobPlan.Skip));
                w.WriteNumber("not_finished", failures.Count);
                w.WriteNumber("invalid", badLines.Count);
                w.WriteString("currency", HappyHorsePricing.Currency);
                w.WriteNumber("spent_estimate", spent);
                w.WriteNumber("total_estimate", runs.Sum(r => r.Job.Estimate?.Amount ?? 0));
                w.WriteEndObject();
                w.WriteStartArray("jobs");
                foreach (var run in runs)
                {
                    w.WriteStartObject();
                    w.WriteNumber("line", run.Job.Line);
                    w.WriteString("id", run.Job.Id);
                    w.WriteString("action", run.Job.Action);
                    w.WriteString("state", run.Status);
                    w.WriteStringOrNull("task_id", run.Entry.TaskId);
                    w.WriteStringOrNull("client_request_id", run.Entry.ClientRequestId);
                    w.WriteStringArray("files", run.Entry.Files.Select(f => Path.Combine(folder, f)));
                    if (run.Failure is { } f)
                    {
                        w.WriteStartObject("error");
                        w.WriteString("kind", f.Kind);
                        w.WriteString("message", f.Message);
                        w.WriteStringOrNull("trace_id", f.TraceId);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                WriteBadLines(w, badLines);
            });
        }
        else
        {
            var reporter = new Reporter(env, json: false);
            foreach (var run in runs.Where(r => r.Succeeded))
            {
                foreach (var file in run.Entry.Files)
                {
                    env.Out.WriteLine(reporter.RelativeToWorkingDirectory(Path.Combine(folder, file)));
                }
            }

            PrintBadLines(badLines);
            // Jobs Ctrl+C stopped are counted, not listed: after Ctrl+C on a long file that would be most of them.
            foreach (var run in failures.Where(r => r.Failure!.Kind != "cancelled"))
            {
                env.Error.WriteLine($"line {run.Job.Line} ({run.Job.Id}): {run.Status}: {run.Failure!.Message}");
            }

            var stopped = failures.Count(r => r.Failure!.Kind == "cancelled");
            if (stopped > 0)
            {
                env.Error.WriteLine(string.Create(C, $"{stopped} jobs stopped by Ctrl+C or SIGTERM ({failures.Count(r => r.Failure!.Kind == "cancelled" && r.Entry.TaskId is null)} not sent yet)."));
            }
        }

        var summary = string.Create(C,
            $"{runs.Count(r => r.Succeeded)} of {runs.Count + badLines.Count} jobs done ({runs.Count(r => r.Plan == JobPlan.Skip)} from an earlier run), "
            + $"{failures.Count} not finished, {badLines.Count} invalid; spent ≈ {spent:0.00} {HappyHorsePricing.Currency} in this run. State: {statePath}");
        env.Error.WriteLine(summary);
        if (cancelled || failures.Any(f => f.Failure!.ExitCode is ExitCodes.Cancelled or ExitCodes.Timeout or ExitCodes.NetworkFailure))
        {
            env.Error.WriteLine("Run the same command again to pick up where this run stopped.");
        }

        env.Error.Flush();
        return exitCode;
    }

    private void PrintBadLines(IReadOnlyList<BadLine> badLines)
    {
        foreach (var bad in badLines)
        {
            env.Error.WriteLine($"error: {bad.Describe()}");
        }
    }

    private static void WriteBadLines(Utf8JsonWriter w, IReadOnlyList<BadLine> badLines)
    {
        w.WriteStartArray("invalid_lines");
        foreach (var bad in badLines)
        {
            w.WriteStartObject();
            w.WriteNumber("line", bad.Line);
            w.WriteStringOrNull("id", bad.Id);
            w.WriteStartArray("errors");
            foreach (var p in bad.Problems)
            {
                w.WriteStartObject();
                w.WriteString("field", p.Field);
                w.WriteString("rule", p.Rule);
                w.WriteString("message", p.Message);
                w.WriteStringOrNull("value", p.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
