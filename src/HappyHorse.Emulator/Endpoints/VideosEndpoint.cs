using System.Text;
using System.Text.Json.Nodes;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Tasks;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>POST /happyhorse/videos: validate, review, bill, start a task, then answer at once or when it ends.</summary>
internal static class VideosEndpoint
{
    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        if (await RequestGate.AdmitAsync(context, state).ConfigureAwait(false) is not { } admitted)
        {
            return;
        }

        var traceId = admitted.TraceId;
        var contract = state.Contract;
        var outcome = contract.VideosValidator.Validate(Encoding.UTF8.GetBytes(admitted.Body), state.Options.StrictFields);
        if (outcome.Request is not { } request)
        {
            await ApiErrors.WriteAsync(context, 400, ApiErrors.BadRequest, outcome.Error!, traceId).ConfigureAwait(false);
            return;
        }

        var body = request.Body;
        var callbackUrl = String(body, "callback_url");
        if (callbackUrl is not null && !state.Options.AllowRemoteCallbacks && !IsLoopback(callbackUrl))
        {
            await ApiErrors.WriteAsync(
                context, 400, ApiErrors.BadRequest,
                $"callback_url must be a loopback URL in the emulator (was \"{callbackUrl}\"); it only POSTs elsewhere when AllowRemoteCallbacks is set.",
                traceId).ConfigureAwait(false);
            return;
        }

        if (String(body, "prompt") is { } prompt
            && state.Options.BlockedWords.FirstOrDefault(w => w.Length > 0 && prompt.Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word)
        {
            await ApiErrors.WriteAsync(
                context, 403, ApiErrors.ContentRejected,
                $"The prompt was rejected by content review (it contains \"{word}\").", traceId).ConfigureAwait(false);
            return;
        }

        var charge = state.Ledger.Price(contract.Videos, request);
        if (!state.Ledger.TryCharge(charge))
        {
            await ApiErrors.WriteAsync(
                context, 403, ApiErrors.UsedUp,
                $"The balance is too low: this request costs {state.Ledger.Describe(charge)}.", traceId).ConfigureAwait(false);
            return;
        }

        // The service records the request with what it assumed for it, so a lookup shows the action and model used.
        var recorded = (JsonObject)body.DeepClone();
        if (contract.Videos.Discriminator is { } discriminator)
        {
            recorded[discriminator] = request.Action.Value;
        }

        if (contract.Videos.ModelField is { } modelField)
        {
            recorded[modelField] = request.Model;
        }

        var task = new EmulatedTask(
            Guid.NewGuid().ToString(), traceId, request.Action.Value, recorded, charge, String(body, "ratio"), callbackUrl, state.Time.GetUtcNow());
        state.Tasks.Add(task);
        state.Runner.Start(task);

        if (callbackUrl is not null || Bool(body, "async"))
        {
            await Json.WriteAsync(context, TaskJson.Accepted(task)).ConfigureAwait(false);
            return;
        }

        // Without async or a callback the service holds the connection until the video is done.
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

        await Json.WriteAsync(context, TaskJson.VideosResponse(task, state.BaseAddress)).ConfigureAwait(false);
    }

    private static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Bool(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
