using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

internal sealed partial class SpecParser
{
    private List<EndpointDefinition> ParseEndpoints(MappingView root, Dictionary<string, ModelDefinition> models)
    {
        var result = new List<EndpointDefinition>();
        var endpoints = _context.NameMapping(root["endpoints"]);
        if (endpoints is null || !endpoints.Pairs.Any())
        {
            if (endpoints is not null || ParseContext.IsAbsent(root, "endpoints"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, root["endpoints"] ?? root.Node, "The contract", "endpoints");
            }

            return result;
        }

        foreach (var pair in endpoints.Pairs)
        {
            var endpoint = ParseEndpoint(pair.Key, pair.Value, models);
            if (endpoint is not null)
            {
                result.Add(endpoint);
            }
        }

        return result;
    }

    private EndpointDefinition? ParseEndpoint(YamlNode keyNode, YamlNode valueNode, Dictionary<string, ModelDefinition> models)
    {
        var key = keyNode.Value!;
        var map = _context.Mapping(valueNode, keyNode, ContractKeys.EndpointKeys);
        if (map is null)
        {
            return null;
        }

        ClaimTypeName("I" + Naming.ToPascalCase(key) + "Request", keyNode);
        var path = _context.String(map, "path", required: true);
        if (path is not null && !path.StartsWith("/", StringComparison.Ordinal))
        {
            _context.Report(DiagnosticDescriptors.PathNotRooted, map["path"]!, map["path"]!.Path, path);
        }

        var kindText = _context.String(map, "kind") ?? "read";
        var kind = kindText switch
        {
            "submit" => EndpointKind.Submit,
            "read" => EndpointKind.Read,
            _ => (EndpointKind?)null,
        };
        if (kind is null)
        {
            _context.Report(DiagnosticDescriptors.NotAllowedValue, map["kind"]!, map["kind"]!.Path, kindText, "submit, read");
        }

        var timeout = _context.Integer(map, "timeout_seconds", min: 1) ?? 100;
        // Format 1 defaults the discriminator to 'action'; in format 2 an endpoint without one has a single operation.
        var discriminator = _context.String(map, "discriminator") ?? (_version == 1 ? "action" : null);
        var modelField = _context.String(map, "model_field");
        var endpointResponse = ModelReference(map, "response", models);

        var fields = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (modelField is not null && CheckModelFieldName(modelField, map["model_field"]!))
        {
            properties.Add(Naming.ToPascalCase(modelField), modelField);
        }

        var fieldMap = _context.NameMapping(map["fields"], map.KeyNode("fields"));
        foreach (var field in fieldMap?.Pairs ?? [])
        {
            var name = field.Key.Value!;
            if (name == discriminator || name == modelField)
            {
                _context.Report(DiagnosticDescriptors.SameCSharpName, field.Key, field.Key.Path, name, "property", Naming.ToPascalCase(name),
                    (name == discriminator ? map["discriminator"] ?? keyNode : map["model_field"]!).Path);
                continue;
            }

            var definition = ParseFieldDefinition(field.Key, field.Value, inModel: false);
            if (definition is not null && ClaimPropertyName(properties, Naming.ToPascalCase(name), field.Key, "the request types", s_allRequestMembers))
            {
                fields[name] = definition;
            }
        }

        var shared = new List<FieldDefinition>();
        foreach (var item in _context.Sequence(map, "shared") ?? [])
        {
            var name = _context.ScalarItem(item);
            if (name is null)
            {
                continue;
            }

            if (!fields.TryGetValue(name, out var definition))
            {
                _context.Report(DiagnosticDescriptors.UnknownField, item, item.Path, name, keyNode.Path);
            }
            else if (shared.Contains(definition))
            {
                _context.Report(DiagnosticDescriptors.DuplicateEntry, item, map["shared"]!.Path, name);
            }
            else
            {
                shared.Add(definition);
            }
        }

        var endpointModels = ParseEndpointModels(map, keyNode, modelField);
        var actions = new List<ActionSpec>();
        var actionNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var actionMap = _context.NameMapping(map["actions"], map.KeyNode("actions"));
        if (actionMap is null ? ParseContext.IsAbsent(map, "actions") : !actionMap.Pairs.Any())
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map["actions"] ?? keyNode, keyNode.Path, "actions");
        }

        foreach (var action in actionMap?.Pairs ?? [])
        {
            var spec = ParseAction(action.Key, action.Value, keyNode, fields, shared, modelField, endpointModels, endpointResponse, map.Has("response"), models);
            if (spec is not null)
            {
                actions.Add(spec);
                actionNodes[spec.Value] = action.Key;
            }
        }

        actions = ApplyEndpointRules(map, keyNode, fields, modelField, actions);
        if (discriminator is null)
        {
            CheckSingleOperation(keyNode, actionMap);
        }

        var defaultAction = _context.String(map, "default_action");
        if (defaultAction is not null && discriminator is null)
        {
            // Without a discriminator nothing selects an action, so there is nothing to default.
            _context.Report(DiagnosticDescriptors.KeyNeedsKey, map.KeyNode("default_action")!, keyNode.Path, "default_action", "discriminator");
        }
        else if (defaultAction is not null && actionMap?.Has(defaultAction) != true)
        {
            _context.Report(DiagnosticDescriptors.UnknownAction, map["default_action"]!, map["default_action"]!.Path, defaultAction, keyNode.Path);
        }

        if (path is null || kind is null)
        {
            return null;
        }

        var endpointSpec = new EndpointSpec(key, path, _context.String(map, "description"), kind.Value, timeout, discriminator,
            defaultAction, modelField, shared.Select(f => f.ToSpec(required: false)).ToEquatableArray(), actions.ToEquatableArray())
        {
            Models = endpointModels?.Models.ToEquatableArray() ?? EquatableArray<NamedValueSpec>.Empty,
            DefaultModel = endpointModels?.Default,
        };
        return new EndpointDefinition(endpointSpec, fields, actionNodes);
    }

    private string? ModelReference(MappingView map, string key, Dictionary<string, ModelDefinition> models)
    {
        var name = _context.String(map, key);
        if (name is not null && !models.ContainsKey(name))
        {
            // A model that is defined but has errors of its own was reported where it is defined.
            if (_modelNames.Contains(name))
            {
                return name;
            }

            _context.Report(DiagnosticDescriptors.UnknownModel, map[key]!, map[key]!.Path, name);
            return null;
        }

        return name;
    }

    private ActionSpec? ParseAction(
        YamlNode keyNode, YamlNode valueNode, YamlNode endpointNode, Dictionary<string, FieldDefinition> endpointFields,
        List<FieldDefinition> shared, string? modelField, EndpointModelList? endpointModels, string? endpointResponse, bool endpointDeclaresResponse,
        Dictionary<string, ModelDefinition> models)
    {
        var value = keyNode.Value!;
        var map = _context.Mapping(valueNode, keyNode, ContractKeys.ActionKeys);
        if (map is null)
        {
            return null;
        }

        var typeName = _context.String(map, "method") ?? Naming.ToPascalCase(value);
        var nameNode = map["method"] ?? keyNode;
        if (!_context.CheckIdentifier(nameNode, typeName)
            || !ClaimTypeName(typeName + "Request", nameNode)
            || !ClaimMethodName(typeName + "Async", nameNode)
            || (map.Has("models") && endpointModels is null && !ClaimTypeName(typeName + "Model", nameNode)))
        {
            return null;
        }

        var response = ModelReference(map, "response", models) ?? endpointResponse;
        // An endpoint-level response that failed to resolve was reported already; don't repeat it per action.
        if (response is null && !map.Has("response") && !endpointDeclaresResponse)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, keyNode, keyNode.Path, "response (or the endpoint's 'response')");
        }

        var (modelIds, defaultModel) = endpointModels is null
            ? ParseActionModels(map, keyNode, modelField, typeName + "Model")
            : NarrowEndpointModels(map, keyNode, endpointModels);

        var fields = new List<FieldSpec>();
        var fieldMap = _context.NameMapping(map["fields"]);
        foreach (var pair in fieldMap?.Pairs ?? [])
        {
            var name = pair.Key.Value!;
            if (!endpointFields.TryGetValue(name, out var definition))
            {
                _context.Report(DiagnosticDescriptors.UnknownField, pair.Key, pair.Key.Path, name, endpointNode.Path);
                continue;
            }

            if (shared.Contains(definition))
            {
                _context.Report(DiagnosticDescriptors.FieldAlreadyShared, pair.Key, fieldMap!.Node.Path, name);
                continue;
            }

            var field = ParseActionField(pair.Value, definition);
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        fields.AddRange(shared.Select(f => f.ToSpec(required: false)));
        CheckPropertiesAgainstRequestType(fields, endpointFields, typeName + "Request", modelField, map["method"] ?? keyNode);
        var ruleModel = modelField is not null && modelIds.Count > 0 ? new RuleModel(modelField, modelIds) : null;
        var rules = ParseRuleList(map, keyNode.Path, fields.ToDictionary(f => f.JsonName, StringComparer.Ordinal), ruleModel, checkRequired: true);
        return response is null || rules is null
            ? null
            : new ActionSpec(value, typeName, _context.String(map, "description"), modelIds.ToEquatableArray(), defaultModel,
                fields.ToEquatableArray(), response)
            {
                ModelTypeName = endpointModels?.TypeName ?? typeName + "Model",
                Rules = rules.Select(r => r.Rule).ToEquatableArray(),
            };
    }

    private (List<NamedValueSpec> Models, string? Default) ParseActionModels(MappingView map, YamlNode keyNode, string? modelField, string modelTypeName)
    {
        var models = new List<NamedValueSpec>();
        var items = _context.Sequence(map, "models");
        if (items is null && !ParseContext.IsAbsent(map, "models"))
        {
            return (models, null);
        }

        if (items is null)
        {
            if (modelField is not null)
            {
                _context.Report(DiagnosticDescriptors.MissingKey, keyNode, keyNode.Path, "models");
            }

            if (map.Has("default_model"))
            {
                _context.Report(DiagnosticDescriptors.KeyNeedsKey, map.KeyNode("default_model")!, keyNode.Path, "default_model", "models");
            }

            return (models, null);
        }

        if (modelField is null)
        {
            _context.Report(DiagnosticDescriptors.KeyNeedsKey, map.KeyNode("models")!, keyNode.Path, "models", "model_field");
        }

        ReadModelIds(items, map["models"]!, modelTypeName, models);
        if (models.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map["models"]!, keyNode.Path, "models (at least one)");
            return (models, null);
        }

        var defaultModel = _context.String(map, "default_model");
        if (defaultModel is not null && models.All(m => m.Value != defaultModel))
        {
            _context.Report(DiagnosticDescriptors.DefaultModelNotInAction, map["default_model"]!, defaultModel, keyNode.Value!,
                string.Join(", ", models.Select(m => m.Value)));
        }

        // Format 1 defaults to the first model; format 2 leaves the model out unless the caller sets one.
        return (models, defaultModel ?? (_version == 1 ? models[0].Value : null));
    }

    /// <summary>An action's use of an endpoint field: <c>required</c>, <c>optional</c>, or a mapping of overrides.</summary>
    private FieldSpec? ParseActionField(YamlNode node, FieldDefinition definition)
    {
        if (node.Kind == YamlNodeKind.Scalar)
        {
            switch (node.ScalarText)
            {
                case "required":
                    CheckDefaultNotRequired(definition, null, node);
                    return definition.ToSpec(required: true);
                case "optional" or null:
                    return definition.ToSpec(required: false);
                default:
                    _context.Report(DiagnosticDescriptors.NotAllowedValue, node, node.Path, node.Value!, "required, optional, a mapping of overrides");
                    return null;
            }
        }

        var map = _context.Mapping(node, ContractKeys.ActionFieldKeys);
        if (map is null)
        {
            return null;
        }

        if (definition.IsBroken)
        {
            // Its type is unknown, so its constraints can't be checked; the type error was reported.
            return definition.ToSpec(required: false);
        }

        var merged = new FieldDefinition(definition.JsonName, definition.KeyNode, definition.Type)
        {
            Description = _context.String(map, "description") ?? definition.Description,
            Min = definition.Min,
            Max = definition.Max,
            MinItems = definition.MinItems,
            MaxItems = definition.MaxItems,
        };
        merged.CopyRulesFrom(definition);
        ApplyConstraints(map, merged);
        var required = _context.Boolean(map, "required") ?? false;
        if (required)
        {
            CheckDefaultNotRequired(merged, map, map["required"]!);
        }

        return merged.ToSpec(required);
    }
}
