using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>How a <see cref="TaskStateRule"/> tests the value at its path.</summary>
public enum RuleCheck
{
    /// <summary>The value (no array on the path) is one of the rule's values.</summary>
    Is,

    /// <summary>Some item of the one array on the path has one of the values.</summary>
    Any,

    /// <summary>The array on the path is not empty and every item has one of the values.</summary>
    All,

    /// <summary>The value is set (an array: not empty).</summary>
    Present,
}

/// <summary>One step of a rule's path: a property of the model reached so far.</summary>
/// <param name="PropertyName">The C# property.</param>
/// <param name="Type">The field's type; an array step is where <see cref="RuleCheck.Any"/> and <see cref="RuleCheck.All"/> quantify.</param>
public sealed record RuleStep(string PropertyName, TypeRef Type);

/// <summary>A condition on a task record that marks it ended, e.g. <c>response.data[].state all succeeded</c>.</summary>
/// <param name="Text">The rule as the contract wrote it, for messages.</param>
/// <param name="Steps">The path from the record to the tested value.</param>
/// <param name="Values">JSON values (as written) that satisfy the rule; empty for <see cref="RuleCheck.Present"/>.</param>
public sealed record TaskStateRule(string Text, EquatableArray<RuleStep> Steps, RuleCheck Check, EquatableArray<string> Values);

/// <summary>When the polled task record says its task has ended, and how.</summary>
/// <param name="FinishedWhen">A property set once the task has ended either way, or null.</param>
/// <param name="Succeeded">All must hold for success.</param>
/// <param name="Failed">Any one marks failure; failure wins over success.</param>
public sealed record TerminalSpec(string? FinishedWhen, EquatableArray<TaskStateRule> Succeeded, EquatableArray<TaskStateRule> Failed);
