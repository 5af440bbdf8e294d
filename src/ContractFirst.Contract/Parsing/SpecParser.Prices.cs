using System.Globalization;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

// Format 2 billing: a list of prices, each for some actions of one endpoint, per second, item or request, with a
// table of rates chosen by the model and enum values (first match wins), and the values assumed where a request
// leaves one unset. The rate table is checked as a whole by RateTable.
internal sealed partial class SpecParser
{
    private static readonly string[] s_units = ["second", "item", "request"];

    private List<PriceSpec>? ParsePrices(MappingView billing, List<EndpointDefinition> endpoints)
    {
        var items = _context.Sequence(billing, "prices");
        if (items is null || items.Count == 0)
        {
            if (items is not null || ParseContext.IsAbsent(billing, "prices"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, billing.KeyNode("prices") ?? billing.Anchor, billing.Node.Path, "prices (at least one)");
            }

            return null;
        }

        var prices = new List<PriceSpec>();
        var pricedBy = new Dictionary<(string Endpoint, string Action), string>();
        foreach (var item in items)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            if (ParsePrice(item, endpoints, pricedBy) is { } price)
            {
                prices.Add(price);
            }
        }

        return prices.Count == items.Count ? prices : null;
    }

    private PriceSpec? ParsePrice(YamlNode item, List<EndpointDefinition> endpoints, Dictionary<(string Endpoint, string Action), string> pricedBy)
    {
        var map = _context.Mapping(item, ContractKeys.PriceKeys);
        if (map is null)
        {
            return null;
        }

        var errors = _context.Diagnostics.Count;
        var endpointKey = _context.String(map, "endpoint", required: true);
        var unit = ParseUnit(map);
        var endpoint = endpointKey is null ? null : endpoints.FirstOrDefault(e => e.Spec.Key == endpointKey);
        if (endpointKey is not null && endpoint is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownEndpoint, map["endpoint"]!, map["endpoint"]!.Path, endpointKey, string.Join(", ", endpoints.Select(e => e.Spec.Key)));
        }

        if (endpoint is null || unit is null)
        {
            return null;
        }

        var actions = ParsePricedActions(map, endpoint, pricedBy);
        var quantity = ParseQuantityField(map, endpoint, unit.Value);
        var inputPlusOutput = ParseInputPlusOutput(map, endpoint, unit.Value, actions);
        var rates = ParseRates(map, endpoint, actions, out var keyFields);
        if (_context.Diagnostics.Count > errors || rates is null)
        {
            return null;
        }

        var assumed = ParseAssumptions(map, endpoint, actions, keyFields, quantity);
        if (_context.Diagnostics.Count > errors)
        {
            return null;
        }

        var priced = actions.Select(action => PriceAction(endpoint, action, keyFields, unit.Value, quantity, assumed, inputPlusOutput.Contains(action.Value))).ToList();
        CheckQuantityKnown(map, unit.Value, quantity, actions, priced);
        if (_context.Diagnostics.Count > errors)
        {
            return null;
        }

        new RateTable(_context, map, endpoint.Spec, actions, keyFields, priced, _enums).Check(rates.Select(r => r.Node).ToList(), rates.Select(r => r.Spec).ToList());
        return _context.Diagnostics.Count > errors
            ? null
            : new PriceSpec(endpointKey!, unit.Value, quantity?.JsonName, keyFields.ToEquatableArray(), rates.Select(r => r.Spec).ToEquatableArray(),
                priced.ToEquatableArray(), _context.String(map, "description"));
    }

    private PriceUnit? ParseUnit(MappingView map)
    {
        var text = _context.String(map, "unit", required: true);
        switch (text)
        {
            case null:
                return null;
            case "second":
                return PriceUnit.Second;
            case "item":
                return PriceUnit.Item;
            case "request":
                return PriceUnit.Request;
            default:
                _context.Report(DiagnosticDescriptors.NotAllowedValue, map["unit"]!, map["unit"]!.Path, text, string.Join(", ", s_units));
                return null;
        }
    }

    private static string UnitName(PriceUnit unit) => s_units[(int)unit];

    /// <summary>The actions the price lists, or every action of the endpoint; each may have one price only.</summary>
    private List<ActionSpec> ParsePricedActions(MappingView map, EndpointDefinition endpoint, Dictionary<(string Endpoint, string Action), string> pricedBy)
    {
        var actions = new List<ActionSpec>();
        var items = _context.Sequence(map, "actions");
        if (items is null)
        {
            if (!ParseContext.IsAbsent(map, "actions"))
            {
                return actions;
            }

            foreach (var action in endpoint.Spec.Actions)
            {
                Claim(action, map["endpoint"]!, map.Node.Path);
            }

            return actions;
        }

        if (items.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("actions")!, map.Node.Path, "actions (at least one)");
        }

        foreach (var item in items)
        {
            var value = _context.ScalarItem(item);
            if (value is null)
            {
                continue;
            }

            if (endpoint.Action(value) is not { } action)
            {
                _context.Report(DiagnosticDescriptors.UnknownAction, item, item.Path, value, "endpoints." + endpoint.Spec.Key);
            }
            else if (actions.Contains(action))
            {
                _context.Report(DiagnosticDescriptors.DuplicateEntry, item, map["actions"]!.Path, value);
            }
            else
            {
                Claim(action, item, item.Path);
            }
        }

        return actions;

        void Claim(ActionSpec action, YamlNode at, string path)
        {
            if (pricedBy.TryGetValue((endpoint.Spec.Key, action.Value), out var other))
            {
                _context.Report(DiagnosticDescriptors.ActionPricedTwice, at, path, action.Value, endpoint.Spec.Key, other);
            }
            else
            {
                pricedBy[(endpoint.Spec.Key, action.Value)] = map.Node.Path;
            }

            actions.Add(action);
        }
    }

    /// <summary>The field a price per second or per item counts; null for a price per request or an item price without one.</summary>
    private FieldDefinition? ParseQuantityField(MappingView map, EndpointDefinition endpoint, PriceUnit unit)
    {
        var name = _context.String(map, "quantity");
        if (name is null)
        {
            if (unit == PriceUnit.Second && ParseContext.IsAbsent(map, "quantity"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, map["unit"]!, map.Node.Path, "quantity");
            }

            return null;
        }

        var node = map["quantity"]!;
        if (unit == PriceUnit.Request)
        {
            _context.Report(DiagnosticDescriptors.KeyNotForUnit, map.KeyNode("quantity")!, map.Node.Path, "quantity", UnitName(unit), "second, item");
            return null;
        }

        if (!endpoint.Fields.TryGetValue(name, out var field))
        {
            _context.Report(DiagnosticDescriptors.UnknownField, node, node.Path, name, "endpoints." + endpoint.Spec.Key);
            return null;
        }

        var fits = !field.Type.IsArray && (field.Type.Kind == FieldKind.Integer || (unit == PriceUnit.Second && field.Type.Kind == FieldKind.Number));
        if (!field.IsBroken && !fits)
        {
            _context.Report(DiagnosticDescriptors.QuantityFieldType, node, node.Path, name, field.Type.Text, UnitName(unit),
                unit == PriceUnit.Second ? "integer, number" : "integer");
        }

        return field.IsBroken || !fits ? null : field;
    }

    private HashSet<string> ParseInputPlusOutput(MappingView map, EndpointDefinition endpoint, PriceUnit unit, List<ActionSpec> actions)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (map.Has("input_plus_output") && unit != PriceUnit.Second)
        {
            _context.Report(DiagnosticDescriptors.KeyNotForUnit, map.KeyNode("input_plus_output")!, map.Node.Path, "input_plus_output", UnitName(unit), "second");
            return result;
        }

        foreach (var item in _context.Sequence(map, "input_plus_output") ?? [])
        {
            var value = _context.ScalarItem(item);
            if (value is null)
            {
                continue;
            }

            if (actions.All(a => a.Value != value))
            {
                _context.Report(DiagnosticDescriptors.UnknownAction, item, item.Path, value,
                    endpoint.Action(value) is null ? "endpoints." + endpoint.Spec.Key : map.Node.Path + ".actions");
            }
            else if (!result.Add(value))
            {
                _context.Report(DiagnosticDescriptors.DuplicateEntry, item, map["input_plus_output"]!.Path, value);
            }
        }

        return result;
    }

    /// <summary>
    /// The rate table (<c>rates</c>, or one <c>rate</c> for every request), each rate with its node; the fields its keys
    /// name, in the order they first appear. Null when the price has neither or both.
    /// </summary>
    private List<(RateSpec Spec, YamlNode Node)>? ParseRates(MappingView map, EndpointDefinition endpoint, List<ActionSpec> actions, out List<string> keyFields)
    {
        keyFields = [];
        if (map.Has("rate") == map.Has("rates"))
        {
            _context.Report(DiagnosticDescriptors.ExactlyOneKey, map.KeyNode("rates") ?? map["unit"] ?? map.Anchor, map.Node.Path, "rate, rates",
                map.Has("rate") ? "rate, rates" : "neither");
            return null;
        }

        if (map.Has("rate"))
        {
            var flat = ReadRate(map, "rate");
            return flat is null ? null : [(new RateSpec(EquatableArray<RateKeyValue>.Empty, flat.Value), map["rate"]!)];
        }

        var items = _context.Sequence(map, "rates");
        if (items is null || items.Count == 0)
        {
            if (items is not null || ParseContext.IsAbsent(map, "rates"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("rates")!, map.Node.Path, "rates (at least one)");
            }

            return null;
        }

        var rates = new List<(RateSpec, YamlNode)>();
        foreach (var item in items)
        {
            var row = _context.NameMapping(item);
            if (row is null)
            {
                continue;
            }

            var key = new List<RateKeyValue>();
            foreach (var pair in row.Pairs)
            {
                var field = pair.Key.Value!;
                if (field != "rate" && ReadKeyValue(endpoint, actions, pair.Key, pair.Value) is { } value)
                {
                    key.Add(new RateKeyValue(field, value));
                    if (!keyFields.Contains(field))
                    {
                        keyFields.Add(field);
                    }
                }
            }

            if (!row.Has("rate"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, RowAnchor(item), item.Path, "rate");
            }
            else if (ReadRate(row, "rate") is { } rate)
            {
                rates.Add((new RateSpec(key.ToEquatableArray(), rate), item));
            }
        }

        return rates;
    }

    /// <summary>Where a diagnostic about a rate points: its first key, since a mapping has no width.</summary>
    internal static YamlNode RowAnchor(YamlNode row) => row.Pairs.Count > 0 ? row.Pairs[0].Key : row;

    private decimal? ReadRate(MappingView map, string key)
    {
        var rate = _context.Number(map, key);
        if (rate < 0)
        {
            _context.Report(DiagnosticDescriptors.OutOfRange, map[key]!, map[key]!.Path, rate.Value.ToString(CultureInfo.InvariantCulture), "≥ 0");
            return null;
        }

        return rate;
    }

    /// <summary>A value of a rate's key or of an assumption for a key field: a model some priced action accepts, or a value of the field's enum.</summary>
    private string? ReadKeyValue(EndpointDefinition endpoint, List<ActionSpec> actions, YamlNode keyNode, YamlNode valueNode)
    {
        var field = keyNode.Value!;
        var isModel = field == endpoint.Spec.ModelField;
        endpoint.Fields.TryGetValue(field, out var definition);
        if (!isModel && definition is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownField, keyNode, keyNode.Path, field, "endpoints." + endpoint.Spec.Key);
            return null;
        }

        if (!isModel && (definition!.IsBroken || definition.Type is not { Kind: FieldKind.Enum, IsArray: false }))
        {
            if (!definition.IsBroken)
            {
                _context.Report(DiagnosticDescriptors.RateKeyFieldType, keyNode, keyNode.Path, field, definition.Type.Text);
            }

            return null;
        }

        var value = valueNode.Kind == YamlNodeKind.Scalar && valueNode.ScalarText is { } text ? text : null;
        if (value is null)
        {
            _context.Report(DiagnosticDescriptors.WrongNodeKind, valueNode, valueNode.Path, "non-empty scalar");
            return null;
        }

        if (isModel)
        {
            var models = actions.SelectMany(a => a.Models).Select(m => m.Value).Distinct().ToList();
            if (!models.Contains(value))
            {
                _context.Report(DiagnosticDescriptors.UnknownPricedModel, valueNode, valueNode.Path, value, string.Join(", ", actions.Select(a => a.Value)), string.Join(", ", models));
                return null;
            }

            return value;
        }

        if (_enums.TryGetValue(definition!.Type.Name!, out var enumSpec) && enumSpec.Values.All(v => v.Value != value))
        {
            _context.Report(DiagnosticDescriptors.UnknownEnumValue, valueNode, valueNode.Path, value, $"enum '{enumSpec.Name}'", string.Join(", ", enumSpec.Values.Select(v => v.Value)));
            return null;
        }

        return value;
    }

    /// <summary>The price's <c>assume</c>: a value for each key field or the quantity field a request may leave unset, in invariant form.</summary>
    private Dictionary<string, string> ParseAssumptions(MappingView map, EndpointDefinition endpoint, List<ActionSpec> actions, List<string> keyFields, FieldDefinition? quantity)
    {
        var assumed = new Dictionary<string, string>(StringComparer.Ordinal);
        var assume = _context.NameMapping(map["assume"], map.KeyNode("assume"));
        foreach (var pair in assume?.Pairs ?? [])
        {
            var field = pair.Key.Value!;
            string? value;
            if (keyFields.Contains(field))
            {
                value = ReadKeyValue(endpoint, actions, pair.Key, pair.Value);
            }
            else if (field == quantity?.JsonName)
            {
                value = quantity.Type.Kind == FieldKind.Integer
                    ? _context.Integer(assume!, field, min: 0)?.ToString(CultureInfo.InvariantCulture)
                    : ReadRate(assume!, field)?.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                var allowed = keyFields.Concat(quantity is null ? [] : [quantity.JsonName]).ToList();
                _context.Report(DiagnosticDescriptors.UnknownKey, pair.Key, field, assume!.Node.Path, allowed.Count == 0 ? "(none)" : string.Join(", ", allowed));
                continue;
            }

            if (value is null)
            {
                continue;
            }

            assumed[field] = value;
            CheckAssumptionAgainstDefaults(endpoint, actions, pair.Value, field, value);
        }

        return assumed;
    }

    /// <summary>CFG079: the default of a field is what the service does, so an assumption may only repeat it.</summary>
    private void CheckAssumptionAgainstDefaults(EndpointDefinition endpoint, List<ActionSpec> actions, YamlNode valueNode, string field, string value)
    {
        endpoint.Fields.TryGetValue(field, out var definition);
        foreach (var action in actions)
        {
            var fieldDefault = action.Fields.FirstOrDefault(f => f.JsonName == field)?.Default;
            if (fieldDefault is null || SameValue(fieldDefault, value))
            {
                continue;
            }

            var where = definition?.Default == fieldDefault && definition.RuleNodes.TryGetValue("default", out var node)
                ? node.Path
                : $"endpoints.{endpoint.Spec.Key}.actions.{action.Value}.fields.{field}.default";
            _context.Report(DiagnosticDescriptors.AssumptionAgainstDefault, valueNode, valueNode.Path, value, where, fieldDefault);
            return;
        }

        static bool SameValue(string a, string b) =>
            a == b || (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y);
    }

    /// <summary>Where each value the price reads comes from for one action's requests.</summary>
    private static PricedAction PriceAction(EndpointDefinition endpoint, ActionSpec action, List<string> keyFields, PriceUnit unit,
        FieldDefinition? quantity, Dictionary<string, string> assumed, bool inputPlusOutput)
    {
        var keys = keyFields.Select(field =>
        {
            if (field == endpoint.Spec.ModelField && action.DefaultModel is { } defaultModel)
            {
                // The SDK sends the default model: nothing is assumed.
                return new PriceInput(field, defaultModel, Assumed: false);
            }

            return new PriceInput(field, Fallback(field), Assumed: true);
        });

        PriceInput? count = null;
        if (quantity is not null && !inputPlusOutput)
        {
            count = new PriceInput(quantity.JsonName, Fallback(quantity.JsonName) ?? (unit == PriceUnit.Item ? "1" : null), Assumed: true);
        }

        return new PricedAction(action.Value, keys.ToEquatableArray(), count, inputPlusOutput);

        string? Fallback(string field) =>
            assumed.TryGetValue(field, out var value) ? value
            : action.Fields.FirstOrDefault(f => f.JsonName == field) is { } onAction ? onAction.Default
            : endpoint.Fields.TryGetValue(field, out var definition) ? definition.Default
            : null;
    }

    /// <summary>A price per second must know the seconds of every request: from the request, its default, or an assumption.</summary>
    private void CheckQuantityKnown(MappingView map, PriceUnit unit, FieldDefinition? quantity, List<ActionSpec> actions, List<PricedAction> priced)
    {
        if (unit != PriceUnit.Second || quantity is null)
        {
            return;
        }

        var unknown = actions.Where((action, i) => priced[i].Quantity is { Fallback: null }
            && !action.Fields.Any(f => f.JsonName == quantity.JsonName && f.Required));
        if (unknown.Any())
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("assume") ?? map["quantity"]!, map.Node.Path + ".assume", quantity.JsonName);
        }
    }
}
