using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits the typed operation of a contract with polling: the shell over the runtime's TaskOperation.</summary>
internal static class OperationEmitter
{
    public static string Name(ContractSpec spec) => spec.Api.Name + "Operation";

    public static string Emit(ContractSpec spec)
    {
        var polling = spec.Polling!;
        var operation = Name(spec);
        var client = spec.ClientName;
        var record = polling.RecordModel;
        var w = Header.Start(spec.Namespace);
        w.Summary($"A {spec.Api.Title} task that runs on the server: its id, whether it has ended, and its final {record}.",
            $"Start one with a submit that takes a WaitUntil, or rebuild one from a stored id with {client}.GetOperation. Waits share the client's poller, so many operations cost one batch lookup per round. The contract's rules decide when a task has ended ({record}.IsFinished); a failed task raises {ErrorsEmitter.TaskFailed(spec)} unless the options' ThrowOnFailedTask is off.");
        w.Line(Header.GeneratedCode);
        w.Lines($$"""
            public partial class {{operation}} : {{CSharpTypes.Runtime}}TaskOperation<{{record}}>
            {
                private readonly {{client}} _client;

                /// <summary>Creates an operation that looks nothing up, for mocking in tests.</summary>
                protected {{operation}}()
                {
                    _client = null!;
                }

                /// <summary>Creates the operation of the task <paramref name="taskId"/> (rehydration: nothing is sent).</summary>
                /// <param name="client">The client that looks the task up.</param>
                /// <param name="taskId">The task id a submit returned.</param>
                /// <param name="record">A record of the task already read, or null.</param>
                /// <exception cref="global::System.ArgumentException"><paramref name="taskId"/> is null or blank.</exception>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="client"/> is null.</exception>
                public {{operation}}({{client}} client, string taskId, {{record}}? record = null)
                    : base(taskId, record)
                {
                    global::System.ArgumentNullException.ThrowIfNull(client);
                    _client = client;
                }

                /// <inheritdoc/>
                protected override {{CSharpTypes.Tasks}}Task<{{record}}> LookUpAsync({{CSharpTypes.CancellationToken}} cancellationToken) =>
                    _client.{{polling.ActionTypeName}}Async(new {{polling.ActionTypeName}}Request(Id), cancellationToken);

                /// <summary>When the submit that started the task answered, by the client's clock; null for an operation rebuilt from an id.</summary>
                /// <remarks>The first lookup waits the options' FirstPollDelay from then; a rebuilt operation's task may have ended long ago, so it is looked up at once.</remarks>
                public global::System.DateTimeOffset? SubmittedAt { get; init; }

                /// <inheritdoc/>
                protected override {{CSharpTypes.Tasks}}Task<{{record}}> WaitAsync(global::System.TimeSpan? pollingInterval, global::System.TimeSpan? timeout, {{CSharpTypes.CancellationToken}} cancellationToken) =>
                    _client.WaitForOperationAsync(Id, SubmittedAt, pollingInterval, timeout, cancellationToken);

                /// <inheritdoc/>
                protected override bool HasEnded({{record}} record) => record.IsFinished;

                /// <inheritdoc/>
                protected override global::System.Exception? FailureOf({{record}} record) =>
                    record.HasFailed && _client.ThrowsOnFailedTask ? new {{ErrorsEmitter.TaskFailed(spec)}}(Id, record) : null;
            }
            """);
        return w.ToString();
    }
}
