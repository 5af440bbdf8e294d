using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// The billing section: a list of prices (format 2, <see cref="ParsePrices"/>), or the single per-second price of
/// version 1 (<c>rate_field</c>, <c>rates</c>…), still read in both formats as that one price.
/// </summary>
internal sealed partial class SpecParser
{
    private BillingSpec? ParseBilling(MappingView root, List<EndpointDefinition> endpoints)
    {
        var map = _context.Mapping(root["billing"], root.KeyNode("billing"), ContractKeys.BillingKeys);
        if (map is null)
        {
            return null;
        }

        var currency = _context.String(map, "currency", required: true);
        var description = _context.String(map, "description");
        List<PriceSpec>? prices;
        var singlePrice = ContractKeys.SinglePriceKeys.Where(map.Has).ToList();
        if (map.Has("prices") || (_version == 2 && singlePrice.Count == 0))
        {
            if (_version == 1 && map.KeyNode("prices") is { } pricesKey)
            {
                _context.Report(DiagnosticDescriptors.KeyNeedsFormat2, pricesKey, map.Node.Path, "prices");
            }

            foreach (var key in singlePrice)
            {
                _context.Report(DiagnosticDescriptors.BillingBothForms, map.KeyNode(key)!, map.Node.Path, key, string.Join(", ", ContractKeys.PriceKeys));
            }

            prices = ParsePrices(map, endpoints);
        }
        else
        {
            prices = ParseSinglePrice(map, endpoints) is { } price ? [price] : null;
        }

        return currency is null || prices is null ? null : new BillingSpec(currency, description, prices.ToEquatableArray());
    }

    /// <summary>
    /// A version 1 billing: one price per second for every action of its endpoint, rated by one enum field's value.
    /// It keeps its version 1 meaning: an unset rate field is assumed to be <c>assume</c>'s value, else the field's
    /// default, else the first rate; unset seconds are <c>assume</c>'s, else the default, else 0; and the rates need
    /// not cover every value (an estimate for a value without a rate throws).
    /// </summary>
    private PriceSpec? ParseSinglePrice(MappingView map, List<EndpointDefinition> endpoints)
    {
        var endpointKey = _context.String(map, "endpoint", required: true);
        var rateField = _context.String(map, "rate_field", required: true);
        var durationField = _context.String(map, "duration_field");
        if (endpointKey is null || rateField is null)
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

        FieldDefinition? duration = null;
        if (durationField is not null && endpoint.Fields.TryGetValue(durationField, out duration) && duration.IsBroken)
        {
            return null;
        }

        if (durationField is not null && duration?.Type is not { Kind: FieldKind.Integer, IsArray: false })
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

            if (_context.Number(rateMap!, key) is { } perSecond)
            {
                rates.Add(new RateSpec(new[] { new RateKeyValue(rateField, key) }.ToEquatableArray(), perSecond));
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
                if (assumedRate is not null && rates.All(r => r.Key[0].Value != assumedRate))
                {
                    _context.Report(DiagnosticDescriptors.UnknownEnumValue, pair.Value, pair.Value.Path, assumedRate, "billing.rates", string.Join(", ", rates.Select(r => r.Key[0].Value)));
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

        var actions = endpoint.Spec.Actions.Select(action =>
        {
            var rateDefault = action.Fields.FirstOrDefault(f => f.JsonName == rateField)?.Default ?? rate.Default;
            var durationDefault = durationField is null ? null : action.Fields.FirstOrDefault(f => f.JsonName == durationField)?.Default ?? duration!.Default;
            var seconds = assumedDuration?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? durationDefault ?? "0";
            var isInputPlusOutput = inputPlusOutput.Contains(action.Value);
            return new PricedAction(
                action.Value,
                new[] { new PriceInput(rateField, assumedRate ?? rateDefault ?? rates[0].Key[0].Value, Assumed: true) }.ToEquatableArray(),
                isInputPlusOutput ? null : new PriceInput(durationField ?? "duration", seconds, Assumed: true),
                isInputPlusOutput);
        });
        return new PriceSpec(endpointKey, PriceUnit.Second, durationField, new[] { rateField }.ToEquatableArray(), rates.ToEquatableArray(),
            actions.ToEquatableArray(), Description: null);
    }
}
