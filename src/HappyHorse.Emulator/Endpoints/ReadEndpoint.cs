using System.Text.Json.Nodes;
using HappyHorse.Emulator.Faults;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Serving;
using HappyHorse.Emulator.Validation;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>A read: one task record, several (a batch lookup), or an example answer for a read the emulator has no data for.</summary>
internal static class ReadEndpoint
{
    public static async Task HandleAsync(HttpContext context, EmulatorState state, ValidatedRequest request, FaultPlan faults)
    {
        var lookup = state.Api.Lookup;
        var body = request.Body;
        JsonObject answer;
        if (lookup.Single is { } single && single.Action == request.Action)
        {
            var id = body[single.IdField.JsonName]?.GetValue<string>() ?? "";
            if (state.Tasks.Find(id) is not { } task || state.Api.Shapes.Record(task, state.BaseAddress) is not { } record)
            {
                await Answers.ErrorAsync(context, state, ApiProblem.UnknownTask, $"There is no task with id \"{id}\".").ConfigureAwait(false);
                return;
            }

            answer = record;
        }
        else if (lookup.Batch is { } batch && batch.Action == request.Action)
        {
            // A batch lists the tasks it knows, in the order asked; unknown ids are left out, so the count says how many were found.
            var items = new JsonArray();
            foreach (var node in body[batch.IdsField.JsonName] as JsonArray ?? [])
            {
                if (node is JsonValue value && value.TryGetValue<string>(out var id)
                    && state.Tasks.Find(id) is { } task && state.Api.Shapes.Record(task, state.BaseAddress) is { } record)
                {
                    items.Add((JsonNode)record);
                }
            }

            answer = new JsonObject { [batch.ItemsField.JsonName] = items };
            if (batch.CountField is { } count)
            {
                answer[count.JsonName] = items.Count;
            }
        }
        else
        {
            answer = state.Api.Shapes.Example(request.Action.Response);
        }

        switch (faults.Kind)
        {
            case FaultKind.DropAfterStart:
                context.Abort();
                return;
            case FaultKind.StatusAfterStart:
                await RequestGate.InjectedAsync(context, state, faults.Status, "after the lookup was made").ConfigureAwait(false);
                return;
        }

        await Answers.WriteAsync(context, answer, cut: faults.Kind == FaultKind.CutBody).ConfigureAwait(false);
    }
}
