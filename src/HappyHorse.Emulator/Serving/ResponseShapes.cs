using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Tasks;

namespace HappyHorse.Emulator.Serving;

/// <summary>
/// Fills the contract's response models for a task, Prism-style: every field gets a plausible value of its type, and
/// the fields a client acts on get the task's real ones. The task id field of submit answers, the record's id,
/// timestamps, trace id and recorded request come from the task; state fields follow the polling rules for the task's
/// outcome (<see cref="TaskStatePins"/>); URLs point at the emulator's files once the task succeeded; fields the
/// request or its price name (<c>resolution</c>, <c>duration</c>, <c>prompt</c>…) echo what was asked and billed.
/// </summary>
internal sealed class ResponseShapes
{
    /// <summary>Fields the service sends that no contract models: clients must ignore them, and the emulator makes sure they can.</summary>
    private static readonly (string Name, string Value)[] s_unmodelledRecordFields =
        [("user_id", "emulator-user"), ("api_id", "emulator-api"), ("application_id", "emulator-application")];

    private readonly ContractSpec _contract;
    private readonly Dictionary<string, ModelSpec> _models;
    private readonly TaskStatePins _pins;
    private readonly ModelSpec? _record;
    private readonly string? _recordIdField;
    private readonly string? _finishedField;
    private readonly string? _responseField;
    private readonly string? _taskIdField;
    private readonly string _traceIdField;

    public ResponseShapes(ContractSpec contract, TaskLookup lookup)
    {
        _contract = contract;
        _models = contract.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        _record = contract.Polling is { } polling ? _models.GetValueOrDefault(polling.RecordModel) : null;
        _pins = new TaskStatePins(contract, _record?.Terminal ?? contract.Polling?.Terminal);
        _recordIdField = lookup.Single is { } single ? _record?.Fields.FirstOrDefault(f => f.JsonName == single.IdField.JsonName)?.JsonName ?? "id" : null;
        _finishedField = _record?.Fields.FirstOrDefault(f => f.PropertyName == contract.Polling?.Terminal.FinishedWhen)?.JsonName;
        var submitResponses = contract.Endpoints.Where(e => e.Kind == EndpointKind.Submit).SelectMany(e => e.Actions).Select(a => a.Response).ToHashSet(StringComparer.Ordinal);
        _responseField = _record?.Fields.FirstOrDefault(f => !f.Type.IsArray && submitResponses.Contains(f.Type.Name ?? ""))?.JsonName;
        _taskIdField = contract.Polling is { } p
            ? submitResponses.Select(r => _models.GetValueOrDefault(r)?.Fields.FirstOrDefault(f => f.PropertyName == p.TaskIdProperty)).FirstOrDefault(f => f is not null)?.JsonName
            : "task_id";
        _traceIdField = contract.Errors.TraceIdPath.Split('.')[^1];
    }

    /// <summary>What an async or callback submit answers at once: only the task id, as the service does.</summary>
    public JsonObject Accepted(EmulatedTask task) => _taskIdField is null ? [] : new JsonObject { [_taskIdField] = task.Id };

    /// <summary>The action's full answer for the task as it is now: what a held submit answers and a callback POSTs.</summary>
    public JsonObject Answer(EmulatedTask task, Uri baseAddress) =>
        Build(task.Action.Response, new Scope(task, baseAddress, task.Snapshot()), _responseField ?? "", record: false);

    /// <summary>The task record the lookups answer with; null when the contract has no polling section.</summary>
    public JsonObject? Record(EmulatedTask task, Uri baseAddress)
    {
        if (_record is null)
        {
            return null;
        }

        var record = Build(_record.Name, new Scope(task, baseAddress, task.Snapshot()), "", record: true);
        foreach (var (name, value) in s_unmodelledRecordFields)
        {
            record.TryAdd(name, value);
        }

        return record;
    }

    /// <summary>An answer for an action the emulator has no task for (a read it does not recognise): every field plausible.</summary>
    public JsonObject Example(string model) => Build(model, null, "", record: false);

    private JsonObject Build(string modelName, Scope? scope, string path, bool record)
    {
        var json = new JsonObject();
        if (!_models.TryGetValue(modelName, out var model))
        {
            return json;
        }

        foreach (var field in model.Fields)
        {
            var at = path.Length == 0 ? field.JsonName : path + "." + field.JsonName;
            if (Fill(field, at + (field.Type.IsArray ? "[]" : ""), scope, record && path.Length == 0) is { } value)
            {
                json[field.JsonName] = value.Node;
            }
        }

        return json;
    }

    /// <summary>The field's value, or null to leave it out.</summary>
    private Filled? Fill(FieldSpec field, string path, Scope? scope, bool recordField)
    {
        var pin = scope is { } s ? _pins.Find(s.Outcome, path) : null;
        if (pin is { Absent: true })
        {
            return null;
        }

        if (pin?.Value is { } pinned)
        {
            return new Filled(pinned.DeepClone());
        }

        if (scope is { } task && Known(field, path, task, recordField, pin is not null) is { } known)
        {
            return ReferenceEquals(known, Filled.Absent) ? null : known;
        }

        var type = field.Type;
        if (type.IsArray)
        {
            // One item: a task makes one result here, and a list with one shows every field of the item.
            var item = field with { Type = type with { IsArray = false }, Nullable = false };
            return Fill(item, path, scope, recordField: false) is { Node: { } node } ? new Filled(new JsonArray(node)) : new Filled(new JsonArray());
        }

        return type.Kind switch
        {
            FieldKind.Model or FieldKind.Object => new Filled(Build(type.Name!, scope, path, record: false)),
            _ when field.Nullable => new Filled(null),
            FieldKind.Url => new Filled(scope is { } t ? t.FileUrl(field.JsonName) : "https://emulator.invalid/example"),
            FieldKind.String => new Filled(IsId(field.JsonName) ? DerivedId(scope?.Task.Id ?? "example", path) : "emulated"),
            FieldKind.Integer or FieldKind.Number => new Filled(0),
            FieldKind.Boolean => new Filled(scope is not { Outcome: TaskOutcome.Failed }),
            FieldKind.Timestamp => new Filled(UnixSeconds(scope?.Task.CreatedAt ?? DateTimeOffset.UnixEpoch)),
            FieldKind.Enum => new Filled(_contract.FindEnum(type.Name) is { Values: [var first, ..] } ? first.Value : null),
            _ => new Filled(null),
        };
    }

    /// <summary>A value the task itself decides, <see cref="Filled.Absent"/> to leave the field out, or null to fill it by its type.</summary>
    private Filled? Known(FieldSpec field, string path, Scope scope, bool recordField, bool pinnedPresent)
    {
        var task = scope.Task;
        var name = field.JsonName;
        var ended = scope.FinishedAt is not null;
        if (recordField)
        {
            if (name == _recordIdField)
            {
                return new Filled(task.Id);
            }

            if (name == _finishedField)
            {
                return ended ? new Filled(UnixSeconds(scope.FinishedAt!.Value)) : Filled.Absent;
            }

            if (name == _responseField)
            {
                return new Filled(Build(field.Type.Name!, scope, name, record: false));
            }

            if (field.Type.Kind == FieldKind.Model && (name == "request" || field.Type.Name!.EndsWith("Request", StringComparison.Ordinal)))
            {
                // The service records the whole body it acted on; readers ignore what their model does not list.
                return new Filled(task.Request.DeepClone());
            }

            if (name == "type" && field.Type.Kind == FieldKind.String)
            {
                return new Filled(task.Endpoint.Key);
            }

            if (name == "elapsed" && field.Type.Kind is FieldKind.Number or FieldKind.Integer)
            {
                return ended ? new Filled(Math.Round((scope.FinishedAt!.Value - task.StartedAt).TotalSeconds, 3)) : Filled.Absent;
            }
        }

        if (name == _taskIdField && field.Type is { Kind: FieldKind.String, IsArray: false })
        {
            return new Filled(task.Id);
        }

        if (name == _traceIdField && field.Type.Kind == FieldKind.String)
        {
            return new Filled(task.TraceId);
        }

        if (field.Type.Kind == FieldKind.Timestamp && !field.Type.IsArray)
        {
            return name.Contains("finish", StringComparison.Ordinal) || name.Contains("complet", StringComparison.Ordinal) || name.Contains("end", StringComparison.Ordinal)
                ? ended ? new Filled(UnixSeconds(scope.FinishedAt!.Value)) : Filled.Absent
                : new Filled(UnixSeconds(name.Contains("start", StringComparison.Ordinal) ? task.StartedAt : task.CreatedAt));
        }

        if (name == "error" && field.Type.Kind == FieldKind.Model && !pinnedPresent)
        {
            // An error object only on failure; otherwise left out, as the service does.
            return scope.Outcome == TaskOutcome.Failed ? new Filled(ErrorObject(field.Type.Name!)) : Filled.Absent;
        }

        if (name == "error" && field.Type.Kind == FieldKind.Model)
        {
            return new Filled(ErrorObject(field.Type.Name!));
        }

        if (name is "state" or "status" && field.Type is { Kind: FieldKind.String or FieldKind.Enum, IsArray: false })
        {
            return new Filled(TaskStatePins.Conventional(_contract, field.Type, scope.Outcome));
        }

        if (name == "success" && field.Type is { Kind: FieldKind.Boolean, IsArray: false })
        {
            return new Filled(scope.Outcome != TaskOutcome.Failed);
        }

        if (field.Type.Kind == FieldKind.Url && !field.Type.IsArray)
        {
            return new Filled(scope.Outcome == TaskOutcome.Succeeded ? scope.FileUrl(name) : null);
        }

        return Echo(field, scope);
    }

    /// <summary>What was asked and billed: the price's quantity and rate values first (what was charged), then the request's value.</summary>
    private static Filled? Echo(FieldSpec field, Scope scope)
    {
        var charge = scope.Task.Charge;
        if (field.Type.IsArray || field.Type.Kind is FieldKind.Model or FieldKind.Object)
        {
            return null;
        }

        if (charge.QuantityField == field.JsonName && field.Type.Kind is FieldKind.Number or FieldKind.Integer)
        {
            return new Filled(charge.Quantity);
        }

        if (charge.Values.TryGetValue(field.JsonName, out var charged) && charged is not null && field.Type.Kind is FieldKind.String or FieldKind.Enum)
        {
            return new Filled(charged);
        }

        // An id in an answer names something the task made, never the input of the same name (extend's video_id).
        if (!IsId(field.JsonName) && scope.Task.Request[field.JsonName] is JsonValue sent)
        {
            return new Filled(sent.DeepClone());
        }

        return field.Nullable ? new Filled(null) : null;
    }

    private JsonObject ErrorObject(string modelName)
    {
        var error = new JsonObject();
        foreach (var field in _models.GetValueOrDefault(modelName)?.Fields ?? [])
        {
            error[field.JsonName] = field.JsonName switch
            {
                "code" => "api_error",
                "message" => "The emulated task failed (EmulatorOptions.TaskFailureRate); failed tasks are not charged.",
                _ => null,
            };
        }

        return error;
    }

    private static bool IsId(string name) => name == "id" || name.EndsWith("_id", StringComparison.Ordinal);

    /// <summary>A stable id for a part of a task's answer (the upstream id of a result), the same on every lookup.</summary>
    private static string DerivedId(string taskId, string path)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(taskId + "/" + path));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static double UnixSeconds(DateTimeOffset time) => Math.Round((time - DateTimeOffset.UnixEpoch).TotalSeconds, 3);

    /// <summary>A field's value; <see cref="Node"/> null writes JSON null.</summary>
    private sealed record Filled(JsonNode? Node)
    {
        /// <summary>Leave the field out (a task that has not ended has no finished_at).</summary>
        public static readonly Filled Absent = new((JsonNode?)null);

        public Filled(string? text)
            : this(text is null ? null : (JsonNode)JsonValue.Create(text))
        {
        }

        public Filled(bool flag)
            : this((JsonNode)JsonValue.Create(flag))
        {
        }

        public Filled(double number)
            : this((JsonNode)JsonValue.Create(number))
        {
        }

        public Filled(decimal number)
            : this((JsonNode)JsonValue.Create(number))
        {
        }

        public Filled(int number)
            : this((JsonNode)JsonValue.Create(number))
        {
        }
    }

    /// <summary>The task an answer is built for, as it was at one instant.</summary>
    private sealed class Scope(EmulatedTask task, Uri baseAddress, (TaskOutcome Outcome, DateTimeOffset? FinishedAt) snapshot)
    {
        public EmulatedTask Task { get; } = task;

        public TaskOutcome Outcome { get; } = snapshot.Outcome;

        public DateTimeOffset? FinishedAt { get; } = snapshot.FinishedAt;

        public string FileUrl(string field) => new Uri(baseAddress, MediaFiles.PathOf(Task.Id, field)).AbsoluteUri;
    }
}
