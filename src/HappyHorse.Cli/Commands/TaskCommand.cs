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
        var common = new CommonOptions(timeoutCovers: "the lookup");
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

                // retrieve_batch leaves out ids it does not know; saying nothing would read as "all found".
                var found = new HashSet<string>(records.Select(r => r.Id ?? ""), StringComparer.Ordinal);
                var missing = ids.Where(id => !found.Contains(id)).Distinct(StringComparer.Ordinal).ToArray();
                Write(env, json, records, missing);
                return missing.Length == 0 ? ExitCodes.Success : ExitCodes.ApiError;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return reporter.Fail(scope.Classify(ex));
        }
    }

    private static void Write(CliEnvironment env, bool json, IReadOnlyList<TaskRecord> records, string[] missing)
    {
        var missingMessage = missing.Length == 0
            ? null
            : $"The API knows no task with id {string.Join(", ", missing.Select(id => $"\"{id}\""))} ({records.Count} of {records.Count + missing.Length} found).";
        if (missingMessage is not null)
        {
            env.Error.WriteLine($"error: {missingMessage}");
        }

        if (json)
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", missing.Length == 0);
                if (missingMessage is not null)
                {
                    w.WriteNumber("exit_code", ExitCodes.ApiError);
                    w.WriteStartObject("error");
                    w.WriteString("kind", "not_found");
                    w.WriteString("message", missingMessage);
                    w.WriteEndObject();
                    w.WriteStartArray("missing");
                    foreach (var id in missing)
                    {
                        w.WriteStringValue(id);
                    }

                    w.WriteEndArray();
                }

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
