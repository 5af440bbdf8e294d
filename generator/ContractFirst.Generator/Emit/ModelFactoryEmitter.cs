using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits <c>{Api}ModelFactory</c>, as Azure SDKs do: one method per response model with every field an optional
/// parameter, so that tests of code using the client can build what a mocked client returns in one expression,
/// including the models' defaults (empty lists) and without knowing which properties are settable.
/// </summary>
internal static class ModelFactoryEmitter
{
    public static string Name(ContractSpec spec) => spec.Api.Name + "ModelFactory";

    public static string Emit(ContractSpec spec)
    {
        var w = Header.Start(spec.Namespace);
        w.Summary($"Builds the {spec.Api.Title}'s response models, for tests of code that uses {spec.ClientName}.",
            $"Every parameter is optional and leaves its field absent (an empty list for an array), as a response without that field would. The client's methods are virtual: make a mock or a subclass return these models. Responses from the service are read with the models' FromJson instead.");
        w.Line(Header.GeneratedCode);
        w.Open($"public static partial class {Name(spec)}");
        var first = true;
        foreach (var model in spec.Models)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line($"/// <summary>Creates a <see cref=\"{model.Name}\"/>: {Docs.Escape(Docs.Sentence(model.Description, model.Name + "."))}</summary>");
            foreach (var field in model.Fields)
            {
                w.Line($"/// <param name=\"{Naming.ToParameterName(field.PropertyName).TrimStart('@')}\">{FieldDocs.Summary(field)}</param>");
            }

            w.Line($"/// <returns>The model, with ReadIssues empty.</returns>");
            var parameters = model.Fields.Select(f => $"{Parameter(f)} {Naming.ToParameterName(f.PropertyName)} = null");
            w.Open($"public static {model.Name} {model.Name}({string.Join(", ", parameters)}) => new()");
            foreach (var field in model.Fields)
            {
                var name = Naming.ToParameterName(field.PropertyName);
                w.Line(field.Type.IsArray
                    ? $"{field.PropertyName} = {name} is null ? [] : [.. {name}],"
                    : $"{field.PropertyName} = {name},");
            }

            w.Close(";");
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>An array is taken as any sequence and copied; a single value has the model property's type.</summary>
    private static string Parameter(FieldSpec field) =>
        field.Type.IsArray ? $"{CSharpTypes.Collections}IEnumerable<{CSharpTypes.Item(field)}>?" : CSharpTypes.ResponseProperty(field);
}
