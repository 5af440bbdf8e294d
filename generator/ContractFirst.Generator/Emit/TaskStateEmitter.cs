using System.Globalization;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits the polled record's terminal-state members (<c>IsFinished</c>, <c>HasSucceeded</c>,
/// <c>HasFailed</c>, <c>FailureReason</c>) from the contract's rules, as plain boolean expressions.
/// </summary>
internal static class TaskStateEmitter
{
    public static void Emit(SourceWriter w, TerminalSpec terminal)
    {
        var finished = terminal.FinishedWhen is null ? "" : $" || {terminal.FinishedWhen} is not null";
        var finishedDoc = terminal.FinishedWhen is null ? "" : $", or {Docs.Escape(terminal.FinishedWhen)} is set";
        var success = terminal.Succeeded.IsEmpty
            ? (terminal.FinishedWhen is null ? "false" : $"{terminal.FinishedWhen} is not null")
            : string.Join(" && ", terminal.Succeeded.Select((r, i) => "(" + Expression(r, "s" + i.ToString(CultureInfo.InvariantCulture)) + ")"));
        var successDoc = terminal.Succeeded.IsEmpty
            ? (terminal.FinishedWhen is null ? "never" : $"{terminal.FinishedWhen} is set")
            : string.Join("; and ", terminal.Succeeded.Select(r => r.Text));
        var noRules = terminal.Failed.IsEmpty ? " (the contract defines none)" : "";
        w.Lines($$"""

            /// <summary>Whether the task has ended, successfully or not{{finishedDoc}}.</summary>
            public bool IsFinished => HasFailed || HasSucceeded{{finished}};

            /// <summary>Whether the task succeeded: it did not fail, and {{Docs.Escape(successDoc)}}.</summary>
            public bool HasSucceeded => !HasFailed && {{success}};

            /// <summary>Whether the task failed; <see cref="FailureReason"/> says which rule of the contract it met.</summary>
            public bool HasFailed => FailureReason is not null;

            /// <summary>The contract's failure rule this record meets, as the contract writes it{{noRules}}; null while it meets none.</summary>
            """);

        if (terminal.Failed.IsEmpty)
        {
            w.Line("public string? FailureReason => null;");
            return;
        }

        w.Open("public string? FailureReason");
        w.Open("get");
        foreach (var (rule, i) in terminal.Failed.Select((r, i) => (r, i)))
        {
            w.Open($"if ({Expression(rule, "f" + i.ToString(CultureInfo.InvariantCulture))})");
            w.Line($"return {CSharpTypes.String(rule.Text)};");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// The rule as a C# boolean over the record's properties, null-safe at every step. Pattern
    /// variables leak into the enclosing scope, so each rule's are prefixed with <paramref name="prefix"/>.
    /// </summary>
    public static string Expression(TaskStateRule rule, string prefix) => Step(rule, 0, null, prefix);

    private static string Step(TaskStateRule rule, int index, string? receiver, string prefix)
    {
        var step = rule.Steps[index];
        var access = receiver is null ? step.PropertyName : receiver + "." + step.PropertyName;
        var last = index == rule.Steps.Count - 1;
        var suffix = "_" + prefix + "_" + index.ToString(CultureInfo.InvariantCulture);
        if (step.Type.IsArray)
        {
            if (last && rule.Check == RuleCheck.Present)
            {
                return $"{access}.Count > 0";
            }

            var item = "item" + suffix;
            var test = last ? Compare(rule, step.Type, item) : $"{item} is not null && {Step(rule, index + 1, item, prefix)}";
            return rule.Check == RuleCheck.All
                ? $"{access}.Count > 0 && global::System.Linq.Enumerable.All({access}, static {item} => {test})"
                : $"global::System.Linq.Enumerable.Any({access}, static {item} => {test})";
        }

        if (!last)
        {
            var next = "step" + suffix;
            return $"{access} is {{ }} {next} && {Step(rule, index + 1, next, prefix)}";
        }

        if (rule.Check == RuleCheck.Present)
        {
            return $"{access} is not null";
        }

        var value = "value" + suffix;
        return $"{access} is {{ }} {value} && ({Compare(rule, step.Type, value)})";
    }

    private static string Compare(TaskStateRule rule, TypeRef type, string value) =>
        string.Join(" || ", rule.Values.Select(v => type.Kind switch
        {
            FieldKind.Enum => $"{value}.Value == {CSharpTypes.String(v)}",
            FieldKind.Boolean or FieldKind.Integer => $"{value} == {v}",
            FieldKind.Number => $"{value} == {double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)}d",
            _ => $"{value} == {CSharpTypes.String(v)}",
        }));
}
