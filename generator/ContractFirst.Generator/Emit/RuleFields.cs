namespace ContractFirst.Generator.Emit;

/// <summary>
/// The <c>ValidationRule</c>s of one generated validator: each check's rule (field, kind, limits) is made once, as a
/// static field, so a violation is recorded as that rule and the value given, with no text built until it is read.
/// Checks with the same rule share one field.
/// </summary>
internal sealed class RuleFields
{
    private readonly List<(string Name, string Factory)> _fields = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// The field holding the rule <paramref name="factory"/> makes (<c>Range("duration", 3, 15)</c>). Names are lower
    /// case (<c>s_durationRangeRule</c>), so no property (PascalCase) can take one.
    /// </summary>
    public string Of(string stem, string factory)
    {
        foreach (var (name, existing) in _fields)
        {
            if (existing == factory)
            {
                return name;
            }
        }

        var unique = "s_" + stem + "Rule";
        for (var n = 2; !_names.Add(unique); n++)
        {
            unique = "s_" + stem + "Rule" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _fields.Add((unique, factory));
        return unique;
    }

    public void Emit(SourceWriter w)
    {
        foreach (var (name, factory) in _fields)
        {
            w.Gap();
            w.Line($"private static readonly {CSharpTypes.Runtime}ValidationRule {name} = {CSharpTypes.Runtime}ValidationRule.{factory};");
        }
    }
}
