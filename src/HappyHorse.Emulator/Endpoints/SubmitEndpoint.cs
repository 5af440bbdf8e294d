using System.Text.Json.Nodes;
using HappyHorse.Emulator.Faults;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Serving;
using HappyHorse.Emulator.Tasks;
using HappyHorse.Emulator.Validation;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>A submit: review, bill, start a task, then answer at once (async or callback) or when it ends.</summary>
internal static class SubmitEndpoint
{
    /// <summary>The field whose URL gets the result POSTed and makes the call answer at once (the provider's APIs all name it so).</summary>
    public const string CallbackField = "callback_url";

    /// <summary>The boolean field that makes the call answer with the task id at once.</summary>
    public const string AsyncField = "async";

    public static async Task HandleAsync(HttpContext context, EmulatorState state, ServedEndpoint endpoint, AdmittedRequest admitted, ValidatedRequest request)
    {
        var body = request.Body;
        var callbackUrl = body[CallbackField] is JsonValue url && url.TryGetValue<string>(out var text) ? text : null;
        if (callbackUrl is not null && !state.Options.AllowRemoteCallbacks && !(Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) && uri.IsLoopback))
        {
            await Answers.ErrorAsync(
                context, state, ApiProblem.BadRequest,
                $"{CallbackField} must be a loopback URL in the emulator (was \"{callbackUrl}\"); it only POSTs elsewhere when AllowRemoteCallbacks is set.").ConfigureAwait(false);
            return;
        }

        if (BlockedWord(body, state.Options.BlockedWords) is { } blocked)
        {
            await Answers.ErrorAsync(
                context, state, ApiProblem.ContentRejected,
                $"The {blocked.Field} was rejected by content review (it contains \"{blocked.Word}\").").ConfigureAwait(false);
            return;
        }

        var charge = state.Ledger.Price(endpoint.Spec, request);
        if (!state.Ledger.TryCharge(charge))
        {
            await Answers.ErrorAsync(
                context, state, ApiProblem.InsufficientBalance,
                $"The balance is too low: this request costs {state.Ledger.Describe(charge)}.").ConfigureAwait(false);
            return;
        }

        // The service records the request with what it assumed for it, so a lookup shows the action and model used.
        var recorded = (JsonObject)body.DeepClone();
        if (endpoint.Spec.Discriminator is { } discriminator)
        {
            recorded[discriminator] = request.Action.Value;
        }

        if (endpoint.Spec.ModelField is { } modelField && request.Model is { } model)
        {
            recorded[modelField] = model;
        }

        var task = new EmulatedTask(
            Guid.NewGuid().ToString(), Answers.TraceId(context), endpoint.Spec, request.Action, recorded, charge, callbackUrl, state.Time.GetUtcNow());
        if (!state.Tasks.TryAdd(task, admitted.Body.Length))
        {
            state.Ledger.Refund(charge);
            await Answers.ErrorAsync(
                context, state, ApiProblem.ServiceUnavailable,
                $"The emulator is busy: {state.Options.MaxTasks} tasks (or their requests' bytes) are running; retry once some end.").ConfigureAwait(false);
            return;
        }

        state.Usage.TaskCreated(admitted.ClientRequestId);
        state.Runner.Start(task);

        // From here the task exists and is billed: a fault now is the one that charges twice if the client sends again.
        switch (admitted.Faults.Kind)
        {
            case FaultKind.DropAfterStart:
                context.Abort();
                return;
            case FaultKind.StatusAfterStart:
                await RequestGate.InjectedAsync(context, state, admitted.Faults.Status, "after the task was created").ConfigureAwait(false);
                return;
        }

        var cut = admitted.Faults.Kind == FaultKind.CutBody;
        if (callbackUrl is not null || (body[AsyncField] is JsonValue flag && flag.TryGetValue<bool>(out var isAsync) && isAsync))
        {
            await Answers.WriteAsync(context, state.Api.Shapes.Accepted(task), cut: cut).ConfigureAwait(false);
            return;
        }

        // Without async or a callback the service holds the connection until the work is done.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping.Token);
        try
        {
            await task.Finished.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client left, or the emulator is stopping and its tasks will never end: close without an answer.
            context.Abort();
            return;
        }

        await Answers.WriteAsync(context, state.Api.Shapes.Answer(task, state.BaseAddress), cut: cut).ConfigureAwait(false);
    }

    /// <summary>The first blocked word in a string the request sends (case-insensitive), and the field it is in.</summary>
    private static (string Field, string Word)? BlockedWord(JsonObject body, IList<string> words)
    {
        if (words.Count == 0)
        {
            return null;
        }

        foreach (var (name, node) in body)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text)
                && words.FirstOrDefault(w => w.Length > 0 && text.Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word)
            {
                return (name, word);
            }
        }

        return null;
    }
}
