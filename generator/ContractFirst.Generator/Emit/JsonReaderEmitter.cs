using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits a model's <c>ReadJson</c> over <c>Utf8JsonReader</c>: names matched as UTF-8 bytes,
/// unknown fields skipped, JSON null accepted only where the contract marks a field nullable.
/// </summary>
internal static class JsonReaderEmitter
{
    private const string Read = CSharpTypes.Runtime + "JsonRead.";

    public static string Emit(ContractSpec spec, ModelSpec model)
    {
        var w = Header.Start(spec.Namespace);
        w.Open($"public sealed partial class {model.Name}");
        w.Summary($"Reads a {model.Name} from UTF-8 JSON.");
        w.Doc("<param name=\"utf8Json\">The JSON document.</param>");
        w.Doc("<returns>The model.</returns>");
        w.Doc("<exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or a field has the wrong type; the message names the field.</exception>");
        w.Line($"public static {model.Name} FromJson(global::System.ReadOnlySpan<byte> utf8Json) => {CSharpTypes.Runtime}ContractJson.Parse<{model.Name}>(utf8Json);");
        w.Line();
        w.Summary($"Reads a {model.Name} from a JSON string.");
        w.Doc("<param name=\"json\">The JSON document.</param>");
        w.Doc("<returns>The model.</returns>");
        w.Doc("<exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or a field has the wrong type; the message names the field.</exception>");
        w.Line($"public static {model.Name} FromJson(string json) => {CSharpTypes.Runtime}ContractJson.Parse<{model.Name}>(json);");
        w.Line();
        w.Summary($"Reads a {model.Name} from a reader positioned on its start.");
        w.Doc("<param name=\"reader\">The reader, on the object's first token; left on its last.</param>");
        w.Doc("<returns>The model.</returns>");
        w.Open($"public static {model.Name} ReadJson(ref {CSharpTypes.Json}Utf8JsonReader reader)");
        w.Line($"{Read}StartObject(ref reader, {CSharpTypes.String(model.Name)});");
        foreach (var field in model.Fields)
        {
            w.Line(field.Type.IsArray
                ? $"{CSharpTypes.Collections}List<{CSharpTypes.Item(field)}>? {CSharpTypes.Local(field)} = null;"
                : $"{CSharpTypes.ResponseProperty(field)} {CSharpTypes.Local(field)} = null;");
        }

        w.Open($"while (reader.Read() && reader.TokenType == {CSharpTypes.Json}JsonTokenType.PropertyName)");
        var keyword = "if";
        foreach (var field in model.Fields)
        {
            var path = CSharpTypes.String(model.Name + "." + field.JsonName);
            w.Open($"{keyword} (reader.ValueTextEquals({CSharpTypes.Utf8(field.JsonName)}))");
            var target = field.Type.IsArray ? null : $"{CSharpTypes.Local(field)} = {ReadValue(spec, field, path)};";
            if (field.Nullable)
            {
                // JSON null leaves the property unset, as the contract allows.
                w.Open($"if (reader.Read() && reader.TokenType != {CSharpTypes.Json}JsonTokenType.Null)");
            }
            else
            {
                w.Line("reader.Read();");
                w.Open($"if (reader.TokenType == {CSharpTypes.Json}JsonTokenType.Null)");
                w.Line($"{Read}NullNotAllowed({path});");
                w.Close();
                w.Gap();
            }

            if (field.Type.IsArray)
            {
                w.Line($"{Read}StartArray(ref reader, {path});");
                w.Line($"{CSharpTypes.Local(field)} = new();");
                w.Open($"while (reader.Read() && reader.TokenType != {CSharpTypes.Json}JsonTokenType.EndArray)");
                w.Line($"{CSharpTypes.Local(field)}.Add({ReadValue(spec, field, path)});");
                w.Close();
            }
            else
            {
                w.Line(target!);
            }

            if (field.Nullable)
            {
                w.Close();
            }

            w.Close();
            keyword = "else if";
        }

        if (model.Fields.IsEmpty)
        {
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
        }
        else
        {
            w.Open("else");
            w.Line("// Unknown fields are ignored: the service may add fields at any time.");
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Open($"return new {model.Name}");
        foreach (var field in model.Fields)
        {
            w.Line(field.Type.IsArray
                ? $"{field.PropertyName} = {CSharpTypes.Local(field)} ?? ({CSharpTypes.ResponseProperty(field)})global::System.Array.Empty<{CSharpTypes.Item(field)}>(),"
                : $"{field.PropertyName} = {CSharpTypes.Local(field)},");
        }

        w.Close(";");
        w.Close();
        w.Line();
        JsonWriterEmitter.EmitModelWriter(w, model);
        w.Close();
        return w.ToString();
    }

    private static string ReadValue(ContractSpec spec, FieldSpec field, string path) => field.Type.Kind switch
    {
        FieldKind.String or FieldKind.Url => $"{Read}String(ref reader, {path})",
        FieldKind.Integer => CSharpTypes.IsLong(field) ? $"{Read}Int64(ref reader, {path})" : $"{Read}Int32(ref reader, {path})",
        FieldKind.Number => $"{Read}Double(ref reader, {path})",
        FieldKind.Boolean => $"{Read}Boolean(ref reader, {path})",
        FieldKind.Timestamp => $"{Read}UnixSeconds(ref reader, {path})",
        FieldKind.Enum => $"{CSharpTypes.Qualified(spec, field.Type.Name!)}.Read(ref reader, {path})",
        _ => $"{CSharpTypes.Qualified(spec, field.Type.Name!)}.ReadJson(ref reader)",
    };
}
