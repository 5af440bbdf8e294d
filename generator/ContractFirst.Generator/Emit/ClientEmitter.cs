using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits the client: one virtual async method per action, task lookup and waiting.</summary>
internal static class ClientEmitter
{
    private const string Ct = "global::System.Threading.CancellationToken cancellationToken = default";

    public static string Emit(ContractSpec spec)
    {
        var client = spec.ClientName;
        var options = client + "Options";
        var w = Header.Start(spec.Namespace);
        w.Summary($"Client for the {spec.Api.Title}." + (string.IsNullOrWhiteSpace(spec.Api.Description) ? "" : " " + Docs.Sentence(spec.Api.Description, "")),
            "Thread-safe: create one and reuse it. Every request is validated against the contract before it is sent, so a bad request costs nothing. Methods are virtual so tests can mock the client.");
        w.Line(Header.GeneratedCode);
        w.Open($"public partial class {client} : global::System.IDisposable");
        if (spec.Api.TokenEnv is not null)
        {
            w.Lines($$"""
                /// <summary>The environment variable that conventionally holds the API token: {{Docs.Code(spec.Api.TokenEnv)}}.</summary>
                public const string TokenEnvironmentVariable = {{CSharpTypes.String(spec.Api.TokenEnv)}};

                """);
        }

        w.Lines($$"""
            /// <summary>The service's base URL: {{Docs.Escape(spec.Api.BaseUrl)}}.</summary>
            public static global::System.Uri DefaultEndpoint { get; } = new({{CSharpTypes.String(spec.Api.BaseUrl)}});

            private readonly {{CSharpTypes.Runtime}}ApiTransport _transport;
            private readonly {{options}} _options;

            /// <summary>Creates a client that sends nothing, for mocking in tests.</summary>
            protected {{client}}()
            {
                _transport = null!;
                _options = new();
            }
            """);
        EmitConstructors(w, spec);

        if (spec.Api.TokenEnv is not null)
        {
            w.Line();
            // The variable's name is contract text, which Summary escapes as a whole.
            w.Summary($"Creates a client with the token from the {spec.Api.TokenEnv} environment variable.");
            w.Lines($$"""
                /// <param name="options">Endpoint, timeouts, retries and polling; defaults when null.</param>
                /// <returns>The client.</returns>
                /// <exception cref="global::System.InvalidOperationException">The environment variable is not set.</exception>
                public static {{client}} FromEnvironment({{options}}? options = null)
                {
                    var token = global::System.Environment.GetEnvironmentVariable(TokenEnvironmentVariable);
                    if (string.IsNullOrWhiteSpace(token))
                    {
                        throw new global::System.InvalidOperationException("Set the " + TokenEnvironmentVariable + " environment variable to your API token.");
                    }

                    return new {{client}}(token, options ?? new());
                }
                """);
        }

        w.Lines("""

            /// <summary>The base URL requests go to.</summary>
            public global::System.Uri Endpoint => _transport.Endpoint;
            """);

        foreach (var endpoint in spec.Endpoints)
        {
            foreach (var action in endpoint.Actions)
            {
                EmitAction(w, spec, endpoint, action);
                EmitResultOverload(w, spec, endpoint, action);
                if (endpoint.Kind == EndpointKind.Submit && ClientOperationsEmitter.StartsTask(spec, action))
                {
                    ClientOperationsEmitter.EmitSubmit(w, spec, action);
                }
            }
        }

        if (spec.Polling is { } polling)
        {
            EmitPolling(w, spec, polling);
            ClientOperationsEmitter.EmitMembers(w, spec, polling);
        }

        var stopPoller = spec.Polling is null ? "" : "\n        _poller?.Dispose();";
        w.Lines($$"""

            /// <summary>Releases the HttpClient the client created, if it created one{{(spec.Polling is null ? "" : ", and stops the shared poller (waits still outstanding fail)")}}.</summary>
            public void Dispose()
            {
                Dispose(disposing: true);
                global::System.GC.SuppressFinalize(this);
            }

            /// <summary>Releases the HttpClient the client created, if it created one.</summary>
            /// <param name="disposing">Whether this is a call to Dispose rather than a finalizer.</param>
            protected virtual void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _transport?.Dispose();{{stopPoller}}
                }
            }
            """);
        w.Close();

        return w.ToString();
    }

    public static string EmitOptions(ContractSpec spec)
    {
        var client = spec.ClientName;
        var options = client + "Options";
        var w = Header.Start(spec.Namespace);
        w.Summary($"Options for {client}.");
        w.Line(Header.GeneratedCode);
        w.Open($"public sealed class {options} : {CSharpTypes.Runtime}ApiClientOptions");
        w.Summary("Creates options with the contract's defaults.");
        w.Open($"public {options}()");
        if (spec.Polling is { } p)
        {
            w.Lines($"""
                FirstPollDelay = global::System.TimeSpan.FromSeconds({Seconds(p.FirstDelaySeconds)});
                PollingInterval = global::System.TimeSpan.FromSeconds({Seconds(p.IntervalSeconds)});
                MaxPollingInterval = global::System.TimeSpan.FromSeconds({Seconds(p.MaxIntervalSeconds)});
                WaitTimeout = global::System.TimeSpan.FromSeconds({Seconds(p.TimeoutSeconds)});
                """);
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitAction(SourceWriter w, ContractSpec spec, EndpointSpec endpoint, ActionSpec action)
    {
        var response = action.Response;
        var kind = endpoint.Kind == EndpointKind.Submit ? "Submit" : "Read";
        var returns = endpoint.Kind == EndpointKind.Submit && spec.Polling is not null
            ? $"The answer; when the request asks for async or a callback, it carries only the task id (wait with WaitForTaskAsync)."
            : "The answer.";
        w.Line();
        w.Summary(Docs.Sentence(action.Description, action.TypeName + "."),
            $"POST {endpoint.Path}{(endpoint.Discriminator is null ? "" : $" with {endpoint.Discriminator} {action.Value}")}. " +
            (endpoint.Kind == EndpointKind.Submit
                ? "Starts billable work, so it is retried only when the server provably started nothing."
                : "Idempotent, so transient failures are retried."));
        w.Lines($$"""
            /// <param name="request">The request; validated before sending.</param>
            /// <param name="cancellationToken">Cancels the call.</param>
            /// <returns>{{Docs.Escape(returns)}}</returns>
            /// <exception cref="global::ContractFirst.Runtime.RequestValidationException">The request breaks the contract; nothing was sent.</exception>
            /// <exception cref="{{spec.Api.Name}}Exception">The API answered with an error.</exception>
            /// <exception cref="global::System.TimeoutException">An attempt outlived its network timeout.</exception>
            public virtual {{CSharpTypes.Tasks}}Task<{{response}}> {{action.MethodName}}({{action.RequestTypeName}} request, {{Ct}})
            {
                if (request is null)
                {
                    throw new global::System.ArgumentNullException(nameof(request));
                }

                request.Validate().ThrowIfInvalid(nameof({{action.RequestTypeName}}));
                return _transport.PostAsync<{{response}}>({{CSharpTypes.String(endpoint.Path)}}, {{ClientCallbacksEmitter.Body(endpoint, action)}}, {{CSharpTypes.Runtime}}OperationKind.{{kind}}, global::System.TimeSpan.FromSeconds({{endpoint.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}}), {{Telemetry(spec, endpoint, action)}}, cancellationToken);
            }
            """);

        // An action made only of required fields reads best as a plain call: GetTaskAsync(id).
        var fields = action.Fields;
        var hasModel = endpoint.ModelField is not null && !action.Models.IsEmpty;
        if (!fields.IsEmpty && fields.All(f => f.Required) && !hasModel)
        {
            var parameters = fields.Select(f => (f, Naming.ToParameterName(f.PropertyName),
                f.Type.IsArray ? $"{CSharpTypes.Collections}IEnumerable<{CSharpTypes.Item(f)}>" : CSharpTypes.Item(f))).ToList();
            w.Line();
            w.Summary(Docs.Sentence(action.Description, action.TypeName + "."));
            foreach (var (field, name, _) in parameters)
            {
                w.Doc($"<param name=\"{name.TrimStart('@')}\">{Docs.Escape(Docs.Sentence(field.Description, field.JsonName))}</param>");
            }

            var signature = string.Join(", ", parameters.Select(p => p.Item3 + " " + p.Item2));
            var arguments = string.Join(", ", parameters.Select(p => p.Item2));
            w.Lines($$"""
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>The answer.</returns>
                /// <exception cref="global::ContractFirst.Runtime.RequestValidationException">An argument breaks the contract; nothing was sent.</exception>
                /// <exception cref="{{spec.Api.Name}}Exception">The API answered with an error.</exception>
                public virtual {{CSharpTypes.Tasks}}Task<{{response}}> {{action.MethodName}}({{signature}}, {{Ct}}) =>
                    {{action.MethodName}}(new {{action.RequestTypeName}}({{arguments}}), cancellationToken);
                """);
        }
    }

    /// <summary>A key given as a string is fixed; an ApiKeyCredential is read on every attempt, so updating it rotates the key.</summary>
    private static void EmitConstructors(SourceWriter w, ContractSpec spec)
    {
        var client = spec.ClientName;
        var options = client + "Options";
        var errors = spec.Api.Name + "Errors";
        w.Lines($$"""

            /// <summary>Creates a client with default options.</summary>
            /// <param name="token">The API token, sent as a bearer token.</param>
            public {{client}}(string token)
                : this(token, new(), null)
            {
            }

            /// <summary>Creates a client with a fixed token.</summary>
            /// <param name="token">The API token, sent as a bearer token.</param>
            /// <param name="options">Endpoint, timeouts, retries and polling; frozen once the client exists.</param>
            /// <param name="httpClient">An HttpClient to send with (for example from IHttpClientFactory); the client creates and owns one when null.</param>
            /// <exception cref="global::System.ArgumentException">The token is empty, or the endpoint is not HTTPS and not loopback.</exception>
            public {{client}}(string token, {{options}} options, global::System.Net.Http.HttpClient? httpClient = null)
            {
                if (options is null)
                {
                    throw new global::System.ArgumentNullException(nameof(options));
                }

                _options = options;
                _transport = new {{CSharpTypes.Runtime}}ApiTransport(options, token, DefaultEndpoint, {{errors}}.BodyFormat, {{errors}}.Create, httpClient);
            }

            /// <summary>Creates a client whose key can be rotated: it is read from the credential on every attempt, so <c>credential.Update(newKey)</c> takes effect from the next request.</summary>
            /// <param name="credential">The API key, sent as a bearer token.</param>
            /// <param name="options">Endpoint, timeouts, retries and polling; frozen once the client exists; defaults when null.</param>
            /// <param name="httpClient">An HttpClient to send with (for example from IHttpClientFactory, on your own DelegatingHandlers); the client creates and owns one when null.</param>
            /// <exception cref="global::System.ArgumentException">The key is empty, or the endpoint is not HTTPS and not loopback.</exception>
            public {{client}}(global::System.ClientModel.ApiKeyCredential credential, {{options}}? options = null, global::System.Net.Http.HttpClient? httpClient = null)
            {
                _options = options ?? new();
                _transport = new {{CSharpTypes.Runtime}}ApiTransport(_options, credential, DefaultEndpoint, {{errors}}.BodyFormat, {{errors}}.Create, httpClient);
            }
            """);
    }

    /// <summary>The overload with per-call settings that also returns the raw response.</summary>
    private static void EmitResultOverload(SourceWriter w, ContractSpec spec, EndpointSpec endpoint, ActionSpec action)
    {
        var kind = endpoint.Kind == EndpointKind.Submit ? "Submit" : "Read";
        w.Line();
        w.Summary(Docs.Sentence(action.Description, action.TypeName + ".") + " With per-call settings; the result also carries the raw response.",
            "Validation, retries and errors are those of the overload without options.");
        w.Lines($$"""
            /// <param name="request">The request; validated before sending.</param>
            /// <param name="options">Extra headers and the attempt timeout of this call; null for none.</param>
            /// <param name="cancellationToken">Cancels the call.</param>
            /// <returns>The answer; GetRawResponse() gives its status, headers and body.</returns>
            /// <exception cref="global::ContractFirst.Runtime.RequestValidationException">The request breaks the contract; nothing was sent.</exception>
            /// <exception cref="{{spec.Api.Name}}Exception">The API answered with an error.</exception>
            /// <exception cref="global::System.TimeoutException">An attempt outlived its network timeout.</exception>
            public virtual {{CSharpTypes.Tasks}}Task<global::System.ClientModel.ClientResult<{{action.Response}}>> {{action.MethodName}}({{action.RequestTypeName}} request, {{CSharpTypes.Runtime}}CallOptions? options, {{Ct}})
            {
                if (request is null)
                {
                    throw new global::System.ArgumentNullException(nameof(request));
                }

                request.Validate().ThrowIfInvalid(nameof({{action.RequestTypeName}}));
                return _transport.PostForResultAsync<{{action.Response}}>({{CSharpTypes.String(endpoint.Path)}}, {{ClientCallbacksEmitter.Body(endpoint, action)}}, {{CSharpTypes.Runtime}}OperationKind.{{kind}}, global::System.TimeSpan.FromSeconds({{endpoint.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}}), options, {{Telemetry(spec, endpoint, action)}}, cancellationToken);
            }
            """);
    }

    private static void EmitPolling(SourceWriter w, ContractSpec spec, PollingSpec polling)
    {
        var record = polling.RecordModel;
        var lookup = polling.ActionTypeName + "Async";
        var lookupRequest = polling.ActionTypeName + "Request";
        const string parameters = "global::System.TimeSpan? pollingInterval = null, global::System.TimeSpan? timeout = null";
        w.Lines($$"""

            /// <summary>Polls a task until it has ended, and returns its final record.</summary>
            /// <remarks>The first lookup waits FirstPollDelay; later waits start at PollingInterval and grow up to MaxPollingInterval (all from the options). A lookup that fails transiently does not end the wait; the deadline (timeout, else the options' WaitTimeout) does. The contract's rules decide when the task has ended: see {{record}}.IsFinished.</remarks>
            /// <param name="taskId">The task id a submit returned.</param>
            /// <param name="pollingInterval">Overrides the options' PollingInterval.</param>
            /// <param name="timeout">Overrides the options' WaitTimeout: how long the whole wait may take.</param>
            /// <param name="progress">Receives every record read while waiting.</param>
            /// <param name="cancellationToken">Stops waiting.</param>
            /// <returns>The record of the ended task.</returns>
            /// <exception cref="{{ErrorsEmitter.TaskFailed(spec)}}">The task failed (unless the options' ThrowOnFailedTask is off); the exception carries the record.</exception>
            /// <exception cref="global::System.TimeoutException">The task had not ended by the deadline; it may still be running.</exception>
            /// <exception cref="{{spec.Api.Name}}Exception">A lookup failed for good, for example an authentication error.</exception>
            public virtual async {{CSharpTypes.Tasks}}Task<{{record}}> WaitForTaskAsync(string taskId, {{parameters}}, global::System.IProgress<{{record}}>? progress = null, {{Ct}})
            {
                if (string.IsNullOrWhiteSpace(taskId))
                {
                    throw taskId is null ? new global::System.ArgumentNullException(nameof(taskId)) : new global::System.ArgumentException("The value cannot be an empty string or composed entirely of whitespace.", nameof(taskId));
                }

                var interval = pollingInterval ?? _options.PollingInterval;
                var settings = new {{CSharpTypes.Runtime}}TaskWaitSettings(_options.FirstPollDelay, interval, interval > _options.MaxPollingInterval ? interval : _options.MaxPollingInterval, timeout ?? _options.WaitTimeout);
                var record = await {{CSharpTypes.Runtime}}TaskPolling.WaitForTaskAsync(
                    taskId,
                    token => {{lookup}}(new {{lookupRequest}}(taskId), token),
                    static record => record.IsFinished,
                    settings,
                    _options.TimeProvider,
                    progress,
                    cancellationToken).ConfigureAwait(false);
                if (record.HasFailed && _options.ThrowOnFailedTask)
                {
                    throw new {{ErrorsEmitter.TaskFailed(spec)}}(taskId, record);
                }

                return record;
            }
            """);

        var submitResponses = spec.Endpoints.Where(e => e.Kind == EndpointKind.Submit)
            .SelectMany(e => e.Actions).Select(a => a.Response).Distinct()
            .Where(r => spec.Models.Any(m => m.Name == r && m.Fields.Any(f => f.PropertyName == polling.TaskIdProperty)));
        foreach (var response in submitResponses)
        {
            w.Lines($$"""

                /// <summary>Polls the task a submit started until it has ended.</summary>
                /// <param name="submitted">The answer of an async or callback submit.</param>
                /// <param name="pollingInterval">Overrides the options' PollingInterval.</param>
                /// <param name="timeout">Overrides the options' WaitTimeout: how long the whole wait may take.</param>
                /// <param name="progress">Receives every record read while waiting.</param>
                /// <param name="cancellationToken">Stops waiting.</param>
                /// <returns>The record of the ended task.</returns>
                /// <exception cref="global::System.ArgumentException">The answer carries no {{Docs.Escape(polling.TaskIdProperty)}}.</exception>
                public virtual {{CSharpTypes.Tasks}}Task<{{record}}> WaitForTaskAsync({{response}} submitted, {{parameters}}, global::System.IProgress<{{record}}>? progress = null, {{Ct}})
                {
                    if (submitted is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(submitted));
                    }

                    if (submitted.{{polling.TaskIdProperty}} is null || string.IsNullOrWhiteSpace(submitted.{{polling.TaskIdProperty}}))
                    {
                        throw new global::System.ArgumentException("The answer carries no {{polling.TaskIdProperty}}; only submits return one.", nameof(submitted));
                    }

                    return WaitForTaskAsync(submitted.{{polling.TaskIdProperty}}, pollingInterval, timeout, progress, cancellationToken);
                }
                """);
        }
    }

    /// <summary>
    /// What the call's span and metrics are tagged with: the API, the action and the model the request sends
    /// (the contract's default when it sets none). Only references the request already holds, so nothing is allocated.
    /// </summary>
    private static string Telemetry(ContractSpec spec, EndpointSpec endpoint, ActionSpec action)
    {
        var model = "null";
        if (endpoint.ModelField is not null && !action.Models.IsEmpty)
        {
            var fallback = action.DefaultModel ?? endpoint.DefaultModel;
            model = $"request.{Naming.ToPascalCase(endpoint.ModelField)}?.Value" + (fallback is null ? "" : " ?? " + CSharpTypes.String(fallback));
        }

        return $"new {CSharpTypes.Runtime}CallTelemetry({CSharpTypes.String(spec.Api.Name)}, {CSharpTypes.String(action.Value)}, {model})";
    }

    private static string Seconds(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
