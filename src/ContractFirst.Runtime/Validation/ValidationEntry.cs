namespace ContractFirst.Runtime;

/// <summary>
/// One violation as recorded: the rule, the value given, and where the field is (a list item, a nested object's path).
/// <see cref="ValidationError"/> is made from it only when read.
/// </summary>
internal readonly struct ValidationEntry
{
    public ValidationEntry(ValidationRule rule, ValidationValueKind kind, string? text, long value, int item = -1, string? within = null)
    {
        Rule = rule;
        Kind = kind;
        Text = text;
        Value = value;
        Item = item;
        Within = within;
    }

    public ValidationRule Rule { get; }

    /// <summary>Gets the value given as text, for text values and the string an unpaired surrogate is in.</summary>
    public string? Text { get; }

    /// <summary>Gets the path of the object the field is in, or null for a field of the request itself.</summary>
    public string? Within { get; }

    /// <summary>Gets the value given: an integer, or a <see cref="double"/>'s bits (<see cref="ValidationValueKind.Number"/>).</summary>
    public long Value { get; }

    /// <summary>Gets the index of the list item at fault, or -1 when the field is not a list item.</summary>
    public int Item { get; }

    public ValidationValueKind Kind { get; }

    public static ValidationEntry UnpairedSurrogate(ValidationRule rule, string value, int index)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, value.Length);
        return new(rule, ValidationValueKind.Integer, value, index);
    }

    public ValidationEntry AtItem(int item) => new(Rule, Kind, Text, Value, item, Within);

    /// <summary>The same violation, of a field in the object at <paramref name="path"/>.</summary>
    public ValidationEntry Under(string path) => new(Rule, Kind, Text, Value, Item, Within is null ? path : path + "." + Within);

    /// <summary>The same violation, of a rule that applies only while <paramref name="condition"/> holds.</summary>
    public ValidationEntry When(string condition) => new(Rule.When(condition), Kind, Text, Value, Item, Within);
}

/// <summary>What <see cref="ValidationEntry.Value"/> and <see cref="ValidationEntry.Text"/> hold.</summary>
internal enum ValidationValueKind : byte
{
    None,
    Integer,
    Number,
    Text,
}
