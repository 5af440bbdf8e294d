using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>How contract types appear in generated C#.</summary>
internal static class CSharpTypes
{
    public const string Runtime = "global::ContractFirst.Runtime.";
    public const string Json = "global::System.Text.Json.";
    public const string Collections = "global::System.Collections.Generic.";
    public const string Tasks = "global::System.Threading.Tasks.";
    public const string CancellationToken = "global::System.Threading.CancellationToken";

    /// <summary>The C# type of one value of <paramref name="field"/> (the item type for arrays).</summary>
    public static string Item(FieldSpec field) => FieldKindTraits.Of(field).CSharpType ?? field.Type.Name!;

    /// <summary>Integers stay <c>int</c> unless the contract's bounds (or the values it lists) need more.</summary>
    public static bool IsLong(FieldSpec field) =>
        field.Min < int.MinValue || field.Max > int.MaxValue || field.Values.Any(v => v < int.MinValue || v > int.MaxValue);

    public static bool IsReferenceType(FieldSpec field) =>
        field.Type.IsArray || FieldKindTraits.Of(field).IsReference;

    /// <summary>A request property: required values are non-nullable, optional ones nullable (unset is omitted).</summary>
    /// <summary>Whether a request always has the field: a required value type can't be left unset (or null).</summary>
    public static bool IsAlwaysSet(FieldSpec field) => field.Required && !IsReferenceType(field);

    public static string RequestProperty(FieldSpec field)
    {
        var type = field.Type.IsArray ? Collections + "IList<" + Item(field) + ">" : Item(field);
        return field.Required ? type : type + "?";
    }

    /// <summary>A response property: arrays are never null (empty when absent), everything else may be absent.</summary>
    public static string ResponseProperty(FieldSpec field) =>
        field.Type.IsArray ? Collections + "IReadOnlyList<" + Item(field) + ">" : Item(field) + "?";

    public static string Literal(decimal value, FieldSpec field) =>
        field.Type.Kind == FieldKind.Integer
            ? value.ToString("0", CultureInfo.InvariantCulture) + (IsLong(field) ? "L" : "")
            : ((double)value).ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>
    /// A regular string literal. Every character a C# literal can't hold as is (line terminators
    /// \r \n U+0085 U+2028 U+2029, other control characters, unpaired surrogates) is escaped.
    /// </summary>
    public static string String(string value) => Literals.String(value);

    /// <summary>A UTF-8 string literal, so JSON names and values are written without transcoding.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>
    /// A generated type as an expression. Qualified because a property may share its type's name
    /// (<c>public Ratio? Ratio</c>), and inside that class <c>Ratio.X</c> would mean the property.
    /// </summary>
    public static string Qualified(ContractSpec spec, string typeName) => Qualified(spec.Namespace, typeName);

    /// <inheritdoc cref="Qualified(ContractSpec, string)"/>
    public static string Qualified(string ns, string typeName) => "global::" + ns + "." + typeName;

    /// <summary>The local a field's value is bound to, suffixed so it can't shadow a parameter or type.</summary>
    public static string Local(FieldSpec field) => Naming.ToCamelCase(field.PropertyName) + "Value";
}
