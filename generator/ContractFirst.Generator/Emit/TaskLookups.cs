using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>The batch lookup of a contract's tasks, as the client calls it.</summary>
/// <param name="MethodName">The client method, e.g. <c>GetTasksAsync</c>.</param>
/// <param name="RequestTypeName">Its request type, built from the ids alone.</param>
/// <param name="ItemsProperty">The property of its answer that lists the task records.</param>
/// <param name="RecordIdProperty">The property of a task record that holds its id.</param>
/// <param name="BatchSize">The most ids one lookup asks for.</param>
internal sealed record BatchLookup(string MethodName, string RequestTypeName, string ItemsProperty, string RecordIdProperty, int BatchSize);

/// <summary>The batch lookup of a contract's tasks, as the generated client calls it.</summary>
/// <remarks>
/// Which action is the batch lookup is the contract library's rule (<see cref="TaskLookupExtensions"/>), shared with
/// the emulator. The client also needs the records to carry their id (the field the single lookup sends it in), or
/// answers could not be matched to waiters; without one it looks tasks up one by one.
/// </remarks>
internal static class TaskLookups
{
    /// <summary>The batch size when the contract gives the ids no <c>max_items</c>: large enough that 1,000 waiting tasks cost 10 requests a round, small enough to keep a request and its answer modest.</summary>
    public const int DefaultBatchSize = 100;

    public static BatchLookup? Batch(ContractSpec spec)
    {
        if (spec.FindBatchLookup() is not { } batch
            || spec.Models.FirstOrDefault(m => m.Name == spec.Polling!.RecordModel) is not { } record)
        {
            return null;
        }

        var idField = spec.FindSingleLookup()?.IdField.JsonName ?? "id";
        if (record.Fields.FirstOrDefault(f => f.JsonName == idField && f.Type is { Kind: FieldKind.String, IsArray: false }) is not { } recordId)
        {
            return null;
        }

        return new BatchLookup(batch.Action.MethodName, batch.Action.RequestTypeName, batch.ItemsField.PropertyName, recordId.PropertyName,
            batch.IdsField.MaxItems is > 0 and var max ? max : DefaultBatchSize);
    }
}
