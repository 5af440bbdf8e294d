using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits the API's exception family and the mapping from status and code to exception.</summary>
internal static class ErrorsEmitter
{
    public static string Emit(ContractSpec spec)
    {
        var api = spec.Api.Name;
        var baseName = api + "Exception";
        var w = Header.Start(spec.Namespace);

        w.Summary($"An error answer from the {spec.Api.Title}: the status, the error code, the message and the trace id.",
            "Catch a subclass for one documented error, or this type for all of them, including an answer that could not be used (Kind says which). IsSafeToResend tells whether the server provably started nothing, so a submit may be sent again.");
        w.Lines($$"""
            {{Header.GeneratedCode}}
            public class {{baseName}} : {{CSharpTypes.Runtime}}ApiException
            {
                /// <summary>Creates the exception for a failed call.</summary>
                /// <param name="info">The parsed error answer.</param>
                /// <param name="isRetryable">Whether the failure is transient, so a lookup may be sent again.</param>
                /// <param name="isResendSafe">Whether the answer proves nothing started, so even a submit may be sent again.</param>
                /// <param name="innerException">What made the answer unusable, or null.</param>
                public {{baseName}}({{CSharpTypes.Runtime}}ApiErrorInfo info, bool isRetryable, bool isResendSafe = false, global::System.Exception? innerException = null)
                    : base(info, isRetryable, isResendSafe, innerException)
                {
                }
            }
            """);

        foreach (var errorCase in spec.Errors.Cases)
        {
            var codes = errorCase.Codes.IsEmpty ? "any other code" : "code " + string.Join(", ", errorCase.Codes);
            w.Line();
            var type = Naming.ExceptionType(api, errorCase.ExceptionName);
            w.Summary(Docs.Sentence(errorCase.Description, errorCase.ExceptionName + " error."),
                $"HTTP {errorCase.Status.ToString(CultureInfo.InvariantCulture)}, {codes}. " + Retries(errorCase));
            w.Lines($$"""
                {{Header.GeneratedCode}}
                public sealed class {{type}} : {{baseName}}
                {
                    /// <summary>Creates the exception for an error answer.</summary>
                    /// <param name="info">The parsed error answer.</param>
                    /// <param name="codeMatched">Whether the answer carried one of the case's codes; only then can it prove that nothing started.</param>
                    public {{type}}({{CSharpTypes.Runtime}}ApiErrorInfo info, bool codeMatched = false)
                        : base(info, isRetryable: {{Bool(errorCase.Retryable)}}, isResendSafe: {{(errorCase.ResendSafe ? "codeMatched" : "false")}})
                    {
                    }
                }
                """);
        }

        if (spec.Polling is { } polling)
        {
            EmitTaskFailed(w, spec, polling, baseName);
        }

        w.Lines($"""

            /// <summary>Maps error answers to the {baseName} family, as the contract's error cases say.</summary>
            {Header.GeneratedCode}
            """);
        w.Open($"internal static class {api}Errors");
        w.Lines($"""
            /// <summary>Where the error body keeps its code, message and trace id.</summary>
            public static readonly {CSharpTypes.Runtime}ErrorBodyFormat BodyFormat = new({CSharpTypes.String(spec.Errors.CodePath)}, {CSharpTypes.String(spec.Errors.MessagePath)}, {CSharpTypes.String(spec.Errors.TraceIdPath)});

            /// <summary>An unusable answer is the base type; an error answer maps by exact status and code first, then the status's catch-all, then the status's first case.</summary>
            """);
        w.Open($"public static {CSharpTypes.Runtime}ApiException Create({CSharpTypes.Runtime}ApiErrorInfo info, global::System.Exception? innerException) => (info.StatusCode, info.ErrorCode) switch");
        w.Line($"_ when info.Kind != {CSharpTypes.Runtime}ApiFailureKind.ErrorStatus => new {baseName}(info, isRetryable: false, isResendSafe: false, innerException),");
        foreach (var errorCase in spec.Errors.Cases.Where(c => !c.Codes.IsEmpty))
        {
            var codes = string.Join(" or ", errorCase.Codes.Select(CSharpTypes.String));
            w.Line($"({errorCase.Status.ToString(CultureInfo.InvariantCulture)}, {codes}) => new {Naming.ExceptionType(api, errorCase.ExceptionName)}(info, codeMatched: true),");
        }

        foreach (var group in spec.Errors.Cases.GroupBy(c => c.Status))
        {
            var fallback = group.FirstOrDefault(c => c.Codes.IsEmpty) ?? group.FirstOrDefault();
            if (fallback is null)
            {
                continue;
            }

            w.Line($"({group.Key.ToString(CultureInfo.InvariantCulture)}, _) => new {Naming.ExceptionType(api, fallback.ExceptionName)}(info),");
        }

        w.Line($"_ => new {baseName}(info, isRetryable: false),");
        w.Close(";");
        w.Close();
        return w.ToString();
    }

    private static void EmitTaskFailed(SourceWriter w, ContractSpec spec, PollingSpec polling, string baseName)
    {
        var record = polling.RecordModel;
        var traceId = spec.Models.FirstOrDefault(m => m.Name == record)?.Fields
            .FirstOrDefault(f => f.JsonName == spec.Errors.TraceIdPath && f.Type is { Kind: FieldKind.String, IsArray: false });
        var traceIdValue = traceId is null ? "null" : "record?." + traceId.PropertyName;
        w.Lines($$"""

            /// <summary>A task ended in failure, as the contract's polling rules define it.</summary>
            /// <remarks>Thrown by WaitForTaskAsync unless the options' ThrowOnFailedTask is off. {{record}} holds everything the service said about the task.</remarks>
            {{Header.GeneratedCode}}
            public sealed class {{TaskFailed(spec)}} : {{baseName}}
            {
                /// <summary>Creates the exception for a failed task.</summary>
                /// <param name="taskId">The id of the task.</param>
                /// <param name="record">The task's final record.</param>
                public {{TaskFailed(spec)}}(string taskId, {{record}} record)
                    : base(new {{CSharpTypes.Runtime}}ApiErrorInfo(200, null, "task " + taskId + ": " + record?.FailureReason, {{traceIdValue}}, null, null) { Kind = {{CSharpTypes.Runtime}}ApiFailureKind.TaskFailed }, isRetryable: false)
                {
                    global::System.ArgumentNullException.ThrowIfNull(record);
                    TaskId = taskId;
                    Record = record;
                }

                /// <summary>The id of the failed task.</summary>
                public string TaskId { get; }

                /// <summary>The task's final record.</summary>
                public {{record}} Record { get; }
            }
            """);
    }

    /// <summary>The exception a failed task raises; named like the error cases, after the API.</summary>
    public static string TaskFailed(ContractSpec spec) => Naming.ExceptionType(spec.Api.Name, "TaskFailed");

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Retries(ErrorCaseSpec errorCase) => (errorCase.Retryable, errorCase.ResendSafe) switch
    {
        (_, true) => "Proves nothing started: every call, submits included, is retried before it surfaces.",
        (true, false) => errorCase.Status == 429
            ? "A 429 proves nothing started: every call is retried before it surfaces."
            : "Retryable for lookups; a submit is not sent again, since the work may have started.",
        _ => errorCase.Status == 429 ? "A 429 proves nothing started: every call is retried before it surfaces." : "Not retryable.",
    };
}
