using System.Text;
using System.Text.Json.Nodes;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Tasks;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>POST /happyhorse/tasks: retrieve one task record, or several with retrieve_batch.</summary>
internal static class TasksEndpoint
{
    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        if (await RequestGate.AdmitAsync(context, state).ConfigureAwait(false) is not { } admitted)
        {
            return;
        }

        var outcome = state.Contract.TasksValidator.Validate(Encoding.UTF8.GetBytes(admitted.Body), state.Options.StrictFields);
        if (outcome.Request is not { } request)
        {
            await ApiErrors.WriteAsync(context, 400, ApiErrors.BadRequest, outcome.Error!, admitted.TraceId).ConfigureAwait(false);
            return;
        }

        var body = request.Body;
        if (body["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id))
        {
            if (state.Tasks.Find(id) is not { } task)
            {
                // API.md does not say what an unknown id gives; a 404 with a code lets callers tell it from a bad request.
                await ApiErrors.WriteAsync(context, 404, ApiErrors.NotFound, $"There is no task with id \"{id}\".", admitted.TraceId).ConfigureAwait(false);
                return;
            }

            await Json.WriteAsync(context, TaskJson.Record(task, state.BaseAddress)).ConfigureAwait(false);
            return;
        }

        // A batch lists the tasks it knows, in the order asked; unknown ids are left out, so count says how many were found.
        var items = new JsonArray();
        foreach (var node in body["ids"]?.AsArray() ?? [])
        {
            if (node?.GetValue<string>() is { } taskId && state.Tasks.Find(taskId) is { } found)
            {
                items.Add(TaskJson.Record(found, state.BaseAddress));
            }
        }

        await Json.WriteAsync(context, new JsonObject { ["items"] = items, ["count"] = items.Count }).ConfigureAwait(false);
    }
}
