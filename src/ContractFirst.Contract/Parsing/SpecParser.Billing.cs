using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>The billing section: rates, the assumed values, input-plus-output actions.</summary>
internal sealed partial class SpecParser
{
    private BillingSpec? ParseBilling(MappingView root, List<EndpointDefinition> endpoints)
    {
        var map = _context.Mapping(root["billing"], root.KeyNode("billing"), ContractKeys.BillingKeys);
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
            _context.Report(DiagnosticDescriptors.UnknownEndpoint, map["endpoint"]!, map["endpoint"]!.Path, endpointKey, string.Join(", ", endpoints.Select(e => e.Spec.Key)));
            return null;
        }

        if (endpoint.Fields.TryGetValue(rateField, out var rate) && rate.IsBroken)
        {
            return null;
        }

        if (rate is null || rate.Type is not { Kind: FieldKind.Enum, IsArray: false })
        {
            _context.Report(DiagnosticDescriptors.UnknownField, map["rate_field"]!, map["rate_field"]!.Path, rateField,
                $"endpoints.{endpointKey} of an enum type");
            return null;
        }

        if (durationField is not null && endpoint.Fields.TryGetValue(durationField, out var broken) && broken.IsBroken)
        {
            return null;
        }

        if (durationField is not null && (!endpoint.Fields.TryGetValue(durationField, out var duration) || duration.Type is not { Kind: FieldKind.Integer, IsArray: false }))
        {
            _context.Report(DiagnosticDescriptors.UnknownField, map["duration_field"]!, map["duration_field"]!.Path, durationField,
                $"endpoints.{endpointKey} of type integer");
            return null;
        }

        if (!_enums.TryGetValue(rate.Type.Name!, out var enumSpec))
        {
            return null;
        }

        var rates = new List<RateSpec>();
        var rateMap = _context.NameMapping(map["rates"]);
        foreach (var pair in rateMap?.Pairs ?? [])
        {
            var key = pair.Key.Value!;
            if (enumSpec.Values.All(v => v.Value != key))
            {
                _context.Report(DiagnosticDescriptors.UnknownEnumValue, pair.Key, pair.Key.Path, key, $"enum '{enumSpec.Name}'", string.Join(", ", enumSpec.Values.Select(v => v.Value)));
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
            _context.Report(DiagnosticDescriptors.MissingKey, map["rates"] ?? map.Anchor, map.Node.Path, "rates");
            return null;
        }

        string? assumedRate = null;
        int? assumedDuration = null;
        var assume = _context.NameMapping(map["assume"]);
        foreach (var pair in assume?.Pairs ?? [])
        {
            var key = pair.Key.Value!;
            if (key == rateField)
            {
                assumedRate = _context.String(assume!, key);
                if (assumedRate is not null && rates.All(r => r.Value != assumedRate))
                {
                    _context.Report(DiagnosticDescriptors.UnknownEnumValue, pair.Value, pair.Value.Path, assumedRate, "billing.rates", string.Join(", ", rates.Select(r => r.Value)));
                }
            }
            else if (key == durationField)
            {
                assumedDuration = _context.Integer(assume!, key, min: 0);
            }
            else
            {
                _context.Report(DiagnosticDescriptors.UnknownKey, pair.Key, key, assume!.Node.Path, durationField is null ? rateField : rateField + ", " + durationField);
            }
        }

        var inputPlusOutput = new List<string>();
        foreach (var item in _context.Sequence(map, "input_plus_output") ?? [])
        {
            var action = _context.ScalarItem(item);
            if (action is not null && endpoint.Action(action) is null)
            {
                _context.Report(DiagnosticDescriptors.UnknownAction, item, item.Path, action, "endpoints." + endpointKey);
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
