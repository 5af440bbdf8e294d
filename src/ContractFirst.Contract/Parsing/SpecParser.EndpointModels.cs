using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

// Format 2 endpoints: models declared once per endpoint (one generated type for every action, which an
// action may narrow), and endpoints without a discriminator, which have a single operation.
internal sealed partial class SpecParser
{
    /// <summary>Reads an endpoint's own <c>models</c> and <c>default_model</c>; null when it declares no models.</summary>
    private EndpointModelList? ParseEndpointModels(MappingView map, YamlNode keyNode, string? modelField)
    {
        if (_version == 1)
        {
            // Version 1 files are read as the format 2 file they migrate to; these keys have no version 1 meaning to keep.
            foreach (var key in new[] { "models", "default_model" })
            {
                if (map.KeyNode(key) is { } node)
                {
                    _context.Report(DiagnosticDescriptors.KeyNeedsFormat2, node, keyNode.Path, key);
                }
            }
        }

        if (!map.Has("models"))
        {
            if (map.Has("default_model"))
            {
                _context.Report(DiagnosticDescriptors.KeyNeedsKey, map.KeyNode("default_model")!, keyNode.Path, "default_model", "models");
            }

            return null;
        }

        if (modelField is null)
        {
            _context.Report(DiagnosticDescriptors.KeyNeedsKey, map.KeyNode("models")!, keyNode.Path, "models", "model_field");
        }

        var typeName = Naming.ToPascalCase(keyNode.Value!) + "Model";
        var list = new EndpointModelList(typeName, map["models"]!.Path);
        ClaimTypeName(typeName, keyNode);
        var items = _context.Sequence(map, "models");
        if (items is null)
        {
            if (ParseContext.IsAbsent(map, "models"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("models")!, keyNode.Path, "models (at least one)");
            }

            return list;
        }

        ReadModelIds(items, map["models"]!, typeName, list.Models);
        if (list.Models.Count == 0)
        {
            if (items.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("models")!, keyNode.Path, "models (at least one)");
            }

            return list;
        }

        var defaultModel = _context.String(map, "default_model");
        if (defaultModel is not null && list.Models.All(m => m.Value != defaultModel))
        {
            _context.Report(DiagnosticDescriptors.DefaultModelNotInEndpoint, map["default_model"]!, map["default_model"]!.Path, defaultModel,
                string.Join(", ", list.Models.Select(m => m.Value)));
            return list;
        }

        list.Default = defaultModel;
        return list;
    }

    /// <summary>
    /// The models of an action of an endpoint that declares them: all of them, or the ids the action lists
    /// (<c>models: [id, id]</c>); its own <c>default_model</c>, else the endpoint's, else none (the model is left out).
    /// </summary>
    private (List<NamedValueSpec> Models, string? Default) NarrowEndpointModels(MappingView map, YamlNode keyNode, EndpointModelList endpoint)
    {
        List<NamedValueSpec> models;
        var complete = true;
        var items = _context.Sequence(map, "models");
        if (items is null)
        {
            if (!ParseContext.IsAbsent(map, "models"))
            {
                // Not a list: reported by Sequence.
                return ([], null);
            }

            models = [.. endpoint.Models];
        }
        else
        {
            models = [];
            foreach (var item in items)
            {
                if (item.Kind == YamlNodeKind.Mapping)
                {
                    // A name or description here would give one model two names in one type. A mapping node has
                    // no width, so the diagnostic covers its first key.
                    _context.Report(DiagnosticDescriptors.NarrowedModelDeclared, item.Pairs.Select(p => p.Key).FirstOrDefault() ?? item, item.Path, endpoint.Path);
                    continue;
                }

                var id = _context.ScalarItem(item);
                if (id is null)
                {
                    continue;
                }

                var model = endpoint.Models.Find(m => m.Value == id);
                if (model is null)
                {
                    // An endpoint list with errors of its own was reported where it is.
                    if (endpoint.Models.Count > 0)
                    {
                        _context.Report(DiagnosticDescriptors.NarrowedModelNotInEndpoint, item, item.Path, id,
                            string.Join(", ", endpoint.Models.Select(m => m.Value)));
                    }
                }
                else if (models.Contains(model))
                {
                    _context.Report(DiagnosticDescriptors.DuplicateEntry, item, map["models"]!.Path, id);
                }
                else
                {
                    models.Add(model);
                }
            }

            if (items.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("models")!, keyNode.Path, "models (at least one)");
            }

            complete = models.Count == items.Count;
        }

        if (models.Count == 0)
        {
            return (models, null);
        }

        var defaultModel = _context.String(map, "default_model");
        if (defaultModel is not null)
        {
            if (models.All(m => m.Value != defaultModel))
            {
                _context.Report(DiagnosticDescriptors.DefaultModelNotInAction, map["default_model"]!, defaultModel, keyNode.Value!,
                    string.Join(", ", models.Select(m => m.Value)));
            }

            return (models, defaultModel);
        }

        // A list with a rejected item was reported already: whether it meant to keep the default is unknown.
        if (endpoint.Default is { } inherited && complete && models.All(m => m.Value != inherited))
        {
            _context.Report(DiagnosticDescriptors.NarrowingLeavesOutDefault, map.KeyNode("models")!, map["models"]!.Path,
                string.Join(", ", models.Select(m => m.Value)), inherited);
            return (models, null);
        }

        return (models, endpoint.Default);
    }

    /// <summary>An endpoint without a discriminator (format 2) sends none, so nothing could choose between two actions.</summary>
    private void CheckSingleOperation(YamlNode keyNode, MappingView? actionMap)
    {
        var actions = actionMap?.Pairs.Select(p => p.Key).ToList() ?? [];
        if (actions.Count > 1)
        {
            _context.Report(DiagnosticDescriptors.SeveralActionsWithoutDiscriminator, actions[1], keyNode.Path,
                actions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", actions.Select(a => a.Value)));
        }
    }

    /// <summary>Reads a list of model ids (plain or <c>{ id, name, description }</c>) into the values of <paramref name="modelTypeName"/>.</summary>
    private void ReadModelIds(List<YamlNode> items, YamlNode listNode, string modelTypeName, List<NamedValueSpec> models)
    {
        foreach (var item in items)
        {
            var id = ParseNamedValue(item, ContractKeys.ModelIdKeys, out var name, out var description);
            if (id is null || !CheckEnumMember(name!, item, id, modelTypeName, isActionModels: true))
            {
                continue;
            }

            if (models.Any(m => m.Value == id))
            {
                _context.Report(DiagnosticDescriptors.DuplicateEntry, item, listNode.Path, id);
            }
            else if (models.Find(m => m.Name == name) is { } first)
            {
                _context.Report(DiagnosticDescriptors.SameCSharpName, item, item.Path, id, "member", name!, "'" + first.Value + "'");
            }
            else
            {
                models.Add(new NamedValueSpec(id, name!, description));
            }
        }
    }

    /// <summary>An endpoint's own model list: the type every action's model property has, and the endpoint's default.</summary>
    private sealed class EndpointModelList(string typeName, string path)
    {
        /// <summary>The generated type, e.g. <c>VideosModel</c>.</summary>
        public string TypeName { get; } = typeName;

        /// <summary>The YAML path of the list, for diagnostics.</summary>
        public string Path { get; } = path;

        public List<NamedValueSpec> Models { get; } = [];

        public string? Default { get; set; }
    }
}
