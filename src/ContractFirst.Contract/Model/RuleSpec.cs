using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>What a rule between fields demands.</summary>
public enum RuleKind
{
    /// <summary>Exactly one of <see cref="RuleSpec.Fields"/> is set.</summary>
    ExactlyOneOf,

    /// <summary>At least one of <see cref="RuleSpec.Fields"/> is set.</summary>
    AtLeastOneOf,

    /// <summary>When <see cref="RuleSpec.Subject"/> is set, every one of <see cref="RuleSpec.Fields"/> is set too.</summary>
    Requires,

    /// <summary>When <see cref="RuleSpec.Subject"/> is set, none of <see cref="RuleSpec.Fields"/> is.</summary>
    Forbids,

    /// <summary>When <see cref="RuleSpec.When"/> holds, <see cref="RuleSpec.Required"/>, <see cref="RuleSpec.Forbidden"/> and <see cref="RuleSpec.Limits"/> apply.</summary>
    When,
}

/// <summary>
/// A declarative rule between fields of one request or request object (format 2): presence rules and
/// constraints that apply when another field (typically the model or an enum) has given values. No
/// expression language: a rule is one of five shapes, each checked by the generated validator, stated
/// by the exported JSON Schema and enforced by the emulator.
/// </summary>
/// <param name="Kind">The shape.</param>
/// <param name="Fields">The JSON names the rule is about: the group of a one-of, or what a subject requires or forbids.</param>
/// <param name="Subject">For <see cref="RuleKind.Requires"/> and <see cref="RuleKind.Forbids"/>: the field whose presence triggers the rule.</param>
/// <param name="When">For <see cref="RuleKind.When"/>: the condition.</param>
/// <param name="Required">Fields the condition makes required.</param>
/// <param name="Forbidden">Fields the condition forbids.</param>
/// <param name="Limits">Narrower constraints the condition puts on fields.</param>
/// <param name="Description">Why the service has the rule, for docs.</param>
public sealed record RuleSpec(
    RuleKind Kind,
    EquatableArray<string> Fields,
    string? Subject,
    ConditionSpec? When,
    EquatableArray<string> Required,
    EquatableArray<string> Forbidden,
    EquatableArray<LimitSpec> Limits,
    string? Description)
{
    /// <summary>
    /// Gets the rule as the exported schemas and every validator's messages state it: its <see cref="Description"/>,
    /// else a sentence made from its shape (<c>Exactly one of video_id, video_url.</c>, <c>When model is v1: duration
    /// limited.</c>). One text, so a schema and a message can never name a rule differently.
    /// </summary>
    public string Text => Description ?? Kind switch
    {
        RuleKind.ExactlyOneOf => "Exactly one of " + string.Join(", ", Fields) + ".",
        RuleKind.AtLeastOneOf => "At least one of " + string.Join(", ", Fields) + ".",
        RuleKind.Requires => Subject + " requires " + string.Join(", ", Fields) + ".",
        RuleKind.Forbids => Subject + " cannot be sent with " + string.Join(", ", Fields) + ".",
        _ => "When " + When!.Text + ": " + string.Join("; ", Effects()) + ".",
    };

    private IEnumerable<string> Effects()
    {
        if (!Required.IsEmpty)
        {
            yield return string.Join(", ", Required) + " required";
        }

        if (!Forbidden.IsEmpty)
        {
            yield return string.Join(", ", Forbidden) + " not allowed";
        }

        foreach (var limit in Limits)
        {
            yield return limit.Field + " limited";
        }
    }
}

/// <summary>A field's value test: its value is one of <paramref name="Values"/>, or (no values) it is set.</summary>
/// <param name="Field">The JSON name; the endpoint's model field counts too.</param>
/// <param name="Values">The wire values (an enum's or model's value, a number in invariant form, true or false); empty means "is set".</param>
/// <param name="Kind">The field's kind, to test its value the right way.</param>
/// <remarks>A value test on a field with a contract <c>default</c> tests the default when the request leaves the field out, as the service does.</remarks>
public sealed record ConditionSpec(string Field, EquatableArray<string> Values, FieldKind Kind)
{
    /// <summary>Gets the field's contract default, which the service applies when the request leaves it out; null when none.</summary>
    public string? Default { get; init; }

    /// <summary>Gets the condition as messages say it: <c>model is kling-v1</c>, <c>mode is std or pro</c>, <c>custom is set</c>.</summary>
    public string Text => Values.IsEmpty ? Field + " is set" : Field + " is " + string.Join(" or ", Values);
}

/// <summary>Narrower constraints on one field while a condition holds.</summary>
/// <param name="Field">The JSON name.</param>
/// <param name="Values">The only values allowed: numbers in invariant form, or enum values; empty for no such limit.</param>
public sealed record LimitSpec(string Field, decimal? Min, decimal? Max, EquatableArray<string> Values, int? MinLength, int? MaxLength);
