namespace ContractFirst.Runtime;

/// <summary>
/// Collects the violations a generated validator finds, as a rule and the value given each, into one array that the
/// <see cref="ValidationResult"/> keeps as it is: no <see cref="ValidationError"/> object and no text is made until
/// <see cref="ValidationResult.Errors"/> is read.
/// </summary>
/// <remarks>
/// A mutable struct, used as a local: <c>var errors = new ValidationErrors(8); … return errors.ToResult();</c>.
/// Nothing is allocated until the first violation, so a valid request costs nothing.
/// </remarks>
public struct ValidationErrors
{
    private readonly int _capacity;
    private ValidationEntry[]? _entries;
    private int _count;

    /// <summary>Initializes a collector whose first violation makes room for <paramref name="capacity"/> of them.</summary>
    /// <param name="capacity">How many violations to make room for at first (4 when not positive); more are still taken.</param>
    public ValidationErrors(int capacity) => _capacity = capacity;

    /// <summary>Records a violation of a rule that has no value to show (required, group and conditional rules).</summary>
    /// <param name="rule">The rule broken.</param>
    public void Add(ValidationRule rule) => Push(new(rule, ValidationValueKind.None, null, 0));

    /// <summary>Records a violation with the integer given: a value, a count or a length.</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="value">The value given.</param>
    public void Add(ValidationRule rule, long value) => Push(new(rule, ValidationValueKind.Integer, null, value));

    /// <summary>Records a violation with the number given.</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="value">The value given.</param>
    public void Add(ValidationRule rule, double value) => Push(new(rule, ValidationValueKind.Number, null, BitConverter.DoubleToInt64Bits(value)));

    /// <summary>Records a violation with the text given, which may be null.</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="value">The value given.</param>
    public void Add(ValidationRule rule, string? value) => Push(new(rule, ValidationValueKind.Text, value, 0));

    /// <summary>Records a string with an unpaired surrogate at <paramref name="index"/>.</summary>
    /// <param name="rule">The rule broken (<see cref="ValidationRule.WellFormed"/>).</param>
    /// <param name="value">The value given.</param>
    /// <param name="index">The index of the first unpaired surrogate in <paramref name="value"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of <paramref name="value"/>.</exception>
    public void AddUnpairedSurrogate(ValidationRule rule, string value, int index) =>
        Push(ValidationEntry.UnpairedSurrogate(rule, value, index));

    /// <summary>Records a violation by item <paramref name="item"/> of a list field; its field reads <c>image_urls[2]</c>.</summary>
    /// <param name="item">The item's index.</param>
    /// <param name="rule">The rule broken.</param>
    public void AddItem(int item, ValidationRule rule) => Push(new ValidationEntry(rule, ValidationValueKind.None, null, 0).AtItem(item));

    /// <summary>Records a violation by item <paramref name="item"/> of a list field, with the integer given.</summary>
    /// <param name="item">The item's index.</param>
    /// <param name="rule">The rule broken.</param>
    /// <param name="value">The value given.</param>
    public void AddItem(int item, ValidationRule rule, long value) => Push(new ValidationEntry(rule, ValidationValueKind.Integer, null, value).AtItem(item));

    /// <summary>Records a violation by item <paramref name="item"/> of a list field, with the number given.</summary>
    /// <param name="item">The item's index.</param>
    /// <param name="rule">The rule broken.</param>
    /// <param name="value">The value given.</param>
    public void AddItem(int item, ValidationRule rule, double value) =>
        Push(new ValidationEntry(rule, ValidationValueKind.Number, null, BitConverter.DoubleToInt64Bits(value)).AtItem(item));

    /// <summary>Records a violation by item <paramref name="item"/> of a list field, with the text given.</summary>
    /// <param name="item">The item's index.</param>
    /// <param name="rule">The rule broken.</param>
    /// <param name="value">The value given.</param>
    public void AddItem(int item, ValidationRule rule, string? value) => Push(new ValidationEntry(rule, ValidationValueKind.Text, value, 0).AtItem(item));

    /// <summary>Records an unpaired surrogate in item <paramref name="item"/> of a list field.</summary>
    /// <param name="item">The item's index.</param>
    /// <param name="rule">The rule broken (<see cref="ValidationRule.WellFormed"/>).</param>
    /// <param name="value">The value given.</param>
    /// <param name="index">The index of the first unpaired surrogate in <paramref name="value"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of <paramref name="value"/>.</exception>
    public void AddItemUnpairedSurrogate(int item, ValidationRule rule, string value, int index) =>
        Push(ValidationEntry.UnpairedSurrogate(rule, value, index).AtItem(item));

    /// <summary>
    /// Records the violations of a nested object under its place in the request, so each names its full path
    /// (<c>camera_control.config.zoom</c>, <c>image_list[2].image_url</c>).
    /// </summary>
    /// <param name="path">Where the nested object is: its field name, or the list item (<c>image_list[2]</c>).</param>
    /// <param name="nested">The nested object's own result, its violations named relative to it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="nested"/> is null.</exception>
    public void AddWithin(string path, ValidationResult nested)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(nested);
        for (var i = 0; i < nested.Errors.Count; i++)
        {
            Push(nested.Entry(i).Under(path));
        }
    }

    /// <summary>The result: <see cref="ValidationResult.Success"/> when nothing was recorded, otherwise one that keeps this array.</summary>
    /// <returns>The result.</returns>
    public readonly ValidationResult ToResult() => _count == 0 ? ValidationResult.Success : new ValidationResult(_entries!, _count);

    private void Push(in ValidationEntry entry)
    {
        if (_entries is null)
        {
            _entries = new ValidationEntry[_capacity > 0 ? _capacity : 4];
        }
        else if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = entry;
    }
}
