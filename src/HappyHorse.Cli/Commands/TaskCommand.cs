using System.CommandLine;
using HappyHorse.Cli.Hosting;
using HappyHorse.Cli.Output;

namespace HappyHorse.Cli.Commands;

/// <summary><c>task ID…</c>: looks tasks up (one id: retrieve; several: retrieve_batch).</summary>
internal static class TaskCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ids = new Argument<string[]>("ID") { Description = "Task ids, as a video command printed them.", Arity = ArgumentArity.OneOrMore };
        var common = new CommonOptions();
        var command = new Command("task", "Look tasks up: state, request, videos.") { ids };
        common.AddTo(command);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(ids) ?? [], result.GetValue(common.Json), result.GetValue(common.BaseUrl), result.GetValue(common.Timeout), env, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] ids, bool json, Uri? baseUrl, TimeSpan? timeout, CliEnvironment env, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(env, json);
        using var scope = new RunScope(timeout ?? CommonOptions.DefaultTimeout, cancellationToken);
        try
        {
            var connection = await ApiConnection.OpenAsync(env, baseUrl, "task", allowEmulator: false, scope.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                IReadOnlyList<TaskRecord> records = ids.Length == 1
                    ? [await connection.Client.GetTaskAsync(ids[0], scope.Token).ConfigureAwait(false)]
                    : (await connection.Client.GetTasksAsync(ids, scope.Token).ConfigureAwait(false)).Items;
                Write(env, json, records);
                return ExitCodes.Success;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return reporter.Fail(scope.Classify(ex));
        }
    }

    private static void Write(CliEnvironment env, bool json, IReadOnlyList<TaskRecord> records)
    {
        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", true);
                w.WriteNumber("count", records.Count);
                w.WriteStartArray("tasks");
                foreach (var record in records)
                {
                    TaskJson.WriteRecord(w, record);
                }

                w.WriteEndArray();
            });
            return;
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0)
            {
                env.Out.WriteLine();
            }

            TaskText.Write(env.Out, records[i]);
        }
    }
}
