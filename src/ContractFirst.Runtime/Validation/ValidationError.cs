using System.Globalization;

namespace ContractFirst.Runtime;

/// <summary>
/// One broken constraint of a request: which field, which rule, and the offending value.
/// </summary>
/// <remarks>
/// An error keeps the facts it was made from and builds <see cref="Message"/> and <see cref="Value"/> the first time
/// they are read, so a caller that only counts errors or reads their fields pays for no text.
/// </remarks>
public sealed class ValidationError
{
    private readonly Kind _kind;
    private readonly string? _text;
    private readonly string? _list;
    private readonly ValidationBounds _bounds;
    private readonly string? _within;
    private readonly string? _when;
    private string? _message;
    private string? _value;
    private bool _valueBuilt;

    private ValidationError(string field, string rule, Kind kind, string? text = null, string? list = null, ValidationBounds bounds = default)
    {
        Field = field;
        Rule = rule;
        _kind = kind;
        _text = text;
        _list = list;
        _bounds = bounds;
    }

    private ValidationError(ValidationError error, string field, string? within, string? when)
    {
        Field = field;
        Rule = error.Rule;
        _kind = error._kind;
        _text = error._text;
        _list = error._list;
        _bounds = error._bounds;
        _within = within;
        _when = when;
    }

    private enum Kind : byte
    {
        Required,
        Range,
        NotFinite,
        ItemCount,
        NotHttpUrl,
        UnpairedSurrogate,
        NotAllowedText,
        NotAllowedNumber,
        Length,
        Pattern,
        ExactlyOneOf,
        AtLeastOneOf,
        Requires,
        Forbids,
        RequiredWhen,
        ForbiddenWhen,
    }

    /// <summary>Gets the JSON name of the field, with an index for array items (for example <c>image_urls[2]</c>).</summary>
    public string Field { get; }

    /// <summary>Gets the rule that failed: <c>required</c>, <c>range</c>, <c>items</c>, <c>length</c>, <c>pattern</c>, <c>url</c>, <c>utf16</c> or <c>allowed</c>.</summary>
    public string Rule { get; }

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

    /// <summary>Creates the error for a missing required field.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <returns>The error, for example <c>prompt is required</c>.</returns>
    public static ValidationError Required(string field) => new(field, "required", Kind.Required);

    /// <summary>Creates the error for an integer outside its inclusive range.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The smallest allowed value, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The largest allowed value, or <see langword="null"/> for no upper bound.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>duration must be between 3 and 15 (was 16)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationError OutOfRange(string field, long? min, long? max, long value) =>
        new(field, "range", Kind.Range, bounds: ValidationBounds.Integers(min, max, value, "A range error needs a minimum, a maximum or both."));

    /// <summary>Creates the error for a number outside its inclusive range.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The smallest allowed value, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The largest allowed value, or <see langword="null"/> for no upper bound.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>strength must be between 0 and 1 (was 1.5)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationError OutOfRange(string field, double? min, double? max, double value) =>
        new(field, "range", Kind.Range, bounds: ValidationBounds.Numbers(min, max, value, "A range error needs a minimum, a maximum or both."));

    /// <summary>Creates the error for a number that is NaN or infinite, which JSON can't carry.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>strength must be a finite number (was NaN)</c>.</returns>
    public static ValidationError NotFinite(string field, double value) =>
        new(field, "range", Kind.NotFinite, bounds: ValidationBounds.Numbers(null, null, value, null));

    /// <summary>Creates the error for an array with too few or too many items.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="min">The fewest items allowed, or <see langword="null"/> for no lower bound.</param>
    /// <param name="max">The most items allowed, or <see langword="null"/> for no upper bound.</param>
    /// <param name="count">The number of items given.</param>
    /// <returns>The error, for example <c>image_urls must have between 1 and 9 items (had 10)</c>.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="min"/> and <paramref name="max"/> are null.</exception>
    public static ValidationError ItemCount(string field, int? min, int? max, int count) =>
        new(field, "items", Kind.ItemCount, bounds: ValidationBounds.Integers(min, max, count, "An item count error needs a minimum, a maximum or both."));

    /// <summary>Creates the error for a value that is not an absolute http or https URL.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>image_url must be an absolute http or https URL (was "ftp://x")</c>.</returns>
    public static ValidationError NotHttpUrl(string field, string value) => new(field, "url", Kind.NotHttpUrl, text: value);

    /// <summary>
    /// Creates the error for a string with an unpaired UTF-16 surrogate, which has no UTF-8 form and so
    /// cannot be sent as it is (JSON writers replace it with U+FFFD).
    /// </summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="value">The value given.</param>
    /// <param name="index">The index of the first unpaired surrogate in <paramref name="value"/>.</param>
    /// <returns>The error, for example <c>prompt must be well-formed UTF-16: unpaired surrogate U+D800 at index 5</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of <paramref name="value"/>.</exception>
    public static ValidationError UnpairedSurrogate(string field, string value, int index)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, value.Length);

        return new(field, "utf16", Kind.UnpairedSurrogate, text: value, bounds: ValidationBounds.Integers(null, null, index, null));
    }

    /// <summary>Creates the error for a value outside a fixed set.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="allowedList">The allowed values, already joined, for example <c>16:9, 9:16</c>.</param>
    /// <param name="value">The value given, or <see langword="null"/>.</param>
    /// <returns>The error, for example <c>ratio must be one of 16:9, 9:16 (was "2:1")</c>.</returns>
    public static ValidationError NotAllowed(string field, string allowedList, string? value) =>
        new(field, "allowed", Kind.NotAllowedText, text: value, list: allowedList);

    /// <summary>Creates the error for an integer outside a fixed set of numbers.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="allowedList">The allowed numbers, already joined, for example <c>5, 10</c>.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>duration must be one of 5, 10 (was 7)</c>.</returns>
    public static ValidationError NotAllowed(string field, string allowedList, long value) =>
        new(field, "allowed", Kind.NotAllowedNumber, list: allowedList, bounds: ValidationBounds.Integers(null, null, value, null));

    /// <summary>Creates the error for a number outside a fixed set of numbers.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="allowedList">The allowed numbers, already joined, for example <c>0.5, 1</c>.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>strength must be one of 0.5, 1 (was 0.75)</c>.</returns>
    public static ValidationError NotAllowed(string field, string allowedList, double value) =>
        new(field, "allowed", Kind.NotAllowedNumber, list: allowedList, bounds: ValidationBounds.Numbers(null, null, value, null));

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
        new(field, "length", Kind.Length, bounds: ValidationBounds.Integers(min, max, length, "A length error needs a minimum, a maximum or both."));

    /// <summary>Creates the error for a string that does not match the contract's pattern.</summary>
    /// <param name="field">The JSON field name.</param>
    /// <param name="pattern">The pattern, as <see cref="Validate.Pattern(string)"/> built it.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The error, for example <c>aspect_ratio must match ^\d+:\d+$ (was "16x9")</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static ValidationError PatternMismatch(string field, System.Text.RegularExpressions.Regex pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(field, "pattern", Kind.Pattern, text: value, list: pattern.ToString());
    }

    /// <summary>Creates the error for a group of fields of which exactly one must be set.</summary>
    /// <param name="fields">The fields, already joined, for example <c>video_id, video_url</c>.</param>
    /// <param name="set">How many of them are set.</param>
    /// <returns>The error, for example <c>exactly one of video_id, video_url must be set (2 were)</c>.</returns>
    public static ValidationError ExactlyOneOf(string fields, int set) =>
        new(fields, "exactly_one_of", Kind.ExactlyOneOf, bounds: ValidationBounds.Integers(null, null, set, null));

    /// <summary>Creates the error for a group of fields of which none is set, when at least one must be.</summary>
    /// <param name="fields">The fields, already joined, for example <c>prompt, image_url</c>.</param>
    /// <returns>The error, for example <c>at least one of prompt, image_url must be set</c>.</returns>
    public static ValidationError AtLeastOneOf(string fields) => new(fields, "at_least_one_of", Kind.AtLeastOneOf);

    /// <summary>Creates the error for a field that is set without another it needs.</summary>
    /// <param name="field">The field that is set.</param>
    /// <param name="required">The field it needs.</param>
    /// <returns>The error, for example <c>end_image_url requires image_url</c>.</returns>
    public static ValidationError Requires(string field, string required) => new(field, "requires", Kind.Requires, list: required);

    /// <summary>Creates the error for two fields that may not be set together.</summary>
    /// <param name="field">The field whose rule forbids the other.</param>
    /// <param name="forbidden">The other field.</param>
    /// <returns>The error, for example <c>end_image_url cannot be sent with camera_control</c>.</returns>
    public static ValidationError Forbids(string field, string forbidden) => new(field, "forbids", Kind.Forbids, list: forbidden);

    /// <summary>Creates the error for a field a condition requires.</summary>
    /// <param name="field">The field.</param>
    /// <param name="condition">The condition, for example <c>custom is true</c>.</param>
    /// <returns>The error, for example <c>lyric is required when custom is true</c>.</returns>
    public static ValidationError RequiredWhen(string field, string condition) => new(field, "required", Kind.RequiredWhen, list: condition);

    /// <summary>Creates the error for a field a condition forbids.</summary>
    /// <param name="field">The field.</param>
    /// <param name="condition">The condition, for example <c>model is kling-v1</c>.</param>
    /// <returns>The error, for example <c>end_image_url must not be set when model is kling-v1</c>.</returns>
    public static ValidationError ForbiddenWhen(string field, string condition) => new(field, "forbidden", Kind.ForbiddenWhen, list: condition);

    /// <summary>The same error, for a limit that applies only while a condition holds: the message says which.</summary>
    /// <param name="condition">The condition, for example <c>model is kling-v1</c>.</param>
    /// <returns>The error with <c>when</c> and the condition after its message.</returns>
    public ValidationError When(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(this, Field, _within, _when is null ? condition : _when + " when " + condition);
    }

    /// <summary>The same error, for a field of a nested object at <paramref name="path"/>: field and message name the full path.</summary>
    /// <param name="path">Where the object holding the field is, e.g. <c>camera_control</c> or <c>image_list[2]</c>.</param>
    /// <returns>The error with <c>path.</c> before its field.</returns>
    public ValidationError Within(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(this, path + "." + Field, _within is null ? path : path + "." + _within, _when);
    }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    private string BuildMessage()
    {
        // The field as the error was made, before Within put a path in front: messages name it once, at the start.
        var field = _within is null ? Field : Field[(_within.Length + 1)..];
        var b = _bounds;
        var message = _kind switch
        {
            Kind.Required => $"{field} is required",
            Kind.Range => $"{field} must be {RangeBound(b)} (was {b.ValueText()})",
            Kind.NotFinite => $"{field} must be a finite number (was {b.ValueText()})",
            Kind.ItemCount => $"{field} must have {CountBound(b, "item")} (had {b.ValueText()})",
            Kind.NotHttpUrl => $"{field} must be an absolute http or https URL (was \"{_text}\")",

            // The message leaves the value out: it could not be shown, logged or sent without the surrogate turning into U+FFFD.
            Kind.UnpairedSurrogate => string.Create(
                CultureInfo.InvariantCulture, $"{field} must be well-formed UTF-16: unpaired surrogate U+{(int)_text![(int)b.Value]:X4} at index {b.Value}"),
            Kind.NotAllowedText => $"{field} must be one of {_list} (was {(_text is null ? "null" : $"\"{_text}\"")})",
            Kind.NotAllowedNumber => $"{field} must be one of {_list} (was {b.ValueText()})",
            Kind.Length => $"{field} must be {CountBound(b, "character")} (was {b.ValueText()})",
            Kind.Pattern => $"{field} must match {_list} (was \"{_text}\")",
            Kind.ExactlyOneOf => $"exactly one of {field} must be set ({b.ValueText()} {(b.Value == 1 ? "was" : "were")})",
            Kind.AtLeastOneOf => $"at least one of {field} must be set",
            Kind.Requires => $"{field} requires {_list}",
            Kind.Forbids => $"{field} cannot be sent with {_list}",
            Kind.RequiredWhen => $"{field} is required when {_list}",
            Kind.ForbiddenWhen => $"{field} must not be set when {_list}",
            _ => throw new InvalidOperationException("Unknown validation error kind."),
        };
        if (_within is not null)
        {
            // Every message but the group rules' starts with its field; those keep the full path in front.
            message = message.StartsWith(field, StringComparison.Ordinal) ? _within + "." + message : Field + ": " + message;
        }

        return _when is null ? message : message + " when " + _when;
    }

    private string? BuildValue() => _kind switch
    {
        Kind.Required or Kind.AtLeastOneOf or Kind.Requires or Kind.Forbids or Kind.RequiredWhen or Kind.ForbiddenWhen => null,
        Kind.NotHttpUrl or Kind.UnpairedSurrogate or Kind.NotAllowedText or Kind.Pattern => _text,
        _ => _bounds.ValueText(),
    };

    private static string RangeBound(ValidationBounds b) => (b.HasMin, b.HasMax) switch
    {
        (true, true) => $"between {b.MinText()} and {b.MaxText()}",
        (true, false) => $"at least {b.MinText()}",
        _ => $"at most {b.MaxText()}",
    };

    /// <summary>Bounds of a count of <paramref name="unit"/>s: <c>exactly 4 characters</c>, <c>between 1 and 9 items</c>, <c>at most 1 item</c>.</summary>
    private static string CountBound(ValidationBounds b, string unit) => (b.HasMin, b.HasMax) switch
    {
        (true, true) when b.Min == b.Max => $"exactly {Count((int)b.Min, unit)}",
        (true, true) => $"between {Text((long)b.Min)} and {Count((int)b.Max, unit)}",
        (true, false) => $"at least {Count((int)b.Min, unit)}",
        _ => $"at most {Count((int)b.Max, unit)}",
    };

    private static string Count(int count, string unit) => count == 1 ? $"1 {unit}" : $"{Text(count)} {unit}s";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
