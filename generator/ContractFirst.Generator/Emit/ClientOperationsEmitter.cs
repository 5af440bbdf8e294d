using System.Globalization;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits the client's operation members: the shared poller, rehydration, waiting on many, and the submits that return an operation.</summary>
internal static class ClientOperationsEmitter
{
    private const string Ct = "global::System.Threading.CancellationToken cancellationToken = default";

    /// <summary>Whether a submit's answer carries the task id, so the submit can return an operation.</summary>
    public static bool StartsTask(ContractSpec spec, ActionSpec action) =>
        spec.Polling is { } polling
        && spec.Models.Any(m => m.Name == action.Response && m.Fields.Any(f => f.PropertyName == polling.TaskIdProperty));

    public static void EmitSubmit(SourceWriter w, ContractSpec spec, ActionSpec action)
    {
        var operation = OperationEmitter.Name(spec);
        var taskId = spec.Polling!.TaskIdProperty;
        w.Line();
        w.Summary(Docs.Sentence(action.Description, action.TypeName + ".") + " Returns the task as an operation.",
            "Ask for async (or a callback) in the request for the service to answer as soon as the task has started; otherwise it answers once the work is done.");
        w.Lines($$"""
            /// <param name="waitUntil">Started returns once the service has accepted the task; Completed also waits (with the client's shared poller) until it has ended.</param>
            /// <param name="request">The request; validated before sending.</param>
            /// <param name="cancellationToken">Cancels the call and any waiting.</param>
            /// <returns>The operation; with Completed, its Value is ready.</returns>
            /// <exception cref="global::ContractFirst.Runtime.RequestValidationException">The request breaks the contract; nothing was sent.</exception>
            /// <exception cref="{{spec.Api.Name}}Exception">The API answered with an error.</exception>
            /// <exception cref="{{ErrorsEmitter.TaskFailed(spec)}}">With Completed: the task failed (unless the options' ThrowOnFailedTask is off).</exception>
            /// <exception cref="global::System.TimeoutException">With Completed: the task had not ended by the options' WaitTimeout; it may still be running.</exception>
            /// <exception cref="global::System.InvalidOperationException">The answer carries no {{Docs.Escape(taskId)}}.</exception>
            public virtual async {{CSharpTypes.Tasks}}Task<{{operation}}> {{action.MethodName}}({{CSharpTypes.Runtime}}WaitUntil waitUntil, {{action.RequestTypeName}} request, {{Ct}})
            {
                var submitted = await {{action.MethodName}}(request, cancellationToken).ConfigureAwait(false);
                if (submitted.{{taskId}} is null || string.IsNullOrWhiteSpace(submitted.{{taskId}}))
                {
                    throw new global::System.InvalidOperationException("The answer carries no {{taskId}}, so there is no task to wait for.");
                }

                var operation = new {{operation}}(this, submitted.{{taskId}}) { SubmittedAt = _options.TimeProvider.GetUtcNow() };
                if (waitUntil == {{CSharpTypes.Runtime}}WaitUntil.Completed)
                {
                    await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
                }

                return operation;
            }
            """);
    }

    public static void EmitMembers(SourceWriter w, ContractSpec spec, PollingSpec polling)
    {
        var record = polling.RecordModel;
        var operation = OperationEmitter.Name(spec);
        var poller = $"{CSharpTypes.Runtime}CoalescingPoller<{record}>";
        var batch = TaskLookups.Batch(spec);
        var batchSize = (batch?.BatchSize ?? 1).ToString(CultureInfo.InvariantCulture);
        var how = batch is null
            ? "The contract has no batch lookup, so each round looks every outstanding task up on its own (a few at a time)."
            : $"Each round asks {batch.MethodName} for up to TaskBatchSize tasks per request, so n waiting tasks cost ceil(n / TaskBatchSize) requests a round.";
        w.Lines($$"""

            /// <summary>The most task ids one lookup of the shared poller asks for{{(batch is null ? " (1: the contract has no batch lookup)" : "")}}.</summary>
            public const int TaskBatchSize = {{batchSize}};

            private {{poller}}? _poller;

            /// <summary>The poller every operation of this client waits with, created on first use.</summary>
            /// <remarks>{{Docs.Escape(how)}} A task is first looked up FirstPollDelay after its submit (at once when rebuilt from an id), then PollingInterval later, each wait half as long again up to MaxPollingInterval; the loop runs only while someone waits.</remarks>
            private {{poller}} Poller
            {
                get
                {
                    if (_poller is { } existing)
                    {
                        return existing;
                    }

                    // A poller that loses the race never started its loop, so dropping it leaks nothing.
                    var created = {{(batch is null
                        ? $"new {poller}(\n            (taskId, token) => {polling.ActionTypeName}Async(new {polling.ActionTypeName}Request(taskId), token),\n            static record => record.IsFinished,\n            new global::ContractFirst.Runtime.PollingSchedule(_options.FirstPollDelay, _options.PollingInterval, _options.MaxPollingInterval),\n            _options.TimeProvider);"
                        : $"new {poller}(\n            async (ids, token) => (await {batch.MethodName}(new {batch.RequestTypeName}(ids), token).ConfigureAwait(false)).{batch.ItemsProperty},\n            TaskBatchSize,\n            static record => record.{batch.RecordIdProperty},\n            static record => record.IsFinished,\n            new global::ContractFirst.Runtime.PollingSchedule(_options.FirstPollDelay, _options.PollingInterval, _options.MaxPollingInterval),\n            _options.TimeProvider);")}}
                    return global::System.Threading.Interlocked.CompareExchange(ref _poller, created, null) ?? created;
                }
            }

            /// <summary>Whether a failed task raises {{ErrorsEmitter.TaskFailed(spec)}} (the options' ThrowOnFailedTask).</summary>
            internal bool ThrowsOnFailedTask => _options.ThrowOnFailedTask;

            /// <summary>Rebuilds the operation of a task from its id, for example one stored before a restart. Nothing is sent.</summary>
            /// <param name="taskId">The task id a submit returned.</param>
            /// <returns>The operation; call UpdateStatusAsync or WaitForCompletionAsync on it.</returns>
            /// <exception cref="global::System.ArgumentException"><paramref name="taskId"/> is null or blank.</exception>
            public virtual {{operation}} GetOperation(string taskId) => new(this, taskId);

            /// <summary>Waits for many tasks at once and yields each final record as soon as its task has ended.</summary>
            /// <remarks>All waits share the client's poller. {{Docs.Escape(how)}} Each task is first looked up FirstPollDelay from this call (tasks just submitted are rarely done sooner). A result reported with ReportTaskResult (a callback) ends its wait without a lookup. Failed tasks are yielded too (check HasFailed), so one failure does not stop the others.</remarks>
            /// <param name="taskIds">The task ids.</param>
            /// <param name="timeout">How long each wait may take; null for the options' WaitTimeout.</param>
            /// <param name="cancellationToken">Stops every wait.</param>
            /// <returns>The final records, in the order the tasks ended.</returns>
            /// <exception cref="global::System.TimeoutException">A task had not ended by the deadline; it may still be running.</exception>
            /// <exception cref="{{spec.Api.Name}}Exception">A lookup failed for good, for example an authentication error.</exception>
            public virtual global::System.Collections.Generic.IAsyncEnumerable<{{record}}> WaitForTasksAsync(global::System.Collections.Generic.IEnumerable<string> taskIds, global::System.TimeSpan? timeout = null, {{Ct}}) =>
                Poller.WaitForEachAsync(taskIds, timeout ?? _options.WaitTimeout, cancellationToken);

            /// <summary>Waits for a task on behalf of its operation, and returns its final record, failed or not.</summary>
            /// <param name="taskId">The task id.</param>
            /// <param name="submittedAt">When its submit answered, or null for a task known by id alone (looked up at once).</param>
            /// <param name="pollingInterval">Null to wait with the shared poller; a value to poll this task on its own, starting at that interval.</param>
            /// <param name="timeout">How long the wait may take; null for the options' WaitTimeout.</param>
            /// <param name="cancellationToken">Stops waiting.</param>
            /// <returns>The final record.</returns>
            internal {{CSharpTypes.Tasks}}Task<{{record}}> WaitForOperationAsync(string taskId, global::System.DateTimeOffset? submittedAt, global::System.TimeSpan? pollingInterval, global::System.TimeSpan? timeout, global::System.Threading.CancellationToken cancellationToken)
            {
                var deadline = timeout ?? _options.WaitTimeout;
                var left = submittedAt is { } at ? _options.FirstPollDelay - (_options.TimeProvider.GetUtcNow() - at) : global::System.TimeSpan.Zero;
                var firstLookupIn = left > global::System.TimeSpan.Zero ? left : global::System.TimeSpan.Zero;
                if (pollingInterval is not { } interval)
                {
                    return Poller.WaitAsync(taskId, firstLookupIn, deadline, null, cancellationToken);
                }

                // An own interval is the caller's cadence: the first lookup comes no later than one interval.
                var settings = new {{CSharpTypes.Runtime}}TaskWaitSettings(firstLookupIn < interval ? firstLookupIn : interval, interval, interval > _options.MaxPollingInterval ? interval : _options.MaxPollingInterval, deadline);
                return {{CSharpTypes.Runtime}}TaskPolling.WaitForTaskAsync(
                    taskId,
                    token => {{polling.ActionTypeName}}Async(new {{polling.ActionTypeName}}Request(taskId), token),
                    static record => record.IsFinished,
                    settings,
                    _options.TimeProvider,
                    null,
                    cancellationToken);
            }
            """);
    }
}
