using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>The scalar kinds a contract field can have.</summary>
public enum FieldKind
{
    String,
    Url,
    Integer,
    Number,
    Boolean,

    /// <summary>Unix seconds as a floating-point number, surfaced as <c>DateTimeOffset</c>.</summary>
    Timestamp,
    Enum,
    Model,

    /// <summary>A request object declared under <c>objects</c>.</summary>
    Object,
}

/// <summary>A field's type: a scalar kind, or a named enum or model; optionally an array of it.</summary>
/// <param name="Name">The enum, model or object name for <see cref="FieldKind.Enum"/>, <see cref="FieldKind.Model"/> and <see cref="FieldKind.Object"/>.</param>
public sealed record TypeRef(FieldKind Kind, string? Name, bool IsArray)
{
    /// <summary>Gets the type as a contract writes it: <c>integer</c>, <c>Resolution</c>, <c>array of url</c>.</summary>
    public string Text => (IsArray ? "array of " : "") + (Name ?? Kind.ToString().ToLowerInvariant());
}

/// <summary>One field of a request or response, with its constraints resolved for its owner.</summary>
/// <param name="JsonName">The wire name, e.g. <c>image_urls</c>.</param>
/// <param name="PropertyName">The C# property name, e.g. <c>ImageUrls</c>.</param>
/// <param name="Nullable">For responses: whether JSON <c>null</c> is accepted.</param>
/// <param name="Min">Inclusive lower bound of a number.</param>
/// <param name="Max">Inclusive upper bound of a number.</param>
/// <param name="MinItems">Inclusive lower bound of an array's length.</param>
/// <param name="MaxItems">Inclusive upper bound of an array's length.</param>
public sealed record FieldSpec(
    string JsonName,
    string PropertyName,
    TypeRef Type,
    string? Description,
    bool Required,
    bool Nullable,
    decimal? Min,
    decimal? Max,
    int? MinItems,
    int? MaxItems)
{
    /// <summary>
    /// Gets the value the service applies when a request leaves the field out, as text: the wire value of a
    /// string, url or enum, a number in invariant form (<c>300</c>, <c>0.5</c>), or <c>true</c>/<c>false</c>.
    /// Documentation only for the SDK, which never sends it unless the caller sets the field.
    /// </summary>
    public string? Default { get; init; }

    /// <summary>Gets the inclusive lower bound of a string's length, in Unicode code points (JSON Schema's <c>minLength</c>).</summary>
    public int? MinLength { get; init; }

    /// <summary>Gets the inclusive upper bound of a string's length, in Unicode code points (JSON Schema's <c>maxLength</c>).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Gets the regular expression a string must match (searched, not anchored, as in JSON Schema), valid in ECMAScript and .NET.</summary>
    public string? Pattern { get; init; }

    /// <summary>Gets the only numbers an integer or number field accepts; empty when any number in range is allowed.</summary>
    public EquatableArray<decimal> Values { get; init; }
}
