using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>The errors section: the error body's paths and the documented cases.</summary>
internal sealed partial class SpecParser
{
    private ErrorsSpec? ParseErrors(MappingView root)
    {
        var map = _context.Mapping(root["errors"], root.KeyNode("errors"), ContractKeys.ErrorsKeys);
        if (map is null)
        {
            if (!root.Has("errors"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, root.Node, "The contract", "errors");
            }

            return null;
        }

        var body = _context.Mapping(map["body"], map.KeyNode("body"), ContractKeys.ErrorBodyKeys);
        var codePath = body is null ? null : _context.String(body, "code");
        var messagePath = body is null ? null : _context.String(body, "message");
        var traceIdPath = body is null ? null : _context.String(body, "trace_id");

        var cases = new List<ErrorCaseSpec>();
        var items = _context.Sequence(map, "cases");
        if (items is null && ParseContext.IsAbsent(map, "cases"))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map.Anchor, map.Node.Path, "cases");
        }

        foreach (var item in items ?? [])
        {
            var errorCase = ParseErrorCase(item, cases);
            if (errorCase is not null)
            {
                cases.Add(errorCase);
            }
        }

        return new ErrorsSpec(codePath ?? "error.code", messagePath ?? "error.message", traceIdPath ?? "trace_id", cases.ToEquatableArray());
    }

    private ErrorCaseSpec? ParseErrorCase(YamlNode item, List<ErrorCaseSpec> earlier)
    {
        var map = _context.Mapping(item, ContractKeys.ErrorCaseKeys);
        if (map is null)
        {
            return null;
        }

        var status = _context.Integer(map, "status");
        if (status is not null and (< 400 or > 599))
        {
            _context.Report(DiagnosticDescriptors.OutOfRange, map["status"]!, map["status"]!.Path, map["status"]!.Value!, "400–599");
            status = null;
        }
        else if (status is null && !map.Has("status"))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, item, item.Path, "status");
        }

        var exception = _context.String(map, "exception", required: true);
        if (exception is not null && !_context.CheckIdentifier(map["exception"]!, exception))
        {
            exception = null;
        }

        var codes = new List<string>();
        foreach (var codeNode in _context.Sequence(map, "codes") ?? [])
        {
            var code = _context.ScalarItem(codeNode);
            if (code is null)
            {
                continue;
            }

            if (status is not null && earlier.Any(e => e.Status == status && e.Codes.Contains(code)) || codes.Contains(code))
            {
                _context.Report(DiagnosticDescriptors.DuplicateEntry, codeNode, $"errors.cases (status {status})", code);
                continue;
            }

            codes.Add(code);
        }

        if (status is null || exception is null)
        {
            return null;
        }

        if (codes.Count == 0 && earlier.Any(e => e.Status == status && e.Codes.IsEmpty))
        {
            _context.Report(DiagnosticDescriptors.DuplicateEntry, map["status"]!, "errors.cases (cases without codes)", status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        if (!ClaimTypeName(Naming.ExceptionType(_apiName, exception), map["exception"]!))
        {
            return null;
        }

        // Resend safety is a promise about specific codes: a catch-all would cover any gateway's page.
        var resendSafe = _context.Boolean(map, "resend_safe") ?? false;
        if (resendSafe && codes.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.KeyNeedsKey, map.KeyNode("resend_safe")!, item.Path, "resend_safe", "codes");
            resendSafe = false;
        }

        return new ErrorCaseSpec(status.Value, codes.ToEquatableArray(), exception, _context.Boolean(map, "retryable") ?? false,
            resendSafe, _context.String(map, "description"));
    }
}
