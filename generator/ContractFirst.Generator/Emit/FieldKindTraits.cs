using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// How each field kind appears in generated code, in one table: its C# type, the runtime reader,
/// how it is written, and whether it is a reference type. Enums and models take their type from
/// the contract's name, and read through their own generated <c>Read</c>/<c>ReadJson</c>; request
/// objects are written through their own <c>WriteJson</c>.
/// </summary>
/// <param name="CSharpType">The C# type; null for enums and models (the contract names them).</param>
/// <param name="Reader">The <c>JsonRead</c> method; null for enums and models.</param>
/// <param name="WriteProperty">Writes a named property: <c>{0}</c> the pre-encoded name, <c>{1}</c> the value.</param>
/// <param name="WriteValue">Writes an array item: <c>{0}</c> the value.</param>
/// <param name="IsReference">Whether the C# type is a reference type.</param>
internal sealed record FieldKindTraits(string? CSharpType, string? Reader, string WriteProperty, string WriteValue, bool IsReference)
{
    private static readonly FieldKindTraits Text = new("string", "String", "writer.WriteString({0}, {1});", "writer.WriteStringValue({0});", IsReference: true);
    private static readonly FieldKindTraits Int32 = new("int", "Int32", "writer.WriteNumber({0}, {1});", "writer.WriteNumberValue({0});", IsReference: false);

    /// <summary>Integers whose bounds do not fit an <c>int</c>.</summary>
    public static readonly FieldKindTraits Int64 = Int32 with { CSharpType = "long", Reader = "Int64" };

    private static readonly Dictionary<FieldKind, FieldKindTraits> s_byKind = new()
    {
        [FieldKind.String] = Text,
        [FieldKind.Url] = Text,
        [FieldKind.Integer] = Int32,
        [FieldKind.Number] = Int32 with { CSharpType = "double", Reader = "Double" },
        [FieldKind.Boolean] = new("bool", "Boolean", "writer.WriteBoolean({0}, {1});", "writer.WriteBooleanValue({0});", IsReference: false),
        [FieldKind.Timestamp] = new("global::System.DateTimeOffset", "UnixSeconds",
            "writer.WriteNumber({0}, {1}.ToUnixTimeMilliseconds() / 1000d);", "writer.WriteNumberValue({0}.ToUnixTimeMilliseconds() / 1000d);", IsReference: false),
        [FieldKind.Enum] = new(null, null, "{1}.WriteJson(writer, {0});", "{0}.WriteJson(writer);", IsReference: false),
        [FieldKind.Model] = new(null, null, "writer.WritePropertyName({0});\n{1}.WriteJson(writer);", "{0}.WriteJson(writer);", IsReference: true),
        [FieldKind.Object] = new(null, null, "writer.WritePropertyName({0});\n{1}.WriteJson(writer);", "{0}.WriteJson(writer);", IsReference: true),
    };

    /// <summary>The traits of <paramref name="field"/>'s kind (of its items, for an array).</summary>
    public static FieldKindTraits Of(FieldSpec field) =>
        field.Type.Kind == FieldKind.Integer && CSharpTypes.IsLong(field) ? Int64 : s_byKind[field.Type.Kind];
}
