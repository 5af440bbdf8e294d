using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits a response model: read-only properties, arrays never null.</summary>
internal static class ModelEmitter
{
    /// <param name="ns">The namespace.</param>
    /// <param name="model">The model.</param>
    /// <param name="taskIdProperty">The property naming the started task when the model answers a submit, for the call's span; else null.</param>
    public static string Emit(string ns, ModelSpec model, string? taskIdProperty)
    {
        var w = Header.Start(ns);
        w.Summary(Docs.Sentence(model.Description, model.Name + "."),
            "Read with FromJson, write with WriteJson. Reading is tolerant: unknown JSON fields are ignored, enum values the contract does not list are kept, a value of another JSON type is converted when nothing is lost, and any other value that does not fit is left unset and listed in ReadIssues, so a newer or sloppier service does not break reading.");
        w.Line(Header.GeneratedCode);
        // Telemetry reads the task id of a submit's answer and the final state of a polled record through these.
        var telemetry = (taskIdProperty is null ? "" : $", {CSharpTypes.Runtime}ITaskAnswer") + (model.Terminal is null ? "" : $", {CSharpTypes.Runtime}ITaskRecord");
        w.Open($"public sealed partial class {model.Name} : {CSharpTypes.Runtime}IJsonReadable<{model.Name}>, {CSharpTypes.Runtime}IJsonWritable{telemetry}");
        var first = true;
        foreach (var field in model.Fields)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var absent = field.Type.IsArray ? " Empty when absent." : field.Nullable ? " Null when absent or null." : " Null when absent.";
            w.Line("/// <summary>" + FieldDocs.Summary(field) + absent + "</summary>");
            w.Line(field.Type.IsArray
                ? $"public {CSharpTypes.ResponseProperty(field)} {field.PropertyName} {{ get; init; }} = [];"
                : $"public {CSharpTypes.ResponseProperty(field)} {field.PropertyName} {{ get; init; }}");
        }

        if (!first)
        {
            w.Line();
        }

        w.Lines($$"""
            /// <summary>
            /// The values that could not be read into this model or the models in it, one per field or array item:
            /// the field was left unset (the item skipped) and reading went on. Empty when everything was read.
            /// Not part of the JSON.
            /// </summary>
            public {{CSharpTypes.Collections}}IReadOnlyList<{{CSharpTypes.Runtime}}JsonReadIssue> ReadIssues { get; init; } = [];
            """);

        if (model.Terminal is { } terminal)
        {
            TaskStateEmitter.Emit(w, terminal);
        }

        if (taskIdProperty is not null && taskIdProperty != "TaskId")
        {
            w.Lines($$"""

                /// <inheritdoc/>
                string? {{CSharpTypes.Runtime}}ITaskAnswer.TaskId => {{taskIdProperty}};
                """);
        }

        w.Close();
        return w.ToString();
    }
}
