using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits a model's <c>ReadJson</c> over <c>Utf8JsonReader</c>: names matched as UTF-8 bytes,
/// unknown fields skipped, and every value read tolerantly through <c>JsonRead</c>: a value that does
/// not fit its field becomes an issue on the context (and the model's <c>ReadIssues</c>) rather than
/// an exception, unless the context is strict. JSON null reads as absent; strict mode rejects it
/// where the contract does not mark a field nullable.
/// </summary>
internal static class JsonReaderEmitter
{
    private const string Read = CSharpTypes.Runtime + "JsonRead.";
    private const string Context = CSharpTypes.Runtime + "JsonReadContext";
    private const string Null = CSharpTypes.Json + "JsonTokenType.Null";

    private const string Throws =
        "<exception cref=\"global::System.Text.Json.JsonException\">The input is empty, is not well-formed JSON, or is not a JSON object. " +
        "A field of the wrong type does not throw: it is converted when nothing is lost (<c>\"5\"</c> or <c>5.0</c> for an integer), " +
        "otherwise left unset and listed in <see cref=\"ReadIssues\"/>.</exception>";

    private const string ThrowsStrict =
        "<exception cref=\"global::System.Text.Json.JsonException\">The input is empty, is not well-formed JSON, or is not a JSON object; " +
        "or the context is strict and a field could not be read (the message names the field, the problem and the value).</exception>";

    public static string Emit(string ns, ModelSpec model)
    {
        var w = Header.Start(ns);
        w.Open($"public sealed partial class {model.Name}");
        w.Lines($$"""
            /// <summary>Reads a {{model.Name}} from UTF-8 JSON, tolerantly.</summary>
            /// <param name="utf8Json">The JSON document.</param>
            /// <returns>The model; <see cref="ReadIssues"/> lists what could not be read.</returns>
            /// {{Throws}}
            public static {{model.Name}} FromJson(global::System.ReadOnlySpan<byte> utf8Json) => {{CSharpTypes.Runtime}}ContractJson.Parse<{{model.Name}}>(utf8Json);

            /// <summary>Reads a {{model.Name}} from a JSON string, tolerantly.</summary>
            /// <param name="json">The JSON document.</param>
            /// <returns>The model; <see cref="ReadIssues"/> lists what could not be read.</returns>
            /// {{Throws}}
            public static {{model.Name}} FromJson(string json) => {{CSharpTypes.Runtime}}ContractJson.Parse<{{model.Name}}>(json);

            /// <summary>Reads a {{model.Name}} from UTF-8 JSON as the context says: strict, or tolerant with a secret to scrub.</summary>
            /// <param name="utf8Json">The JSON document.</param>
            /// <param name="context">Strict or tolerant, the secret to scrub; collects the issues met.</param>
            /// <returns>The model; <see cref="ReadIssues"/> lists what could not be read.</returns>
            /// {{ThrowsStrict}}
            public static {{model.Name}} FromJson(global::System.ReadOnlySpan<byte> utf8Json, {{Context}} context) => {{CSharpTypes.Runtime}}ContractJson.Parse<{{model.Name}}>(utf8Json, context);

            /// <summary>Reads a {{model.Name}} from a JSON string as the context says: strict, or tolerant with a secret to scrub.</summary>
            /// <param name="json">The JSON document.</param>
            /// <param name="context">Strict or tolerant, the secret to scrub; collects the issues met.</param>
            /// <returns>The model; <see cref="ReadIssues"/> lists what could not be read.</returns>
            /// {{ThrowsStrict}}
            public static {{model.Name}} FromJson(string json, {{Context}} context) => {{CSharpTypes.Runtime}}ContractJson.Parse<{{model.Name}}>(json, context);

            /// <summary>Reads a {{model.Name}} from a reader positioned on its start.</summary>
            /// <param name="reader">The reader, on the object's first token; left on its last.</param>
            /// <param name="context">Strict or tolerant, the secret to scrub; collects the issues met.</param>
            /// <returns>The model.</returns>
            /// <exception cref="global::System.Text.Json.JsonException">The reader is not on an object, the JSON is not well formed, or the context is strict and a field could not be read.</exception>
            """);
        w.Open($"public static {model.Name} ReadJson(ref {CSharpTypes.Json}Utf8JsonReader reader, {Context} context)");
        w.Lines($$"""
            if (context is null)
            {
                throw new global::System.ArgumentNullException(nameof(context));
            }

            {{Read}}StartObject(ref reader, {{CSharpTypes.String(model.Name)}});
            var issueStart = context.IssueCount;
            """);
        foreach (var field in model.Fields)
        {
            w.Line(field.Type.IsArray
                ? $"{CSharpTypes.Collections}List<{CSharpTypes.Item(field)}>? {CSharpTypes.Local(field)} = null;"
                : $"{CSharpTypes.ResponseProperty(field)} {CSharpTypes.Local(field)} = null;");
        }

        w.Open($"while (reader.Read() && reader.TokenType == {CSharpTypes.Json}JsonTokenType.PropertyName)");
        if (model.Fields.IsEmpty)
        {
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
        }
        else
        {
            w.Open("switch (FieldOf(ref reader))");
            for (var index = 0; index < model.Fields.Count; index++)
            {
                var field = model.Fields[index];
                var path = CSharpTypes.String(model.Name + "." + field.JsonName);
                w.Open($"case {index.ToString(CultureInfo.InvariantCulture)}: // {field.PropertyName}");
                w.Line("reader.Read();");
                var keyword = "if";
                if (!field.Nullable)
                {
                    // Tolerant reading takes null as absent; strict reading keeps the contract's word.
                    w.Open($"if (reader.TokenType == {Null})");
                    w.Line($"{Read}NullNotAllowed(context, {path});");
                    w.Close();
                    keyword = "else if";
                }

                if (field.Type.IsArray)
                {
                    w.Open($"{keyword} ({Read}TryStartArray(ref reader, context, {path}))");
                    w.Line($"{CSharpTypes.Local(field)} = new();");
                    w.Open($"while (reader.Read() && reader.TokenType != {CSharpTypes.Json}JsonTokenType.EndArray)");
                    w.Open($"if (reader.TokenType == {Null})");
                    w.Line($"{Read}NullNotAllowed(context, {path});");
                    w.Close();
                    if (field.Type.Kind == FieldKind.Model)
                    {
                        w.Open($"else if ({Read}TryStartObject(ref reader, context, {path}))");
                        w.Line($"{CSharpTypes.Local(field)}.Add({CSharpTypes.Qualified(ns, field.Type.Name!)}.ReadJson(ref reader, context));");
                    }
                    else
                    {
                        w.Open($"else if ({ReadValue(ns, field, path)} is {{ }} item)");
                        w.Line($"{CSharpTypes.Local(field)}.Add(item);");
                    }

                    w.Close();
                    w.Close();
                    w.Close();
                }
                else if (field.Type.Kind == FieldKind.Model)
                {
                    w.Open($"{keyword} ({Read}TryStartObject(ref reader, context, {path}))");
                    w.Line($"{CSharpTypes.Local(field)} = {CSharpTypes.Qualified(ns, field.Type.Name!)}.ReadJson(ref reader, context);");
                    w.Close();
                }
                else if (field.Nullable)
                {
                    w.Line($"{CSharpTypes.Local(field)} = {ReadValue(ns, field, path)};");
                }
                else
                {
                    w.Open("else");
                    w.Line($"{CSharpTypes.Local(field)} = {ReadValue(ns, field, path)};");
                    w.Close();
                }

                w.Line("break;");
                w.Close();
            }

            w.Lines("""
                default:
                    // Unknown fields are ignored: the service may add fields at any time.
                    reader.Read();
                    reader.Skip();
                    break;
                """);
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

        w.Line("ReadIssues = context.IssuesSince(issueStart),");
        w.Close(";");
        if (!model.Fields.IsEmpty)
        {
            w.Line();
            EmitFieldOf(w, model.Fields);
        }

        w.Close();
        w.Line();
        JsonWriterEmitter.EmitModelWriter(w, model);
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// Emits <c>FieldOf</c>, a local function of <c>ReadJson</c> (so no contract field's property can clash with it): the
    /// index of the field the property name names, or -1. A plain name is matched by its length and then its bytes, one
    /// comparison for most names; an escaped one (rare) is unescaped and compared field by field, and one that cannot be
    /// unescaped (a lone surrogate) names no field.
    /// </summary>
    private static void EmitFieldOf(SourceWriter w, EquatableArray<FieldSpec> fields)
    {
        w.Open($"static int FieldOf(ref {CSharpTypes.Json}Utf8JsonReader reader)");
        w.Open("if (reader.ValueIsEscaped || reader.HasValueSequence)");
        w.Open($"if (reader.ValueIsEscaped && !{Read}IsReadableName(ref reader))");
        w.Line("return -1;");
        w.Close();
        for (var i = 0; i < fields.Count; i++)
        {
            w.Gap();
            ReturnIf(w, $"reader.ValueTextEquals({CSharpTypes.Utf8(fields[i].JsonName)})", i);
        }

        w.Gap();
        w.Line("return -1;");
        w.Close();
        w.Gap();
        w.Line("var name = reader.ValueSpan;");
        w.Open("switch (name.Length)");
        foreach (var group in fields.Select((f, i) => (Field: f, Index: i)).GroupBy(f => System.Text.Encoding.UTF8.GetByteCount(f.Field.JsonName)).OrderBy(g => g.Key))
        {
            w.Open($"case {group.Key.ToString(CultureInfo.InvariantCulture)}:");
            foreach (var (field, index) in group)
            {
                ReturnIf(w, $"global::System.MemoryExtensions.SequenceEqual(name, {CSharpTypes.Utf8(field.JsonName)})", index);
                w.Gap();
            }

            w.Line("return -1;");
            w.Close();
        }

        w.Line("default:");
        w.Line("    return -1;");
        w.Close();
        w.Close();
    }

    private static void ReturnIf(SourceWriter w, string condition, int index)
    {
        w.Open($"if ({condition})");
        w.Line($"return {index.ToString(CultureInfo.InvariantCulture)};");
        w.Close();
    }

    /// <summary>A scalar value (or array item) of <paramref name="field"/>: nullable, null when it could not be read.</summary>
    private static string ReadValue(string ns, FieldSpec field, string path) => FieldKindTraits.Of(field).Reader is { } reader
        ? $"{Read}{reader}(ref reader, context, {path})"
        : field.Type.Kind == FieldKind.Enum
            ? $"{CSharpTypes.Qualified(ns, field.Type.Name!)}.Read(ref reader, context, {path})"
            : $"{CSharpTypes.Qualified(ns, field.Type.Name!)}.ReadJson(ref reader, context)"; // models are read above; kept for completeness
}
