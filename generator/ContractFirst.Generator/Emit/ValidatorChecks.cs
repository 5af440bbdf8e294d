namespace ContractFirst.Generator.Emit;

/// <summary>Where a violation is recorded: the field's JSON name, the stem of its rules' names, the list item's index.</summary>
/// <param name="JsonName">The field's wire name.</param>
/// <param name="Stem">The camel-case stem the rule fields are named from (<c>duration</c> → <c>s_durationRangeRule</c>).</param>
/// <param name="Item">The expression of the item's index when the value is a list item, else null.</param>
internal sealed record ValidationTarget(string JsonName, string Stem, string? Item = null)
{
    /// <summary>Gets the field's name as a C# literal, for the rule.</summary>
    public string Name => CSharpTypes.String(JsonName);
}

/// <summary>The validator being written: its body and its rules.</summary>
/// <param name="W">The body of <c>Validate()</c>.</param>
/// <param name="Rules">The rules its checks record.</param>
internal sealed record ValidatorChecks(SourceWriter W, RuleFields Rules)
{
    /// <summary>Writes the recording of a violation of the rule <paramref name="factory"/> makes, with <paramref name="value"/> when it has one.</summary>
    public void Add(ValidationTarget target, string factory, string? value = null)
    {
        var rule = Rules.Of(target.Stem + RuleKindName(factory), factory);
        var args = value is null ? rule : rule + ", " + value;
        W.Line(target.Item is null ? $"errors.Add({args});" : $"errors.AddItem({target.Item}, {args});");
    }

    public void Required(ValidationTarget target) => Add(target, $"Required({target.Name})");

    public void UnpairedSurrogate(ValidationTarget target, string value, string index)
    {
        var rule = Rules.Of(target.Stem + "WellFormed", $"WellFormed({target.Name})");
        W.Line(target.Item is null
            ? $"errors.AddUnpairedSurrogate({rule}, {value}, {index});"
            : $"errors.AddItemUnpairedSurrogate({target.Item}, {rule}, {value}, {index});");
    }

    /// <summary>The factory's name (<c>Range</c> of <c>Range("duration", 3, 15)</c>), for the rule field's name.</summary>
    private static string RuleKindName(string factory) => factory.Substring(0, factory.IndexOf('('));
}
