using System.CommandLine;
using HappyHorse.Cli.Commands;

namespace HappyHorse.Cli.Batch;

/// <summary><c>batch JOBS-FILE</c>: many video jobs from a JSON Lines or CSV file, resumable.</summary>
internal static class BatchCommand
{
    public const string Name = "batch";

    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string>("JOBS-FILE")
        {
            Description = "A .jsonl/.ndjson (one JSON object a line) or .csv (header row of field names) file: one job a line, "
                + "with action (generate, image-to-video, reference-to-video, edit), the request's contract field names, and an optional id.",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = $"Most submits in flight at once (default {BatchSettings.DefaultConcurrency}); waiting is shared by all tasks anyway.",
            HelpName = "N",
            DefaultValueFactory = _ => BatchSettings.DefaultConcurrency,
        };
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--concurrency must be between 1 and 64.");
            }
        });
        var state = new Option<string?>("--state")
        {
            Description = "The state file that makes the batch resumable (default: <JOBS-FILE>.state.json).",
            HelpName = "PATH",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder the videos are saved to as <id>.mp4 (default: the current folder).",
            HelpName = "DIR",
        };
        var estimate = new Option<bool>("--estimate") { Description = "Price the whole file (total, and by action and model) and exit; sends nothing." };
        var resubmitUnknown = new Option<bool>("--resubmit-unknown")
        {
            Description = "Send again the jobs an earlier run sent without getting a task id back (they may have been charged).",
        };
        var common = new CommonOptions();
        var command = new Command(Name, "Run many jobs from a JSON Lines or CSV file: bounded submits, shared waiting, downloads; rerun to resume.")
        {
            file, concurrency, state, output, estimate, resubmitUnknown,
        };
        common.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var settings = new BatchSettings
            {
                JobsFile = result.GetValue(file) ?? "",
                Concurrency = result.GetValue(concurrency),
                StatePath = result.GetValue(state),
                OutDirectory = result.GetValue(output),
                Estimate = result.GetValue(estimate),
                ResubmitUnknown = result.GetValue(resubmitUnknown),
                Json = result.GetValue(common.Json),
                BaseUrl = result.GetValue(common.BaseUrl),
                Timeout = result.GetValue(common.Timeout),
            };
            return new BatchRunner(settings, env).RunAsync(cancellationToken);
        });
        return command;
    }
}
