using System.Text.Json.Nodes;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Serving;
using HappyHorse.Emulator.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>
/// The emulator's one request handler: the contract's endpoints by path (POST), result files, and the usage report.
/// Dispatch by a dictionary rather than routing delegates keeps it free of reflection (Native AOT).
/// </summary>
internal sealed partial class ApiDispatcher(EmulatorState state)
{
    /// <summary>The usage report: what <see cref="ContractEmulator.Usage"/> gives, as JSON, for an emulator in another process.</summary>
    public const string UsagePath = "/_emulator/usage";

    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith(FilesEndpoint.Prefix, StringComparison.Ordinal))
        {
            return FilesEndpoint.HandleAsync(context, state, path[FilesEndpoint.Prefix.Length..]);
        }

        if (HttpMethods.IsGet(context.Request.Method) && path == UsagePath)
        {
            return UsageAsync(context);
        }

        if (!state.Api.Endpoints.TryGetValue(path, out var endpoint))
        {
            return Answers.ErrorAsync(context, state, ApiProblem.UnknownPath, $"There is no API at {context.Request.Method} {ValueText.Printable(path)}.");
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            return Answers.ErrorAsync(context, state, ApiProblem.MethodNotAllowed, $"{path} answers POST only.");
        }

        return ApiAsync(context, endpoint);
    }

    private async Task ApiAsync(HttpContext context, ServedEndpoint endpoint)
    {
        if (await RequestGate.AdmitAsync(context, state).ConfigureAwait(false) is not { } admitted)
        {
            return;
        }

        var outcome = endpoint.Validator.Validate(admitted.Body, state.Options.StrictFields);
        if (outcome.IgnoredFields.Count > 0)
        {
            // The service ignores what an action does not take; say so, so a client can see what had no effect.
            var ignored = string.Join(", ", outcome.IgnoredFields.Select(ValueText.Printable));
            context.Response.Headers["x-emulator-ignored-fields"] = HeaderValue(ignored);
            LogIgnored(state.Logger, endpoint.Spec.Path, outcome.Request?.Action.Value ?? "?", ignored);
        }

        if (outcome.Request is not { } request)
        {
            await Answers.ErrorAsync(context, state, ApiProblem.BadRequest, outcome.Error!).ConfigureAwait(false);
            return;
        }

        if (endpoint.Spec.Kind == ContractFirst.Contract.Model.EndpointKind.Submit)
        {
            await SubmitEndpoint.HandleAsync(context, state, endpoint, admitted, request).ConfigureAwait(false);
        }
        else
        {
            await ReadEndpoint.HandleAsync(context, state, request, admitted.Faults).ConfigureAwait(false);
        }
    }

    private Task UsageAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!state.Options.AcceptAnyToken && header != "Bearer " + state.Options.Token)
        {
            return Answers.ErrorAsync(context, state, ApiProblem.InvalidToken, "The usage report needs the emulator's token.");
        }

        var usage = state.Usage.Snapshot();
        var byClient = new JsonObject();
        foreach (var (id, count) in usage.TasksByClientRequest)
        {
            byClient[id] = count;
        }

        return Answers.WriteAsync(context, new JsonObject
        {
            ["requests_received"] = usage.RequestsReceived,
            ["requests_refused"] = usage.RequestsRefused,
            ["tasks_created"] = usage.TasksCreated,
            ["tasks_failed"] = usage.TasksFailed,
            ["client_requests_charged_twice"] = usage.ClientRequestsChargedTwice,
            ["tasks_by_client_request"] = byClient,
            ["balance"] = state.Ledger.Balance,
        });
    }

    /// <summary>A header value: printable ASCII only (Kestrel refuses the rest), at most 2,000 characters.</summary>
    private static string HeaderValue(string text)
    {
        var ascii = string.Create(Math.Min(text.Length, 2_000), text, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
        return text.Length > ascii.Length ? ascii[..^3] + "..." : ascii;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "POST {Path} ({Action}): ignored fields the action does not take: {Fields}")]
    private static partial void LogIgnored(ILogger logger, string path, string action, string fields);
}
