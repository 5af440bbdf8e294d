using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits a response model: read-only properties, arrays never null.</summary>
internal static class ModelEmitter
{
    public static string Emit(ContractSpec spec, ModelSpec model)
    {
        var w = Header.Start(spec.Namespace);
        w.Summary(Docs.Sentence(model.Description, model.Name + "."),
            "Read with FromJson, write with WriteJson. Unknown JSON fields are ignored and enum values the contract does not list are kept, so a newer service does not break reading.");
        w.Line(Header.GeneratedCode);
        w.Open($"public sealed partial class {model.Name} : {CSharpTypes.Runtime}IJsonReadable<{model.Name}>, {CSharpTypes.Runtime}IJsonWritable");
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

        if (model.Terminal is { } terminal)
        {
            TaskStateEmitter.Emit(w, terminal);
        }

        w.Close();
        return w.ToString();
    }
}
