namespace ContractFirst.Contract.Model;

/// <summary>The single lookup of a task: the polling section's action and the field that carries the task id.</summary>
public sealed record SingleLookupSpec(EndpointSpec Endpoint, ActionSpec Action, FieldSpec IdField);

/// <summary>A batch lookup: its action, the field that lists the ids, and where its answer puts the records and their count.</summary>
public sealed record BatchLookupSpec(EndpointSpec Endpoint, ActionSpec Action, FieldSpec IdsField, FieldSpec ItemsField, FieldSpec? CountField);

/// <summary>
/// How a contract's tasks are looked up, read the same way by every tool (the generated client's coalesced waiting,
/// the emulator): the polling section names the single lookup, whose one required string field carries the id; a
/// batch lookup is an action of a read endpoint whose only required field is an array of strings, that takes no
/// model, and whose answer holds an array of the polled records (and, when it has one, an integer count).
/// </summary>
public static class TaskLookupExtensions
{
    /// <summary>Finds the single lookup the polling section names.</summary>
    /// <param name="contract">The contract.</param>
    /// <returns>The lookup, or <see langword="null"/> without polling.</returns>
    public static SingleLookupSpec? FindSingleLookup(this ContractSpec contract)
    {
        if (contract.Polling is not { } polling)
        {
            return null;
        }

        foreach (var endpoint in contract.Endpoints)
        {
            foreach (var action in endpoint.Actions)
            {
                if (action.TypeName == polling.ActionTypeName
                    && action.Fields.FirstOrDefault(f => f.Required && f.Type is { Kind: FieldKind.String, IsArray: false }) is { } id)
                {
                    return new SingleLookupSpec(endpoint, action, id);
                }
            }
        }

        return null;
    }

    /// <summary>Finds the batch lookup of the polled records.</summary>
    /// <param name="contract">The contract.</param>
    /// <returns>The lookup, or <see langword="null"/> when the contract has none (or no polling).</returns>
    public static BatchLookupSpec? FindBatchLookup(this ContractSpec contract)
    {
        if (contract.Polling is not { } polling)
        {
            return null;
        }

        foreach (var endpoint in contract.Endpoints.Where(e => e.Kind == EndpointKind.Read))
        {
            foreach (var action in endpoint.Actions)
            {
                var required = action.Fields.Where(f => f.Required).ToList();
                if (required.Count == 1
                    && required[0].Type is { Kind: FieldKind.String, IsArray: true }
                    && (endpoint.ModelField is null || action.Models.IsEmpty)
                    && contract.Models.FirstOrDefault(m => m.Name == action.Response) is { } answer
                    && answer.Fields.FirstOrDefault(f => f.Type.IsArray && f.Type.Name == polling.RecordModel) is { } items)
                {
                    var count = answer.Fields.FirstOrDefault(f => f.Type is { Kind: FieldKind.Integer, IsArray: false });
                    return new BatchLookupSpec(endpoint, action, required[0], items, count);
                }
            }
        }

        return null;
    }
}
