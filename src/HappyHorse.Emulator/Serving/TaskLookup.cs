using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Serving;

/// <summary>The single lookup of a task: an action of a read endpoint and the field that carries the task id.</summary>
internal sealed record SingleLookup(EndpointSpec Endpoint, ActionSpec Action, string IdField);

/// <summary>A batch lookup: its action, the field that lists the ids, and where its answer puts the records and their count.</summary>
internal sealed record BatchLookup(EndpointSpec Endpoint, ActionSpec Action, string IdsField, string ItemsField, string? CountField);

/// <summary>
/// How tasks are looked up, read from the contract: the polling section names the single lookup (its one required
/// string field carries the id); a batch lookup is an action of a read endpoint with a required array of strings whose
/// answer holds an array of task records (and, when it has one, an integer count).
/// </summary>
internal sealed record TaskLookup(SingleLookup? Single, BatchLookup? Batch)
{
    public static TaskLookup From(ContractSpec contract)
    {
        if (contract.Polling is not { } polling)
        {
            return new TaskLookup(null, null);
        }

        SingleLookup? single = null;
        BatchLookup? batch = null;
        foreach (var endpoint in contract.Endpoints)
        {
            foreach (var action in endpoint.Actions)
            {
                if (action.TypeName == polling.ActionTypeName
                    && action.Fields.FirstOrDefault(f => f.Required && f.Type is { Kind: FieldKind.String, IsArray: false }) is { } id)
                {
                    single = new SingleLookup(endpoint, action, id.JsonName);
                }
                else if (endpoint.Kind == EndpointKind.Read
                    && action.Fields.FirstOrDefault(f => f.Required && f.Type is { Kind: FieldKind.String, IsArray: true }) is { } ids
                    && contract.Models.FirstOrDefault(m => m.Name == action.Response) is { } answer
                    && answer.Fields.FirstOrDefault(f => f.Type.IsArray && f.Type.Name == polling.RecordModel) is { } items)
                {
                    var count = answer.Fields.FirstOrDefault(f => f.Type is { Kind: FieldKind.Integer, IsArray: false });
                    batch ??= new BatchLookup(endpoint, action, ids.JsonName, items.JsonName, count?.JsonName);
                }
            }
        }

        return new TaskLookup(single, batch);
    }

    /// <summary>Whether <paramref name="action"/> of <paramref name="endpoint"/> is one of the lookups.</summary>
    public bool Serves(EndpointSpec endpoint, ActionSpec action) =>
        (Single is { } s && s.Endpoint.Key == endpoint.Key && s.Action.Value == action.Value)
        || (Batch is { } b && b.Endpoint.Key == endpoint.Key && b.Action.Value == action.Value);
}
