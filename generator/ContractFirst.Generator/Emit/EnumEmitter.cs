using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits a string enum as an extensible struct: the listed values are static members, and a value
/// the contract does not list (a new task state, say) is kept rather than failing the read.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(string ns, EnumSpec enumSpec) =>
        Emit(ns, enumSpec.Name, Docs.Sentence(enumSpec.Description, enumSpec.Name + " values."),
            enumSpec.Values.Select(v => (v.Value, v.Name, v.Description)).ToList(), defaultValue: null, defaultSummary: null);

    /// <summary>The model ids of an action, as the type of its request's model property.</summary>
    public static string Emit(string ns, ActionSpec action) =>
        Emit(ns, action.ModelTypeName, $"The models the {action.Value} action accepts.",
            action.Models.Select(m => (m.Value, m.Name, m.Description)).ToList(), action.DefaultModel, "The model sent when a request sets none");

    /// <summary>The model ids an endpoint declares once, as the type of the model property of every request of the endpoint.</summary>
    public static string Emit(string ns, EndpointSpec endpoint) =>
        Emit(ns, endpoint.ModelTypeName, $"The models of the {endpoint.Key} endpoint, shared by its actions; an action may accept only some of them (see its request's model property).",
            endpoint.Models.Select(m => (m.Value, m.Name, m.Description)).ToList(), endpoint.DefaultModel,
            "The endpoint's default model, sent when a request sets none unless its action has a default of its own");

    private static string Emit(
        string @namespace, string name, string summary, List<(string Value, string Name, string? Description)> values, string? defaultValue, string? defaultSummary)
    {
        var allowed = string.Join(", ", values.Select(v => v.Value));
        var w = Header.Start(@namespace);
        w.Summary(summary, "Known values: " + allowed + ". A value read from a response that the contract does not list is kept as it is; IsKnown tells them apart.");
        w.Line(Header.GeneratedCode);
        w.Line("[global::System.Diagnostics.DebuggerDisplay(\"{Value,nq}\")]");
        w.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        w.Lines($$"""
            private readonly string? _value;

            /// <summary>Creates a value from its JSON string; prefer the static members, which are the values the contract lists.</summary>
            /// <param name="value">The JSON string.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is null.</exception>
            public {{name}}(string value)
            {
                global::System.ArgumentNullException.ThrowIfNull(value);
                _value = value;
            }
            """);

        foreach (var value in values)
        {
            var description = value.Description is null ? "" : Docs.Escape(Docs.Sentence(value.Description, value.Value)) + " ";
            w.Lines($$"""

                /// <summary>{{description}}JSON: {{Docs.Code(value.Value)}}.</summary>
                public static {{name}} {{value.Name}} { get; } = new({{CSharpTypes.String(value.Value)}});
                """);
        }

        // The parser made the default one of the values; a default it could not resolve is left out.
        if (defaultValue is not null && values.FirstOrDefault(v => v.Value == defaultValue).Name is { } member)
        {
            w.Lines($$"""

                /// <summary>{{defaultSummary}}: <see cref="{{member}}"/> ({{Docs.Code(defaultValue)}}).</summary>
                public static {{name}} Default => {{member}};
                """);
        }

        var members = string.Join(", ", values.Select(v => v.Name));
        var known = string.Join(" or ", values.Select(v => CSharpTypes.String(v.Value)));
        w.Lines($$"""

            /// <summary>Every value the contract lists, in contract order.</summary>
            public static {{CSharpTypes.Collections}}IReadOnlyList<{{name}}> KnownValues { get; } = [{{members}}];

            /// <summary>The JSON string of this value.</summary>
            public string Value => _value ?? string.Empty;

            /// <summary>Whether this is a value the contract lists.</summary>
            public bool IsKnown => Value is {{known}};

            /// <summary>The listed values as text, for validation messages.</summary>
            internal const string AllowedValues = {{CSharpTypes.String(allowed)}};

            /// <summary>Reads a JSON string (a number is kept as its text), reusing the listed instances so known values allocate nothing; null for null or a value that is neither (an issue on the context).</summary>
            """);
        w.Open($"internal static {name}? Read(ref {CSharpTypes.Json}Utf8JsonReader reader, {CSharpTypes.Runtime}JsonReadContext context, string path)");
        w.Open($"if (reader.TokenType == {CSharpTypes.Json}JsonTokenType.String && !reader.ValueIsEscaped)");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Open($"if (reader.ValueTextEquals({CSharpTypes.Utf8(value.Value)}))");
            w.Line($"return {value.Name};");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line($"return {CSharpTypes.Runtime}JsonRead.EnumText(ref reader, context, path) is {{ }} text ? new {name}(text) : default({name}?);");
        w.Close();
        JsonWriterEmitter.EmitEnumWriter(w, values.Select(v => (v.Value, v.Name)).ToList());

        // The members every extensible enum has, whatever its values.
        w.Lines($$"""

            /// <inheritdoc/>
            public bool Equals({{name}} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

            /// <summary>The JSON string of this value.</summary>
            public override string ToString() => Value;

            /// <summary>Compares two values by their JSON strings.</summary>
            /// <param name="left">The first value.</param>
            /// <param name="right">The second value.</param>
            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            /// <summary>Compares two values by their JSON strings.</summary>
            /// <param name="left">The first value.</param>
            /// <param name="right">The second value.</param>
            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            /// <summary>Converts a JSON string to a value; validation rejects strings the contract does not list.</summary>
            /// <param name="value">The JSON string.</param>
            public static implicit operator {{name}}(string value) => new(value);
            """);
        w.Close();
        return w.ToString();
    }
}
