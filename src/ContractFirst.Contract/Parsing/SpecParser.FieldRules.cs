using System.Globalization;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// The request field rules of format 2: <c>default</c>, <c>min_length</c>/<c>max_length</c>, <c>pattern</c> and
/// <c>values</c>. An endpoint field sets them and an action's override replaces them, as with min and max; the rules
/// of the merged field must agree, and a disagreement is reported where one of its keys is written in the mapping
/// being read (so a clash between two endpoint keys is reported once, not again for every action).
/// </summary>
internal sealed partial class SpecParser
{
    private const string TextKinds = "string, url";
    private const string NumberKinds = "integer, number";
    private const string DefaultKinds = "string, url, integer, number, boolean, an enum";

    /// <summary>Reads the format 2 rules of <paramref name="map"/> onto <paramref name="field"/> and checks them against its other rules.</summary>
    private void ApplyFieldRules(MappingView map, FieldDefinition field)
    {
        ReadLengths(map, field);
        ReadPattern(map, field);
        ReadValues(map, field);
        ReadDefault(map, field);
        CheckValuesAgainstBounds(map, field);
        CheckDefaultAgainstRules(map, field);
    }

    /// <summary>Reports a default on a field that <paramref name="requiredNode"/> makes required: it would never apply.</summary>
    private void CheckDefaultNotRequired(FieldDefinition field, MappingView? map, YamlNode requiredNode)
    {
        if (field.Default is not null && field.RuleNodes.TryGetValue("default", out var defaultNode))
        {
            _context.Report(DiagnosticDescriptors.DefaultOnRequiredField, map?["default"] ?? requiredNode,
                defaultNode.Path, ScalarCheck.Printable(field.Default), requiredNode.Path);
        }
    }

    private static bool IsScalarOf(FieldDefinition field, params FieldKind[] kinds) =>
        !field.Type.IsArray && Array.IndexOf(kinds, field.Type.Kind) >= 0;

    /// <summary>Reports <paramref name="key"/> as not applying to the field's type; false when it does not.</summary>
    private bool Applies(MappingView map, FieldDefinition field, string key, bool applies, string appliesTo)
    {
        if (!applies)
        {
            _context.Report(DiagnosticDescriptors.KeyNotForType, map.KeyNode(key)!, map.Node.Path, key, field.Type.Text, appliesTo);
        }

        return applies;
    }

    private void ReadLengths(MappingView map, FieldDefinition field)
    {
        foreach (var key in new[] { "min_length", "max_length" })
        {
            if (!map.Has(key) || !Applies(map, field, key, IsScalarOf(field, FieldKind.String, FieldKind.Url), TextKinds))
            {
                continue;
            }

            var value = _context.Integer(map, key, min: 0);
            if (value is null)
            {
                continue;
            }

            field.RuleNodes[key] = map[key]!;
            if (key == "min_length")
            {
                field.MinLength = value;
            }
            else
            {
                field.MaxLength = value;
            }
        }

        if (field.MinLength > field.MaxLength && (map.Has("min_length") || map.Has("max_length")))
        {
            _context.Report(DiagnosticDescriptors.MinAboveMax, map["min_length"] ?? map["max_length"]!, map.Node.Path, "min_length",
                field.MinLength.Value.ToString(CultureInfo.InvariantCulture), "max_length", field.MaxLength.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void ReadPattern(MappingView map, FieldDefinition field)
    {
        if (!map.Has("pattern") || !Applies(map, field, "pattern", IsScalarOf(field, FieldKind.String), "string"))
        {
            return;
        }

        var pattern = _context.String(map, "pattern");
        if (pattern is null)
        {
            return;
        }

        var node = map["pattern"]!;
        var regex = PatternRule.Compile(pattern, out var error);
        if (regex is null)
        {
            _context.Report(DiagnosticDescriptors.PatternDoesNotCompile, node, node.Path, ScalarCheck.Printable(pattern), error!);
        }
        else if (PatternRule.FindNonPortable(pattern) is { } construct)
        {
            _context.Report(DiagnosticDescriptors.PatternNotPortable, node, node.Path, ScalarCheck.Printable(pattern), construct);
        }
        else
        {
            field.Pattern = pattern;
            field.PatternRegex = regex;
            field.RuleNodes["pattern"] = node;
        }
    }

    private void ReadValues(MappingView map, FieldDefinition field)
    {
        if (!map.Has("values") || !Applies(map, field, "values", IsScalarOf(field, FieldKind.Integer, FieldKind.Number), NumberKinds))
        {
            return;
        }

        var items = _context.Sequence(map, "values");
        if (items is null)
        {
            return;
        }

        var values = new List<(decimal Value, YamlNode Node)>();
        foreach (var item in items)
        {
            var text = _context.ScalarItem(item);
            if (text is not null && ReadNumber(item, text, field.Type.Kind) is { } value)
            {
                if (values.Exists(v => v.Value == value))
                {
                    _context.Report(DiagnosticDescriptors.DuplicateEntry, item, map["values"]!.Path, text);
                }
                else
                {
                    values.Add((value, item));
                }
            }
        }

        if (items.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("values")!, map.Node.Path, "values (at least one)");
            return;
        }

        field.Values = values;
        field.RuleNodes["values"] = map["values"]!;
    }

    private void ReadDefault(MappingView map, FieldDefinition field)
    {
        if (!map.Has("default")
            || !Applies(map, field, "default", IsScalarOf(field, FieldKind.String, FieldKind.Url, FieldKind.Integer, FieldKind.Number, FieldKind.Boolean, FieldKind.Enum), DefaultKinds))
        {
            return;
        }

        var text = _context.String(map, "default");
        if (text is null)
        {
            return;
        }

        var node = map["default"]!;
        string? value = null;
        if (field.Type.Kind == FieldKind.Url && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")))
        {
            _context.Report(DiagnosticDescriptors.NotAnHttpUrl, node, node.Path, text);
        }
        else
        {
            value = ReadValueOf(node, text, field.Type);
        }

        if (value is not null)
        {
            field.Default = value;
            field.RuleNodes["default"] = node;
        }
    }

    /// <summary>
    /// A value a field of <paramref name="type"/> can hold, as the contract writes one in a default, a rule's
    /// condition or limit, or a task-state rule: a number (normalised, <c>5.0</c> is <c>5</c>), <c>true</c> or
    /// <c>false</c>, one of an enum's values (or of <paramref name="allowed"/>, the model ids), a string as written.
    /// Null and a diagnostic when the field can't hold it.
    /// </summary>
    private string? ReadValueOf(YamlNode node, string text, TypeRef type, IReadOnlyCollection<string>? allowed = null, string? allowedName = null)
    {
        if (type.Kind == FieldKind.Enum && allowed is null && _enums.TryGetValue(type.Name!, out var enumSpec))
        {
            allowed = enumSpec.Values.Select(v => v.Value).ToList();
            allowedName = "enum '" + enumSpec.Name + "'";
        }

        switch (type.Kind)
        {
            case FieldKind.Integer or FieldKind.Number:
                return ReadNumber(node, text, type.Kind)?.ToString(CultureInfo.InvariantCulture);
            case FieldKind.Boolean when text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return text.ToLowerInvariant();
            case FieldKind.Boolean:
                _context.Report(DiagnosticDescriptors.NotAllowedValue, node, node.Path, text, "true, false");
                return null;
            case FieldKind.Enum when allowed is not null && !allowed.Contains(text):
                _context.Report(DiagnosticDescriptors.UnknownEnumValue, node, node.Path, text, allowedName ?? "the values", string.Join(", ", allowed));
                return null;
            default:
                return text;
        }
    }

    /// <summary>A number of <c>values</c> or a default, normalised (<c>5.0</c> is <c>5</c>); null and a diagnostic when it is not one.</summary>
    private decimal? ReadNumber(YamlNode node, string text, FieldKind kind)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            _context.Report(DiagnosticDescriptors.NotANumber, node, node.Path, text);
            return null;
        }

        if (kind == FieldKind.Integer && (value != decimal.Truncate(value) || value < long.MinValue || value > long.MaxValue))
        {
            _context.Report(DiagnosticDescriptors.NotAWholeNumber, node, node.Path, text);
            return null;
        }

        // Dividing by 1.000… drops trailing zeros, so the number prints as written without them.
        return value / 1.000000000000000000000000000000000m;
    }

    private void CheckValuesAgainstBounds(MappingView map, FieldDefinition field)
    {
        if (field.Min > field.Max)
        {
            return;
        }

        foreach (var (value, node) in field.Values)
        {
            var rule = value < field.Min ? "min" : value > field.Max ? "max" : null;
            if (rule is not null && (map.Has("values") || map.Has(rule)))
            {
                _context.Report(DiagnosticDescriptors.ValueOutsideBounds, map.Has("values") ? node : map[rule]!,
                    field.RuleNodes["values"].Path, Text(value), rule, Text(rule == "min" ? field.Min!.Value : field.Max!.Value));
            }
        }
    }

    private void CheckDefaultAgainstRules(MappingView map, FieldDefinition field)
    {
        if (field.Default is not { } text)
        {
            return;
        }

        var broken = new List<(string Rule, string Value)>();
        if (field.Type.Kind is FieldKind.Integer or FieldKind.Number)
        {
            // Bounds that contradict each other were reported as such; the default is not blamed for them.
            var value = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            var bounded = !(field.Min > field.Max);
            if (value < field.Min && bounded)
            {
                broken.Add(("min", Text(field.Min.Value)));
            }

            if (value > field.Max && bounded)
            {
                broken.Add(("max", Text(field.Max.Value)));
            }

            if (field.Values.Count > 0 && !field.Values.Exists(v => v.Value == value))
            {
                broken.Add(("values", string.Join(", ", field.Values.Select(v => Text(v.Value)))));
            }
        }
        else if (field.Type.Kind is FieldKind.String or FieldKind.Url)
        {
            var length = CodePoints(text);
            var bounded = !(field.MinLength > field.MaxLength);
            if (length < field.MinLength && bounded)
            {
                broken.Add(("min_length", field.MinLength.Value.ToString(CultureInfo.InvariantCulture)));
            }

            if (length > field.MaxLength && bounded)
            {
                broken.Add(("max_length", field.MaxLength.Value.ToString(CultureInfo.InvariantCulture)));
            }

            if (field.PatternRegex is { } regex && !PatternRule.Matches(regex, text))
            {
                broken.Add(("pattern", field.Pattern!));
            }
        }

        foreach (var (rule, ruleValue) in broken)
        {
            if (map.Has("default") || map.Has(rule))
            {
                _context.Report(DiagnosticDescriptors.DefaultBreaksRule, map["default"] ?? map[rule]!,
                    field.RuleNodes["default"].Path, ScalarCheck.Printable(text), rule, ScalarCheck.Printable(ruleValue));
            }
        }
    }

    /// <summary>The length of <paramref name="text"/> in Unicode code points, as JSON Schema counts it: a surrogate pair is one.</summary>
    private static int CodePoints(string text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
