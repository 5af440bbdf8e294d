using System.Globalization;

namespace ContractFirst.Runtime;

/// <summary>
/// One broken constraint of a request: which field, which rule, and the offending value.
/// </summary>
/// <remarks>
/// An error is the rule broken (<see cref="ValidationRule"/>) and the value given; it builds <see cref="Field"/>,
/// <see cref="Message"/> and <see cref="Value"/> the first time they are read, so a caller that only counts errors pays
/// for no text. Generated validators do not make errors at all: <see cref="ValidationResult.Errors"/> makes each when read.
/// </remarks>
public sealed class ValidationError
{
    private string? _field;
    private string? _message;
    private string? _value;
    private bool _valueBuilt;

    internal ValidationError(in ValidationEntry entry) => Entry = entry;

    /// <summary>Gets the JSON name of the field, with an index for array items (for example <c>image_urls[2]</c>).</summary>
    public string Field => _field ??= BuildField();

    /// <summary>Gets the rule that failed: <c>required</c>, <c>range</c>, <c>items</c>, <c>length</c>, <c>pattern</c>, <c>url</c>, <c>utf16</c> or <c>allowed</c>.</summary>
    public string Rule => Entry.Rule.Name;

    /// <summary>Gets a sentence naming the field, the rule and the value, for example <c>duration must be between 3 and 15 (was 16)</c>.</summary>
    public string Message => _message ??= BuildMessage();

    /// <summary>Gets the offending value as text, or <see langword="null"/> when the value is missing.</summary>
    public string? Value
    {
        get
        {
            if (!_valueBuilt)
            {
                _value = BuildValue();
                _valueBuilt = true;
            }

            return _value;
        }
    }

    internal ValidationEntry Entry { get; }

    /// <summary>Creates the error for a missing required field.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <returns>The error, for example <c>prompt is required</c>.</returns>
    public static ValidationError Required(string field) => Of(ValidationRule.Required(field));

    /// <summary>Creates the error for an integer outside its inclusive range.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The smallest allowed value, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The largest allowed value, or <see langword="null"/> for no upper bound.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>duration must be between 3 and 15 (was 16)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationError OutOfRange(string field, long? min, long? max, long value) =>
        Of(ValidationRule.Range(field, min, max), value);

    /// <summary>Creates the error for a number outside its inclusive range.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The smallest allowed value, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The largest allowed value, or <see langword="null"/> for no upper bound.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>strength must be between 0 and 1 (was 1.5)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationError OutOfRange(string field, double? min, double? max, double value) =>
        Of(ValidationRule.Range(field, min, max), value);

    /// <summary>Creates the error for a number that is NaN or infinite, which JSON can't carry.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>strength must be a finite number (was NaN)</c>.</returns>
    public static ValidationError NotFinite(string field, double value) =>
        Of(ValidationRule.Finite(field), value);

    /// <summary>Creates the error for an array with too few or too many items.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The fewest items allowed, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The most items allowed, or <see langword="null"/> for no upper bound.</param>
    /// <param name="count">The number of items given.</param>
    /// <returns>The error, for example <c>image_urls must have between 1 and 9 items (had 10)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationError ItemCount(string field, int? min, int? max, int count) =>
        Of(ValidationRule.ItemCount(field, min, max), count);

    /// <summary>Creates the error for a value that is not an absolute http or https URL.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>image_url must be an absolute http or https URL (was "ftp://x")</c>.</returns>
    public static ValidationError NotHttpUrl(string field, string value) => Of(ValidationRule.HttpUrl(field), value);

    /// <summary>
    /// Creates the error for a string with an unpaired UTF-16 surrogate, which has no UTF-8 form and so
    /// cannot be sent as it is (JSON writers replace it with U+FFFD).
    /// </summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="value">The value given.</param>
    /// <param name="index">The index of the first unpaired surrogate in <paramref name="value"/>.</param>
    /// <returns>The error, for example <c>prompt must be well-formed UTF-16: unpaired surrogate U+D800 at index 5</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of <paramref name="value"/>.</exception>
    public static ValidationError UnpairedSurrogate(string field, string value, int index) =>
        new(ValidationEntry.UnpairedSurrogate(ValidationRule.WellFormed(field), value, index));

    /// <summary>Creates the error for a value outside a fixed set.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="allowedList">The allowed values, already joined, for example <c>16:9, 9:16</c>.</param>
    /// <param name="value">The value given, or <see langword="null"/>.</param>
    /// <returns>The error, for example <c>ratio must be one of 16:9, 9:16 (was "2:1")</c>.</returns>
    public static ValidationError NotAllowed(string field, string allowedList, string? value) =>
        Of(ValidationRule.Allowed(field, allowedList), value);

    /// <summary>Creates the error for an integer outside a fixed set of numbers.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="allowedList">The allowed numbers, already joined, for example <c>5, 10</c>.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>duration must be one of 5, 10 (was 7)</c>.</returns>
    public static ValidationError NotAllowed(string field, string allowedList, long value) =>
        Of(ValidationRule.Allowed(field, allowedList), value);

    /// <summary>Creates the error for a number outside a fixed set of numbers.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="allowedList">The allowed numbers, already joined, for example <c>0.5, 1</c>.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>strength must be one of 0.5, 1 (was 0.75)</c>.</returns>
    public static ValidationError NotAllowed(string field, string allowedList, double value) =>
        Of(ValidationRule.Allowed(field, allowedList), value);

    /// <summary>
    /// Creates the error for a string with too few or too many characters, counted in Unicode code points (a
    /// surrogate pair is one character), as JSON Schema's <c>minLength</c> and <c>maxLength</c> count them.
    /// </summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The fewest characters allowed, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The most characters allowed, or <see langword="null"/> for no upper bound.</param>
    /// <param name="length">The number of characters given (<see cref="Validate.CodePointCount"/>).</param>
    /// <returns>The error, for example <c>negative_prompt must be at most 200 characters (was 231)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationError Length(string field, int? min, int? max, int length) =>
        Of(ValidationRule.Length(field, min, max), length);

    /// <summary>Creates the error for a string that does not match the contract's pattern.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="pattern">The pattern, as <see cref="Validate.Pattern(string)"/> built it.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>aspect_ratio must match ^\d+:\d+$ (was "16x9")</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static ValidationError PatternMismatch(string field, System.Text.RegularExpressions.Regex pattern, string value) =>
        Of(ValidationRule.Pattern(field, pattern), value);

    /// <summary>Creates the error for a group of fields of which exactly one must be set.</summary>
    /// <param name="fields">The fields, already joined, for example <c>video_id, video_url</c>.</param>
    /// <param name="set">How many of them are set.</param>
    /// <returns>The error, for example <c>exactly one of video_id, video_url must be set (2 were)</c>.</returns>
    public static ValidationError ExactlyOneOf(string fields, int set) =>
        Of(ValidationRule.ExactlyOneOf(fields), set);

    /// <summary>Creates the error for a group of fields of which none is set, when at least one must be.</summary>
    /// <param name="fields">The fields, already joined, for example <c>prompt, image_url</c>.</param>
    /// <returns>The error, for example <c>at least one of prompt, image_url must be set</c>.</returns>
    public static ValidationError AtLeastOneOf(string fields) => Of(ValidationRule.AtLeastOneOf(fields));

    /// <summary>Creates the error for a field that is set without another it needs.</summary>
    /// <param name="field">The field that is set.</param>
    /// <param name="required">The field it needs.</param>
    /// <returns>The error, for example <c>end_image_url requires image_url</c>.</returns>
    public static ValidationError Requires(string field, string required) => Of(ValidationRule.Requires(field, required));

    /// <summary>Creates the error for two fields that may not be set together.</summary>
    /// <param name="field">The field whose rule forbids the other.</param>
    /// <param name="forbidden">The other field.</param>
    /// <returns>The error, for example <c>end_image_url cannot be sent with camera_control</c>.</returns>
    public static ValidationError Forbids(string field, string forbidden) => Of(ValidationRule.Forbids(field, forbidden));

    /// <summary>Creates the error for a field a condition requires.</summary>
    /// <param name="field">The field.</param>
    /// <param name="condition">The condition, for example <c>custom is true</c>.</param>
    /// <returns>The error, for example <c>lyric is required when custom is true</c>.</returns>
    public static ValidationError RequiredWhen(string field, string condition) => Of(ValidationRule.RequiredWhen(field, condition));

    /// <summary>Creates the error for a field a condition forbids.</summary>
    /// <param name="field">The field.</param>
    /// <param name="condition">The condition, for example <c>model is kling-v1</c>.</param>
    /// <returns>The error, for example <c>end_image_url must not be set when model is kling-v1</c>.</returns>
    public static ValidationError ForbiddenWhen(string field, string condition) => Of(ValidationRule.ForbiddenWhen(field, condition));

    /// <summary>The same error, for a limit that applies only while a condition holds: the message says which.</summary>
    /// <param name="condition">The condition, for example <c>model is kling-v1</c>.</param>
    /// <returns>The error with <c>when</c> and the condition after its message.</returns>
    public ValidationError When(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(Entry.When(condition));
    }

    /// <summary>The same error, for a field of a nested object at <paramref name="path"/>: field and message name the full path.</summary>
    /// <param name="path">Where the object holding the field is, e.g. <c>camera_control</c> or <c>image_list[2]</c>.</param>
    /// <returns>The error with <c>path.</c> before its field.</returns>
    public ValidationError Within(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(Entry.Under(path));
    }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    private static ValidationError Of(ValidationRule rule) => new(new ValidationEntry(rule, ValidationValueKind.None, null, 0));

    private static ValidationError Of(ValidationRule rule, long value) => new(new ValidationEntry(rule, ValidationValueKind.Integer, null, value));

    private static ValidationError Of(ValidationRule rule, double value) =>
        new(new ValidationEntry(rule, ValidationValueKind.Number, null, BitConverter.DoubleToInt64Bits(value)));

    private static ValidationError Of(ValidationRule rule, string? value) => new(new ValidationEntry(rule, ValidationValueKind.Text, value, 0));

    /// <summary>The field as the rule names it, with the list item's index: what messages start with.</summary>
    private string OwnField() => Entry.Item < 0 ? Entry.Rule.Field : string.Create(CultureInfo.InvariantCulture, $"{Entry.Rule.Field}[{Entry.Item}]");

    private string BuildField() => Entry.Within is null && Entry.Item < 0 ? Entry.Rule.Field : (Entry.Within is null ? OwnField() : Entry.Within + "." + OwnField());

    private string BuildMessage()
    {
        var e = Entry;
        var rule = e.Rule;
        var field = OwnField();
        var message = rule.Kind switch
        {
            ValidationRuleKind.Required => $"{field} is required",
            ValidationRuleKind.Range => $"{field} must be {RangeBound(rule)} (was {ValueText(e)})",
            ValidationRuleKind.NotFinite => $"{field} must be a finite number (was {ValueText(e)})",
            ValidationRuleKind.ItemCount => $"{field} must have {CountBound(rule, "item")} (had {ValueText(e)})",
            ValidationRuleKind.NotHttpUrl => $"{field} must be an absolute http or https URL (was \"{e.Text}\")",

            // The message leaves the value out: it could not be shown, logged or sent without the surrogate turning into U+FFFD.
            ValidationRuleKind.UnpairedSurrogate => string.Create(
                CultureInfo.InvariantCulture, $"{field} must be well-formed UTF-16: unpaired surrogate U+{(int)e.Text![(int)e.Value]:X4} at index {e.Value}"),
            ValidationRuleKind.NotAllowed when e.Kind == ValidationValueKind.Text => $"{field} must be one of {rule.List} (was {(e.Text is null ? "null" : $"\"{e.Text}\"")})",
            ValidationRuleKind.NotAllowed => $"{field} must be one of {rule.List} (was {ValueText(e)})",
            ValidationRuleKind.Length => $"{field} must be {CountBound(rule, "character")} (was {ValueText(e)})",
            ValidationRuleKind.Pattern => $"{field} must match {rule.List} (was \"{e.Text}\")",
            ValidationRuleKind.ExactlyOneOf => $"exactly one of {field} must be set ({ValueText(e)} {(e.Value == 1 ? "was" : "were")})",
            ValidationRuleKind.AtLeastOneOf => $"at least one of {field} must be set",
            ValidationRuleKind.Requires => $"{field} requires {rule.List}",
            ValidationRuleKind.Forbids => $"{field} cannot be sent with {rule.List}",
            ValidationRuleKind.RequiredWhen => $"{field} is required when {rule.List}",
            ValidationRuleKind.ForbiddenWhen => $"{field} must not be set when {rule.List}",
            _ => throw new InvalidOperationException("Unknown validation rule kind."),
        };
        if (e.Within is not null)
        {
            // Every message but the group rules' starts with its field; those keep the full path in front.
            message = message.StartsWith(field, StringComparison.Ordinal) ? e.Within + "." + message : Field + ": " + message;
        }

        return rule.Condition is null ? message : message + " when " + rule.Condition;
    }

    private string? BuildValue() => Entry.Rule.Kind switch
    {
        ValidationRuleKind.Required or ValidationRuleKind.AtLeastOneOf or ValidationRuleKind.Requires or ValidationRuleKind.Forbids
            or ValidationRuleKind.RequiredWhen or ValidationRuleKind.ForbiddenWhen => null,
        ValidationRuleKind.UnpairedSurrogate => Entry.Text,
        _ => Entry.Kind == ValidationValueKind.Text ? Entry.Text : ValueText(Entry),
    };

    private static string ValueText(in ValidationEntry e) => e.Kind == ValidationValueKind.Number
        ? Text(BitConverter.Int64BitsToDouble(e.Value))
        : Text(e.Value);

    private static string RangeBound(ValidationRule rule) => (Has(rule, ValidationRule.BoundFlags.HasMin), Has(rule, ValidationRule.BoundFlags.HasMax)) switch
    {
        (true, true) => $"between {Limit(rule, rule.Min)} and {Limit(rule, rule.Max)}",
        (true, false) => $"at least {Limit(rule, rule.Min)}",
        _ => $"at most {Limit(rule, rule.Max)}",
    };

    /// <summary>Bounds of a count of <paramref name="unit"/>s: <c>exactly 4 characters</c>, <c>between 1 and 9 items</c>, <c>at most 1 item</c>.</summary>
    private static string CountBound(ValidationRule rule, string unit) => (Has(rule, ValidationRule.BoundFlags.HasMin), Has(rule, ValidationRule.BoundFlags.HasMax)) switch
    {
        (true, true) when rule.Min == rule.Max => $"exactly {Count(rule.Min, unit)}",
        (true, true) => $"between {Text(rule.Min)} and {Count(rule.Max, unit)}",
        (true, false) => $"at least {Count(rule.Min, unit)}",
        _ => $"at most {Count(rule.Max, unit)}",
    };

    private static bool Has(ValidationRule rule, ValidationRule.BoundFlags flag) => (rule.Bounds & flag) != 0;

    private static string Limit(ValidationRule rule, long stored) =>
        Has(rule, ValidationRule.BoundFlags.Integer) ? Text(stored) : Text(BitConverter.Int64BitsToDouble(stored));

    private static string Count(long count, string unit) => count == 1 ? $"1 {unit}" : $"{Text(count)} {unit}s";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
