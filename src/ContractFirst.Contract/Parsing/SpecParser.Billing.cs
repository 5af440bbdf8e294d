using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>The billing section: rates, the assumed values, input-plus-output actions.</summary>
internal sealed partial class SpecParser
{
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
