namespace ContractFirst.Runtime;

/// <summary>
/// What one check of a contract demands of one field: the field, the rule and its limits, without the value given.
/// </summary>
/// <remarks>
/// Generated validators make each rule once, as a static field, and record a violation as the rule plus the value
/// (<see cref="ValidationErrors"/>), so an invalid request costs a few bytes per violation and no text until a
/// message is read.
/// </remarks>
public sealed class ValidationRule
{
    private ValidationRule(string field, string name, ValidationRuleKind kind, string? list = null, long min = 0, long max = 0, BoundFlags bounds = BoundFlags.None, string? when = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
        Name = name;
        Kind = kind;
        List = list;
        Min = min;
        Max = max;
        Bounds = bounds;
        Condition = when;
    }

    [Flags]
    internal enum BoundFlags : byte
    {
        None = 0,
        HasMin = 1,
        HasMax = 2,
        Integer = 4,
    }

    /// <summary>Gets the JSON name of the field (a list of fields for a group rule), as the contract names it.</summary>
    public string Field { get; }

    /// <summary>Gets the rule's name as <see cref="ValidationError.Rule"/> reports it, for example <c>range</c>.</summary>
    public string Name { get; }

    internal ValidationRuleKind Kind { get; }

    /// <summary>Gets the allowed values, the pattern, the other field or the condition, as the kind needs.</summary>
    internal string? List { get; }

    /// <summary>Gets the lower limit: a <see cref="long"/>, or a <see cref="double"/>'s bits when the rule is not <see cref="BoundFlags.Integer"/>.</summary>
    internal long Min { get; }

    /// <summary>Gets the upper limit, stored as <see cref="Min"/> is.</summary>
    internal long Max { get; }

    internal BoundFlags Bounds { get; }

    /// <summary>Gets the condition under which the rule applies (<c>model is kling-v1</c>), or null when it always does.</summary>
    internal string? Condition { get; }

    /// <summary>A required field.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <returns>The rule; its error reads <c>prompt is required</c>.</returns>
    public static ValidationRule Required(string field) => new(field, "required", ValidationRuleKind.Required);

    /// <summary>An integer within inclusive bounds.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The smallest allowed value, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The largest allowed value, or <see langword="null"/> for no upper bound.</param>
    /// <returns>The rule; its error reads <c>duration must be between 3 and 15 (was 16)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationRule Range(string field, long? min, long? max) =>
        Integers(field, "range", ValidationRuleKind.Range, min, max, "A range error needs a minimum, a maximum or both.");

    /// <summary>A number within inclusive bounds.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The smallest allowed value, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The largest allowed value, or <see langword="null"/> for no upper bound.</param>
    /// <returns>The rule; its error reads <c>strength must be between 0 and 1 (was 1.5)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationRule Range(string field, double? min, double? max) =>
        new(field, "range", ValidationRuleKind.Range, min: Bits(min), max: Bits(max),
            bounds: Limits(min.HasValue, max.HasValue, "A range error needs a minimum, a maximum or both.", nameof(min)));

    /// <summary>A number that must be finite (JSON can't carry NaN or infinities).</summary>
    /// <param name="field">The JSON field name.</param>
    /// <returns>The rule; its error reads <c>strength must be a finite number (was NaN)</c>.</returns>
    public static ValidationRule Finite(string field) => new(field, "range", ValidationRuleKind.NotFinite);

    /// <summary>An array with a number of items within inclusive bounds.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The fewest items allowed, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The most items allowed, or <see langword="null"/> for no upper bound.</param>
    /// <returns>The rule; its error reads <c>image_urls must have between 1 and 9 items (had 10)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationRule ItemCount(string field, int? min, int? max) =>
        Integers(field, "items", ValidationRuleKind.ItemCount, min, max, "An item count error needs a minimum, a maximum or both.");

    /// <summary>An absolute http or https URL.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <returns>The rule; its error reads <c>image_url must be an absolute http or https URL (was "ftp://x")</c>.</returns>
    public static ValidationRule HttpUrl(string field) => new(field, "url", ValidationRuleKind.NotHttpUrl);

    /// <summary>Well-formed UTF-16 (no unpaired surrogate, which has no UTF-8 form).</summary>
    /// <param name="field">The JSON field name.</param>
    /// <returns>The rule; its error reads <c>prompt must be well-formed UTF-16: unpaired surrogate U+D800 at index 5</c>.</returns>
    public static ValidationRule WellFormed(string field) => new(field, "utf16", ValidationRuleKind.UnpairedSurrogate);

    /// <summary>A value from a fixed set of strings or numbers.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="allowedList">The allowed values, already joined, for example <c>16:9, 9:16</c>.</param>
    /// <returns>The rule; its error reads <c>ratio must be one of 16:9, 9:16 (was "2:1")</c>.</returns>
    public static ValidationRule Allowed(string field, string allowedList)
    {
        ArgumentNullException.ThrowIfNull(allowedList);
        return new(field, "allowed", ValidationRuleKind.NotAllowed, list: allowedList);
    }

    /// <summary>
    /// A string's length within inclusive bounds, counted in Unicode code points (a surrogate pair is one character), as
    /// JSON Schema's <c>minLength</c> and <c>maxLength</c> count them.
    /// </summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The fewest characters allowed, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The most characters allowed, or <see langword="null"/> for no upper bound.</param>
    /// <returns>The rule; its error reads <c>negative_prompt must be at most 200 characters (was 231)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationRule Length(string field, int? min, int? max) =>
        Integers(field, "length", ValidationRuleKind.Length, min, max, "A length error needs a minimum, a maximum or both.");

    /// <summary>A string matching the contract's pattern.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="pattern">The pattern, as <see cref="Validate.Pattern(string)"/> built it.</param>
    /// <returns>The rule; its error reads <c>aspect_ratio must match ^\d+:\d+$ (was "16x9")</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static ValidationRule Pattern(string field, System.Text.RegularExpressions.Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(field, "pattern", ValidationRuleKind.Pattern, list: pattern.ToString());
    }

    /// <summary>A group of fields of which exactly one must be set.</summary>
    /// <param name="fields">The fields, already joined, for example <c>video_id, video_url</c>.</param>
    /// <returns>The rule; its error, given how many are set, reads <c>exactly one of video_id, video_url must be set (2 were)</c>.</returns>
    public static ValidationRule ExactlyOneOf(string fields) => new(fields, "exactly_one_of", ValidationRuleKind.ExactlyOneOf);

    /// <summary>A group of fields of which at least one must be set.</summary>
    /// <param name="fields">The fields, already joined, for example <c>prompt, image_url</c>.</param>
    /// <returns>The rule; its error reads <c>at least one of prompt, image_url must be set</c>.</returns>
    public static ValidationRule AtLeastOneOf(string fields) => new(fields, "at_least_one_of", ValidationRuleKind.AtLeastOneOf);

    /// <summary>A field that needs another when it is set.</summary>
    /// <param name="field">The field that is set.</param>
    /// <param name="required">The field it needs.</param>
    /// <returns>The rule; its error reads <c>end_image_url requires image_url</c>.</returns>
    public static ValidationRule Requires(string field, string required) => new(field, "requires", ValidationRuleKind.Requires, list: required);

    /// <summary>Two fields that may not be set together.</summary>
    /// <param name="field">The field whose rule forbids the other.</param>
    /// <param name="forbidden">The other field.</param>
    /// <returns>The rule; its error reads <c>end_image_url cannot be sent with camera_control</c>.</returns>
    public static ValidationRule Forbids(string field, string forbidden) => new(field, "forbids", ValidationRuleKind.Forbids, list: forbidden);

    /// <summary>A field a condition requires.</summary>
    /// <param name="field">The field.</param>
    /// <param name="condition">The condition, for example <c>custom is true</c>.</param>
    /// <returns>The rule; its error reads <c>lyric is required when custom is true</c>.</returns>
    public static ValidationRule RequiredWhen(string field, string condition) => new(field, "required", ValidationRuleKind.RequiredWhen, list: condition);

    /// <summary>A field a condition forbids.</summary>
    /// <param name="field">The field.</param>
    /// <param name="condition">The condition, for example <c>model is kling-v1</c>.</param>
    /// <returns>The rule; its error reads <c>end_image_url must not be set when model is kling-v1</c>.</returns>
    public static ValidationRule ForbiddenWhen(string field, string condition) => new(field, "forbidden", ValidationRuleKind.ForbiddenWhen, list: condition);

    /// <summary>The same rule, applying only while a condition holds: its messages say which.</summary>
    /// <param name="condition">The condition, for example <c>model is kling-v1</c>.</param>
    /// <returns>The rule with <c>when</c> and the condition after its messages.</returns>
    public ValidationRule When(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(Field, Name, Kind, List, Min, Max, Bounds, Condition is null ? condition : Condition + " when " + condition);
    }

    private static ValidationRule Integers(string field, string name, ValidationRuleKind kind, long? min, long? max, string noBounds) =>
        new(field, name, kind, min: min ?? 0, max: max ?? 0, bounds: BoundFlags.Integer | Limits(min.HasValue, max.HasValue, noBounds, nameof(min)));

    /// <summary>Which limits a rule has; <paramref name="noBounds"/> is the error when it has neither.</summary>
    private static BoundFlags Limits(bool hasMin, bool hasMax, string noBounds, string paramName) =>
        hasMin || hasMax
            ? (hasMin ? BoundFlags.HasMin : BoundFlags.None) | (hasMax ? BoundFlags.HasMax : BoundFlags.None)
            : throw new ArgumentException(noBounds, paramName);

    private static long Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : 0;
}

/// <summary>What a <see cref="ValidationRule"/> checks, which decides how its message reads.</summary>
internal enum ValidationRuleKind : byte
{
    Required,
    Range,
    NotFinite,
    ItemCount,
    NotHttpUrl,
    UnpairedSurrogate,
    NotAllowed,
    Length,
    Pattern,
    ExactlyOneOf,
    AtLeastOneOf,
    Requires,
    Forbids,
    RequiredWhen,
    ForbiddenWhen,
}
