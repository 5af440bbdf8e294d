using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>The batch lookup of a contract's tasks, as the client calls it.</summary>
/// <param name="MethodName">The client method, e.g. <c>GetTasksAsync</c>.</param>
/// <param name="RequestTypeName">Its request type, built from the ids alone.</param>
/// <param name="ItemsProperty">The property of its answer that lists the task records.</param>
/// <param name="RecordIdProperty">The property of a task record that holds its id.</param>
/// <param name="BatchSize">The most ids one lookup asks for.</param>
internal sealed record BatchLookup(string MethodName, string RequestTypeName, string ItemsProperty, string RecordIdProperty, int BatchSize);

/// <summary>Finds how a contract's tasks are looked up in bulk.</summary>
/// <remarks>
/// The rule is the emulator's (HappyHorse.Emulator Serving/TaskLookup.cs), so both read a contract alike: a batch
/// lookup is an action of a read endpoint whose only required field is an array of strings and whose answer holds an
/// array of the polled records. Its records must carry their id (the field the single lookup sends it in), or
/// answers could not be matched to waiters; without one the client looks tasks up one by one.
/// </remarks>
internal static class TaskLookups
{
    /// <summary>The batch size when the contract gives the ids no <c>max_items</c>: large enough that 1,000 waiting tasks cost 10 requests a round, small enough to keep a request and its answer modest.</summary>
    public const int DefaultBatchSize = 100;

    public static BatchLookup? Batch(ContractSpec spec)
    {
        if (spec.Polling is not { } polling
            || spec.Models.FirstOrDefault(m => m.Name == polling.RecordModel) is not { } record)
        {
            return null;
        }

        var single = spec.Endpoints.SelectMany(e => e.Actions).FirstOrDefault(a => a.TypeName == polling.ActionTypeName);
        var idField = single?.Fields.FirstOrDefault(f => f.Required && f.Type is { Kind: FieldKind.String, IsArray: false })?.JsonName ?? "id";
        if (record.Fields.FirstOrDefault(f => f.JsonName == idField && f.Type is { Kind: FieldKind.String, IsArray: false }) is not { } recordId)
        {
            return null;
        }

        foreach (var endpoint in spec.Endpoints.Where(e => e.Kind == EndpointKind.Read))
        {
            foreach (var action in endpoint.Actions)
            {
                var required = action.Fields.Where(f => f.Required).ToList();
                if (required.Count == 1
                    && required[0].Type is { Kind: FieldKind.String, IsArray: true }
                    && (endpoint.ModelField is null || action.Models.IsEmpty)
                    && spec.Models.FirstOrDefault(m => m.Name == action.Response) is { } answer
                    && answer.Fields.FirstOrDefault(f => f.Type.IsArray && f.Type.Name == polling.RecordModel) is { } items)
                {
                    return new BatchLookup(action.MethodName, action.RequestTypeName, items.PropertyName, recordId.PropertyName,
                        required[0].MaxItems is > 0 and var max ? max : DefaultBatchSize);
                }
            }
        }

        return null;
    }
}
