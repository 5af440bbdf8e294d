using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>Resolves <c>endpoint.action</c>.</summary>
    private ActionSpec? ResolveActionReference(string reference, YamlNode node, string what, List<EndpointDefinition> endpoints)
    {
        var dot = reference.IndexOf('.');
        var endpoint = dot > 0 ? endpoints.FirstOrDefault(e => e.Spec.Key == reference.Substring(0, dot)) : null;
        var action = endpoint?.Action(reference.Substring(dot + 1));
        if (action is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownReference, node, what, reference, "an action written as endpoint.action, e.g. tasks.retrieve");
        }

        return action;
    }

    private ErrorsSpec? ParseErrors(MappingView root)
    {
        const string what = "'errors'";
        var map = _context.Mapping(root["errors"], root.KeyNode("errors"), what, ContractKeys.ErrorsKeys);
        if (map is null)
        {
            if (!root.Has("errors"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, root.Node, "The contract", "errors");
            }

            return null;
        }

        var body = _context.Mapping(map["body"], map.KeyNode("body"), $"'body' of {what}", ContractKeys.ErrorBodyKeys);
        var codePath = body is null ? null : _context.String(body, "code");
        var messagePath = body is null ? null : _context.String(body, "message");
        var traceIdPath = body is null ? null : _context.String(body, "trace_id");

        var cases = new List<ErrorCaseSpec>();
        var items = _context.Sequence(map, "cases");
        if (items is null && ParseContext.IsAbsent(map, "cases"))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map.Anchor, ParseContext.Capitalize(what), "cases");
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
        const string what = "an error case";
        var map = _context.Mapping(item, what, ContractKeys.ErrorCaseKeys);
        if (map is null)
        {
            return null;
        }

        var status = _context.Integer(map, "status");
        if (status is not null and (< 400 or > 599))
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, map["status"]!, map["status"]!.Value!, $"'status' of {what}", "expected an HTTP error status, 400 to 599");
            status = null;
        }
        else if (status is null && !map.Has("status"))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, item, ParseContext.Capitalize(what), "status");
        }

        var exception = _context.String(map, "exception", required: true);
        if (exception is not null && !_context.CheckIdentifier(map["exception"]!, exception, $"'exception' of {what}"))
        {
            exception = null;
        }

        var codes = new List<string>();
        foreach (var codeNode in _context.Sequence(map, "codes") ?? [])
        {
            var code = _context.ScalarItem(codeNode, $"a code of {what}");
            if (code is null)
            {
                continue;
            }

            if (status is not null && earlier.Any(e => e.Status == status && e.Codes.Contains(code)) || codes.Contains(code))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, codeNode, "error code", code, $" for status {status}");
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
            _context.Report(DiagnosticDescriptors.DuplicateName, map["status"]!, "catch-all error case for status", status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "; only one case per status may omit 'codes'");
            return null;
        }

        if (!ClaimTypeName(exception + "Exception", map["exception"]!, $"the error case for status {status}"))
        {
            return null;
        }

        // Resend safety is a promise about specific codes: a catch-all would cover any gateway's page.
        var resendSafe = _context.Boolean(map, "resend_safe") ?? false;
        if (resendSafe && codes.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.NotApplicable, map["resend_safe"]!, "resend_safe", what,
                "list the 'codes' that prove nothing started; a case without codes matches any body, even a proxy's page");
            resendSafe = false;
        }

        return new ErrorCaseSpec(status.Value, codes.ToEquatableArray(), exception, _context.Boolean(map, "retryable") ?? false,
            resendSafe, _context.String(map, "description"));
    }

    private BillingSpec? ParseBilling(MappingView root, List<EndpointDefinition> endpoints)
    {
        const string what = "'billing'";
        var map = _context.Mapping(root["billing"], root.KeyNode("billing"), what, ContractKeys.BillingKeys);
        if (map is null)
        {
            return null;
        }

        var endpointKey = _context.String(map, "endpoint", required: true);
        var currency = _context.String(map, "currency", required: true);
        var rateField = _context.String(map, "rate_field", required: true);
        var durationField = _context.String(map, "duration_field");
        if (endpointKey is null || currency is null || rateField is null)
        {
            return null;
        }

        var endpoint = endpoints.FirstOrDefault(e => e.Spec.Key == endpointKey);
        if (endpoint is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownReference, map["endpoint"]!, $"'endpoint' of {what}", endpointKey, "an endpoint");
            return null;
        }

        if (endpoint.Fields.TryGetValue(rateField, out var rate) && rate.IsBroken)
        {
            return null;
        }

        if (rate is null || rate.Type is not { Kind: FieldKind.Enum, IsArray: false })
        {
            _context.Report(DiagnosticDescriptors.UnknownReference, map["rate_field"]!, $"'rate_field' of {what}", rateField,
                $"an enum field of endpoint '{endpointKey}'");
            return null;
        }

        if (durationField is not null && endpoint.Fields.TryGetValue(durationField, out var broken) && broken.IsBroken)
        {
            return null;
        }

        if (durationField is not null && (!endpoint.Fields.TryGetValue(durationField, out var duration) || duration.Type is not { Kind: FieldKind.Integer, IsArray: false }))
        {
            _context.Report(DiagnosticDescriptors.UnknownReference, map["duration_field"]!, $"'duration_field' of {what}", durationField,
                $"an integer field of endpoint '{endpointKey}'");
            return null;
        }

        if (!_enums.TryGetValue(rate.Type.Name!, out var enumSpec))
        {
            return null;
        }

        var rates = new List<RateSpec>();
        var rateMap = _context.NameMapping(map["rates"], $"'rates' of {what}");
        foreach (var pair in rateMap?.Pairs ?? [])
        {
            var key = pair.Key.Value!;
            if (enumSpec.Values.All(v => v.Value != key))
            {
                _context.Report(DiagnosticDescriptors.UnknownReference, pair.Key, $"'rates' of {what}", key, $"a value of enum '{enumSpec.Name}'");
                continue;
            }

            var perSecond = _context.Number(rateMap!, key);
            if (perSecond is not null)
            {
                rates.Add(new RateSpec(key, perSecond.Value));
            }
        }

        if (rates.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map["rates"] ?? map.Anchor, ParseContext.Capitalize(what), "rates");
            return null;
        }

        string? assumedRate = null;
        int? assumedDuration = null;
        var assume = _context.NameMapping(map["assume"], $"'assume' of {what}");
        foreach (var pair in assume?.Pairs ?? [])
        {
            var key = pair.Key.Value!;
            if (key == rateField)
            {
                assumedRate = _context.String(assume!, key);
                if (assumedRate is not null && rates.All(r => r.Value != assumedRate))
                {
                    _context.Report(DiagnosticDescriptors.UnknownReference, pair.Value, $"'assume' of {what}", assumedRate, "a key of 'rates'");
                }
            }
            else if (key == durationField)
            {
                assumedDuration = _context.Integer(assume!, key, min: 0);
            }
            else
            {
                _context.Report(DiagnosticDescriptors.UnknownReference, pair.Key, $"'assume' of {what}", key, "the rate_field or the duration_field");
            }
        }

        var inputPlusOutput = new List<string>();
        foreach (var item in _context.Sequence(map, "input_plus_output") ?? [])
        {
            var action = _context.ScalarItem(item, $"an item of 'input_plus_output' of {what}");
            if (action is not null && endpoint.Action(action) is null)
            {
                _context.Report(DiagnosticDescriptors.UnknownReference, item, $"'input_plus_output' of {what}", action, $"an action of endpoint '{endpointKey}'");
            }
            else if (action is not null)
            {
                inputPlusOutput.Add(action);
            }
        }

        var assumedMember = enumSpec.Values.FirstOrDefault(v => v.Value == (assumedRate ?? rates[0].Value))?.Name;
        return assumedMember is null
            ? null
            : new BillingSpec(endpointKey, currency, _context.String(map, "description"), rateField, rates.ToEquatableArray(),
                durationField, assumedRate ?? rates[0].Value, assumedDuration ?? 0, inputPlusOutput.ToEquatableArray())
            {
                RateEnum = enumSpec.Name,
                AssumedRateMember = assumedMember,
            };
    }
}
