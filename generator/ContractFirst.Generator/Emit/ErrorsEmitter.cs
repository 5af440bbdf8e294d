using System.Globalization;
using ContractFirst.Generator.Model;

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
            "Catch a subclass for one documented error, or this type for all of them. IsRetryable tells whether the server provably started nothing, so sending again is safe.");
        w.Line(Header.GeneratedCode);
        w.Open($"public class {baseName} : {CSharpTypes.Runtime}ApiException");
        w.Summary("Creates the exception for an error answer.");
        w.Doc("<param name=\"info\">The parsed error answer.</param>");
        w.Doc("<param name=\"isRetryable\">Whether sending the request again is safe.</param>");
        w.Line($"public {baseName}({CSharpTypes.Runtime}ApiErrorInfo info, bool isRetryable)");
        w.Line("    : base(info, isRetryable)");
        w.Line("{");
        w.Line("}");
        w.Close();

        foreach (var errorCase in spec.Errors.Cases)
        {
            var codes = errorCase.Codes.IsEmpty ? "any other code" : "code " + string.Join(", ", errorCase.Codes);
            w.Line();
            w.Summary(Docs.Sentence(errorCase.Description, errorCase.ExceptionName + " error."),
                $"HTTP {errorCase.Status.ToString(CultureInfo.InvariantCulture)}, {codes}. " + (errorCase.Retryable ? "Retryable: the client retries it before surfacing it." : "Not retryable."));
            w.Line(Header.GeneratedCode);
            w.Open($"public sealed class {errorCase.ExceptionName}Exception : {baseName}");
            w.Summary("Creates the exception for an error answer.");
            w.Doc("<param name=\"info\">The parsed error answer.</param>");
            w.Line($"public {errorCase.ExceptionName}Exception({CSharpTypes.Runtime}ApiErrorInfo info)");
            w.Line($"    : base(info, isRetryable: {(errorCase.Retryable ? "true" : "false")})");
            w.Line("{");
            w.Line("}");
            w.Close();
        }

        w.Line();
        w.Line($"/// <summary>Maps error answers to the {Docs.Escape(baseName)} family, as the contract's error cases say.</summary>");
        w.Line(Header.GeneratedCode);
        w.Open($"internal static class {api}Errors");
        w.Line("/// <summary>Where the error body keeps its code, message and trace id.</summary>");
        w.Line($"public static readonly {CSharpTypes.Runtime}ErrorBodyFormat BodyFormat = new({CSharpTypes.String(spec.Errors.CodePath)}, {CSharpTypes.String(spec.Errors.MessagePath)}, {CSharpTypes.String(spec.Errors.TraceIdPath)});");
        w.Line();
        w.Line("/// <summary>The exact status and code first, then the status's catch-all, then the status's first case.</summary>");
        w.Open($"public static {CSharpTypes.Runtime}ApiException Create({CSharpTypes.Runtime}ApiErrorInfo info) => (info.StatusCode, info.ErrorCode) switch");
        foreach (var errorCase in spec.Errors.Cases.Where(c => !c.Codes.IsEmpty))
        {
            var codes = string.Join(" or ", errorCase.Codes.Select(CSharpTypes.String));
            w.Line($"({errorCase.Status.ToString(CultureInfo.InvariantCulture)}, {codes}) => new {errorCase.ExceptionName}Exception(info),");
        }

        foreach (var group in spec.Errors.Cases.GroupBy(c => c.Status))
        {
            var fallback = group.FirstOrDefault(c => c.Codes.IsEmpty) ?? group.First();
            w.Line($"({group.Key.ToString(CultureInfo.InvariantCulture)}, _) => new {fallback.ExceptionName}Exception(info),");
        }

        w.Line($"_ => new {baseName}(info, isRetryable: false),");
        w.Close(";");
        w.Close();
        return w.ToString();
    }
}
