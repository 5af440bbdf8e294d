using System.Collections.Immutable;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits the client's side of callbacks: results that come another way than polling complete the waits on their task.</summary>
/// <remarks>A partial of its own (not a region of the client file), so the client emitter's other edits never touch it.</remarks>
internal static class ClientCallbacksEmitter
{
    /// <summary>A submit answer a callback carries, and the record field that holds it, so the answer can stand in for a lookup.</summary>
    /// <param name="ResponseModel">The submit's answer type.</param>
    /// <param name="RecordField">The task record's property of that type.</param>
    internal sealed record CarriedAnswer(string ResponseModel, string RecordField);

    /// <summary>What the file is made from, so that editing an action leaves it alone unless its answer type changes.</summary>
    /// <param name="RecordIdProperty">The task record's id property, or null when the records carry none the client can match.</param>
    /// <param name="Answers">The submit answers the record carries.</param>
    internal sealed record Slice(string? RecordIdProperty, EquatableArray<CarriedAnswer> Answers);

    /// <summary>The request field a service POSTs results to, by convention (the emulator recognises the same name).</summary>
    public const string CallbackField = "callback_url";

    public static string HintSuffix => "Callbacks";

    /// <summary>The body a submit sends: the request, or, when the action takes a callback URL, the request with a fresh one from the options when it sets none.</summary>
    public static string Body(EndpointSpec endpoint, ActionSpec action) =>
        endpoint.Kind == EndpointKind.Submit
        && action.Fields.FirstOrDefault(f => f.JsonName == CallbackField && f.Type is { Kind: FieldKind.Url or FieldKind.String, IsArray: false }) is { } field
            ? $"{CSharpTypes.Runtime}CallbackUrlBody.For(request, request.{field.PropertyName}, {CSharpTypes.String(CallbackField)}, _options.CallbackUrls)"
            : "request";

    public static Slice SliceOf(ContractSpec spec) =>
        new(TaskLookups.Batch(spec)?.RecordIdProperty, new EquatableArray<CarriedAnswer>(Answers(spec).ToImmutableArray()));

    /// <summary>The submit answers that carry the task id and that the task record holds in a field of their own type.</summary>
    public static IReadOnlyList<CarriedAnswer> Answers(ContractSpec spec)
    {
        if (spec.Polling is not { } polling || spec.Models.FirstOrDefault(m => m.Name == polling.RecordModel) is not { } record)
        {
            return [];
        }

        return spec.Endpoints
            .Where(e => e.Kind == EndpointKind.Submit)
            .SelectMany(e => e.Actions)
            .Where(a => ClientOperationsEmitter.StartsTask(spec, a))
            .Select(a => a.Response)
            .Distinct(StringComparer.Ordinal)
            .Select(response => record.Fields.FirstOrDefault(f => f.Type is { Kind: FieldKind.Model, IsArray: false } && f.Type.Name == response) is { } field
                ? new CarriedAnswer(response, field.PropertyName)
                : null)
            .OfType<CarriedAnswer>()
            .ToList();
    }

    /// <param name="spec">The contract's names and polling rules (its endpoints and models emptied).</param>
    /// <param name="slice">The record id and the answers, read from the whole contract.</param>
    public static string Emit(ContractSpec spec, Slice slice)
    {
        var polling = spec.Polling!;
        var record = polling.RecordModel;
        var client = spec.ClientName;
        var taskId = polling.TaskIdProperty;
        var recordId = slice.RecordIdProperty;
        var answers = slice.Answers;
        var w = Header.Start(spec.Namespace);
        var sinks = string.Concat(answers.Select(a => $", {CSharpTypes.Runtime}ITaskResultSink<{a.ResponseModel}>"));
        // No summary nor GeneratedCode here: the client file has them, and an attribute may appear on one part only.
        w.Open($"public partial class {client} : {CSharpTypes.Runtime}ITaskResultSink<{record}>{sinks}");
        w.Lines($$"""
            /// <summary>Hands over a record of task <paramref name="taskId"/> that came another way, such as a callback: a final one completes every operation and WaitForTasksAsync waiting on the task at once (kept a while, bounded, for a wait that starts later). Polling stays the fallback for callbacks that never come.</summary>
            /// <param name="taskId">The task the record belongs to.</param>
            /// <param name="record">The record.</param>
            /// <returns>True when the record was final and taken; false when it is not final (the next lookup reads the task).</returns>
            /// <exception cref="global::System.ArgumentException"><paramref name="taskId"/> is null or blank.</exception>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="record"/> is null.</exception>
            public virtual bool ReportTaskResult(string taskId, {{record}} record) => Poller.Deliver(taskId, record);

            /// <summary>Hands over a record that came another way, such as a callback; see ReportTaskResult(string, {{record}}).</summary>
            /// <param name="result">The record; its task id says which task it belongs to.</param>
            /// <returns>True when the record was final and taken; false when it is not final{{(recordId is null ? " (the contract's records carry no task id: use the overload that takes one)" : " or carries no " + recordId)}}.</returns>
            public virtual bool ReportTaskResult({{record}} result)
            {
                global::System.ArgumentNullException.ThrowIfNull(result);
                return {{(recordId is null ? "false" : $"!string.IsNullOrWhiteSpace(result.{recordId}) && ReportTaskResult(result.{recordId}, result)")}};
            }
            """);
        foreach (var answer in answers)
        {
            var init = recordId is null ? $"{answer.RecordField} = result" : $"{recordId} = result.{taskId}, {answer.RecordField} = result";
            w.Lines($$"""

                /// <summary>Hands over the answer a callback POSTed: when final, it completes every operation and WaitForTasksAsync waiting on its task without another lookup.</summary>
                /// <remarks>The answer stands in for the task record as its {{answer.RecordField}}, the field the record carries it in; the contract's rules (<see cref="{{record}}.IsFinished"/>) decide whether it is final.</remarks>
                /// <param name="result">The callback's body.</param>
                /// <returns>True when the answer was final and taken; false when it is not final or carries no {{taskId}}.</returns>
                public virtual bool ReportTaskResult({{answer.ResponseModel}} result)
                {
                    global::System.ArgumentNullException.ThrowIfNull(result);
                    return !string.IsNullOrWhiteSpace(result.{{taskId}}) && ReportTaskResult(result.{{taskId}}, new {{record}} { {{init}} });
                }
                """);
        }

        w.Close();
        return w.ToString();
    }
}
