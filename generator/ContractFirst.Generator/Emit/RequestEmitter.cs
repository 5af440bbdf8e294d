using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits one request type per action, and one class per request object: only its own fields, required ones in the constructor.</summary>
internal static class RequestEmitter
{
    public static string Emit(string ns, ObjectSpec obj)
    {
        var w = Header.Start(ns);
        w.Summary(Docs.Sentence(obj.Description, obj.Name + "."), "Sent as the value of a request field. The client validates it with the request; call Validate() to check it yourself.");
        w.Line(Header.GeneratedCode);
        w.Open($"public sealed partial class {obj.Name}");
        EmitConstructor(w, obj.Name, obj.Fields, "request object");
        EmitProperties(w, obj.Fields);
        w.Close();
        return w.ToString();
    }

    public static string Emit(string ns, EndpointSpec endpoint, ActionSpec action)
    {
        var w = Header.Start(ns);
        var sends = endpoint.Discriminator is null ? "" : $"{endpoint.Discriminator}: {action.Value} to ";
        w.Summary(Docs.Sentence(action.Description, action.TypeName + " request."),
            $"Sends {sends}POST {endpoint.Path}. The client validates it before sending; call Validate() to check it yourself.");
        w.Line(Header.GeneratedCode);
        w.Open($"public sealed partial class {action.RequestTypeName} : {endpoint.RequestInterfaceName}");
        if (endpoint.Discriminator is not null)
        {
            // A single-operation endpoint sends no discriminator, so its requests have no value of one.
            w.Lines($$"""
                /// <summary>The value of <c>{{Docs.Escape(endpoint.Discriminator)}}</c> this request sends: {{Docs.Code(action.Value)}}.</summary>
                public const string Action = {{CSharpTypes.String(action.Value)}};

                """);
        }

        EmitConstructor(w, action.RequestTypeName, action.Fields, "request");

        if (endpoint.ModelField is not null && !action.Models.IsEmpty)
        {
            var defaultName = action.Models.FirstOrDefault(m => m.Value == action.DefaultModel)?.Name ?? "Default";
            var models = Docs.Escape(string.Join(", ", action.Models.Select(m => m.Value)));
            var unset = action.DefaultModel is null
                ? "Left out of the request when unset: the service picks one."
                : $"{Docs.Escape(action.ModelTypeName)}.{defaultName} ({Docs.Code(action.DefaultModel)}) is sent when unset.";
            w.Lines($$"""

                /// <summary>The model. {{unset}} One of: {{models}}. JSON: {{Docs.Code(endpoint.ModelField)}}.</summary>
                public {{action.ModelTypeName}}? {{Naming.ToPascalCase(endpoint.ModelField)}} { get; set; }
                """);
        }

        EmitProperties(w, action.Fields);
        w.Close();
        return w.ToString();
    }

    /// <summary>The constructor: every required field as a parameter, lists copied so the caller's can't change under the request.</summary>
    private static void EmitConstructor(SourceWriter w, string typeName, IEnumerable<FieldSpec> fields, string noun)
    {
        var required = fields.Where(f => f.Required).ToList();
        w.Summary(required.Count == 0 ? $"Creates an empty {noun}." : $"Creates a {noun} with its required fields.");
        foreach (var field in required)
        {
            w.Doc($"<param name=\"{Naming.ToCamelCase(field.PropertyName)}\">{Docs.Escape(Docs.Sentence(field.Description, field.JsonName))}</param>");
        }

        var parameters = required.Select(f => ParameterType(f) + " " + Naming.ToParameterName(f.PropertyName));
        w.Open($"public {typeName}({string.Join(", ", parameters)})");
        foreach (var field in required)
        {
            var parameter = Naming.ToParameterName(field.PropertyName);
            w.Line(field.Type.IsArray
                ? $"{field.PropertyName} = {parameter} is null ? null! : new {CSharpTypes.Collections}List<{CSharpTypes.Item(field)}>({parameter});"
                : $"{field.PropertyName} = {parameter};");
        }

        w.Close();
    }

    private static void EmitProperties(SourceWriter w, IEnumerable<FieldSpec> fields)
    {
        foreach (var field in fields)
        {
            w.Lines($$"""

                /// <summary>{{FieldDocs.Summary(field)}}{{(field.Required ? "" : " Omitted from the request when null.")}}</summary>
                public {{CSharpTypes.RequestProperty(field)}} {{field.PropertyName}} { get; set; }
                """);
        }
    }

    private static string ParameterType(FieldSpec field) =>
        field.Type.IsArray ? $"{CSharpTypes.Collections}IEnumerable<{CSharpTypes.Item(field)}>" : CSharpTypes.Item(field);
}
