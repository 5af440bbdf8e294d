using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits <c>WriteJson</c> for requests and response models. A request writes the discriminator (unless
/// its endpoint has a single operation), the model (the action's default when unset; nothing when the
/// contract gives no default), then each set field in contract order. Unset optional fields are omitted,
/// and a request type only has its own action's fields, so nothing of another action can be written.
/// </summary>
internal static class JsonWriterEmitter
{
    public static string Emit(string ns, EndpointSpec endpoint, ActionSpec action)
    {
        var w = Header.Start(ns);
        w.Open($"public sealed partial class {action.RequestTypeName}");
        w.Summary("Writes this request as the JSON body the API expects, with UTF-8 names and no reflection.");
        w.Doc("<param name=\"writer\">The writer to write one JSON object to.</param>");
        w.Open($"public void WriteJson({CSharpTypes.Json}Utf8JsonWriter writer)");
        w.Lines("""
            if (writer is null)
            {
                throw new global::System.ArgumentNullException(nameof(writer));
            }

            writer.WriteStartObject();
            """);
        var names = new List<(string Key, string Text)>();
        if (endpoint.Discriminator is not null)
        {
            names.Add((DiscriminatorKey, endpoint.Discriminator));
            names.Add((ActionKey, action.Value));
            w.Line($"writer.WriteString(JsonText.{DiscriminatorKey}, JsonText.{ActionKey});");
        }

        if (endpoint.ModelField is not null && !action.Models.IsEmpty)
        {
            EmitModel(w, ns, endpoint, action, endpoint.ModelField, names);
        }

        EmitFields(w, action.Fields, names);
        w.Line("writer.WriteEndObject();");
        w.Close();
        EmitJsonText(w, names);
        w.Close();
        return w.ToString();
    }

    /// <summary>Writes a request object: each set field in contract order, as a request writes its own.</summary>
    public static string Emit(string ns, ObjectSpec obj)
    {
        var w = Header.Start(ns);
        w.Open($"public sealed partial class {obj.Name}");
        w.Lines($$"""
            /// <summary>Writes this {{obj.Name}} as a JSON object, with UTF-8 names and no reflection; unset optional fields are omitted.</summary>
            /// <param name="writer">The writer to write one JSON object to.</param>
            """);
        w.Open($"public void WriteJson({CSharpTypes.Json}Utf8JsonWriter writer)");
        w.Lines("""
            if (writer is null)
            {
                throw new global::System.ArgumentNullException(nameof(writer));
            }

            writer.WriteStartObject();
            """);
        var names = new List<(string Key, string Text)>();
        EmitFields(w, obj.Fields, names);
        w.Line("writer.WriteEndObject();");
        w.Close();
        EmitJsonText(w, names);
        w.Close();
        return w.ToString();
    }

    /// <summary>The model: the one set, else the action's default; with no default, only when set.</summary>
    private static void EmitModel(SourceWriter w, string ns, EndpointSpec endpoint, ActionSpec action, string modelField, List<(string Key, string Text)> names)
    {
        var property = Naming.ToPascalCase(modelField);
        names.Add((property, modelField));
        if (action.DefaultModel is { } defaultModel)
        {
            // The type's Default is the action's own, or the endpoint's; an action's other default is named by its member.
            var typeDefault = endpoint.Models.IsEmpty ? defaultModel : endpoint.DefaultModel;
            var member = defaultModel == typeDefault ? "Default" : action.Models.FirstOrDefault(m => m.Value == defaultModel)?.Name ?? "Default";
            w.Line($"({property} ?? {CSharpTypes.Qualified(ns, action.ModelTypeName)}.{member}).WriteJson(writer, JsonText.{property});");
            return;
        }

        var local = Naming.ToCamelCase(property) + "Value";
        w.Gap();
        w.Open($"if ({property} is {{ }} {local})");
        w.Line($"{local}.WriteJson(writer, JsonText.{property});");
        w.Close();
        w.Gap();
    }

    /// <summary>
    /// Emits the statements of a model's <c>WriteJsonProperties</c>: every set field, so a model
    /// read from JSON writes back what the contract knows of it (callers add their own fields).
    /// </summary>
    public static void EmitModelWriter(SourceWriter w, ModelSpec model)
    {
        w.Lines($$"""
            /// <summary>Writes this {{model.Name}} as a JSON object; fields that are null are omitted.</summary>
            /// <param name="writer">The writer to write one JSON object to.</param>
            public void WriteJson({{CSharpTypes.Json}}Utf8JsonWriter writer)
            {
                if (writer is null)
                {
                    throw new global::System.ArgumentNullException(nameof(writer));
                }

                writer.WriteStartObject();
                WriteJsonProperties(writer);
                writer.WriteEndObject();
            }

            /// <summary>Writes the fields of this {{model.Name}} into the JSON object the writer is in, so callers can add fields of their own.</summary>
            /// <param name="writer">The writer, inside an object.</param>
            """);
        w.Open($"public void WriteJsonProperties({CSharpTypes.Json}Utf8JsonWriter writer)");
        w.Lines("""
            if (writer is null)
            {
                throw new global::System.ArgumentNullException(nameof(writer));
            }

            """);
        var names = new List<(string Key, string Text)>();
        EmitFields(w, model.Fields, names);
        w.Close();
        EmitJsonText(w, names);
    }

    /// <summary>Writes each field in contract order: required values always, the others only when set.</summary>
    private static void EmitFields(SourceWriter w, IEnumerable<FieldSpec> fields, List<(string Key, string Text)> names)
    {
        foreach (var field in fields)
        {
            var local = CSharpTypes.Local(field);
            names.Add((field.PropertyName, field.JsonName));
            var name = "JsonText." + field.PropertyName;
            if (CSharpTypes.IsAlwaysSet(field))
            {
                w.Lines(WriteProperty(field, name, field.PropertyName));
                continue;
            }

            if (field.Type.IsArray)
            {
                // A null object item is written as null, as the caller's list has it (validation refuses it).
                var item = field.Type.Kind == FieldKind.Object
                    ? $"if ({local}[i] is {{ }} item) item.WriteJson(writer); else writer.WriteNullValue();"
                    : WriteValue(field, local + "[i]");
                w.Gap();
                w.Lines($$"""
                    if ({{field.PropertyName}} is { } {{local}})
                    {
                        writer.WriteStartArray({{name}});
                        for (var i = 0; i < {{local}}.Count; i++)
                        {
                            {{item}}
                        }
                        writer.WriteEndArray();
                    }
                    """);
                w.Gap();
            }
            else if (field.Required && field.Type.Kind != FieldKind.Object)
            {
                // Validation rejects a missing required value before sending; written as-is otherwise.
                w.Lines(WriteProperty(field, name, field.PropertyName));
            }
            else
            {
                // Optional fields, and a required object, which has no JSON to write while it is null.
                w.Gap();
                w.Open($"if ({field.PropertyName} is {{ }} {local})");
                w.Lines(WriteProperty(field, name, local));
                w.Close();
                w.Gap();
            }
        }

    }

    /// <summary>
    /// The names (and the discriminator's value) as <c>JsonEncodedText</c>, encoded once per process the
    /// way <c>ContractJson</c> writes: the writer copies their UTF-8 instead of checking each for escaping
    /// on every request. Keyed by property name; the discriminator's keys start with an underscore,
    /// which no property name does.
    /// </summary>
    private static void EmitJsonText(SourceWriter w, List<(string Key, string Text)> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        w.Line();
        w.Summary("The JSON names this type writes, pre-encoded.");
        w.Open("private static class JsonText");
        foreach (var (key, text) in names)
        {
            w.Line($"internal static readonly {CSharpTypes.Json}JsonEncodedText {key} = {Encode(text)};");
        }

        w.Close();
    }

    /// <summary>
    /// Emits an enum's writers: the listed values pre-encoded once, a value the contract does not list
    /// written from its string.
    /// </summary>
    /// <param name="w">The writer, inside the enum struct.</param>
    /// <param name="values">The listed values and their member names.</param>
    public static void EmitEnumWriter(SourceWriter w, IReadOnlyList<(string Value, string Name)> values)
    {
        w.Lines("""

            /// <summary>Writes this value as the property <paramref name="name"/>; a listed value is copied as pre-encoded UTF-8.</summary>
            /// <param name="writer">The writer, inside an object.</param>
            /// <param name="name">The property name.</param>
            """);
        EmitSwitch($"internal void WriteJson({CSharpTypes.Json}Utf8JsonWriter writer, {CSharpTypes.Json}JsonEncodedText name)", text => $"writer.WriteString(name, {text})");
        w.Lines("""

            /// <summary>Writes this value as an array item; a listed value is copied as pre-encoded UTF-8.</summary>
            /// <param name="writer">The writer, inside an array.</param>
            """);
        EmitSwitch($"internal void WriteJson({CSharpTypes.Json}Utf8JsonWriter writer)", text => $"writer.WriteStringValue({text})");
        EmitJsonText(w, values.Select(v => (v.Name, v.Value)).ToList());

        // One writer method: a case per listed value writing its pre-encoded text, the string itself otherwise.
        void EmitSwitch(string signature, Func<string, string> write)
        {
            w.Open(signature);
            w.Open("switch (_value)");
            foreach (var value in values)
            {
                w.Line($"case {CSharpTypes.String(value.Value)}: {write("JsonText." + value.Name)}; return;");
            }

            w.Line($"default: {write("Value")}; return;");
            w.Close();
            w.Close();
        }
    }

    private static string Encode(string text) =>
        $"{CSharpTypes.Json}JsonEncodedText.Encode({CSharpTypes.String(text)}, global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)";

    private const string DiscriminatorKey = "_discriminator";
    private const string ActionKey = "_action";

    private static string WriteProperty(FieldSpec field, string name, string value) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, FieldKindTraits.Of(field).WriteProperty, name, value);

    private static string WriteValue(FieldSpec field, string value) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, FieldKindTraits.Of(field).WriteValue, value);
}
