using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits, for compilations whose runtime cannot call static virtual interface members (netstandard2.0),
/// the module initializer that registers every model's generated <c>ReadJson</c> with the runtime's
/// <c>JsonReaders</c>, which reads them there in place of <c>IJsonReadable&lt;T&gt;.ReadJson</c>.
/// </summary>
internal static class JsonReadersEmitter
{
    public static string Name(ContractSpec spec) => spec.Api.Name + "JsonReaders";

    public static string Emit(string ns, string name, EquatableArray<string> models)
    {
        var w = Header.Start(ns);
        w.Summary("Registers the JSON reader of every response model with the runtime when this assembly loads.",
            "Generated only for targets without static virtual interface members (netstandard2.0, .NET Framework), where the runtime cannot call IJsonReadable's ReadJson.");
        w.Line(Header.GeneratedCode);
        w.Open($"internal static class {name}");
        w.Doc("<summary>Registers the readers; the runtime runs it first if it reads a model before this assembly's code ran.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Open("internal static void Register()");
        foreach (var model in models)
        {
            w.Line($"{CSharpTypes.Runtime}JsonReaders.Register<{CSharpTypes.Qualified(ns, model)}>({CSharpTypes.Qualified(ns, model)}.ReadJson);");
        }

        w.Close();
        w.Close();
        return w.ToString();
    }
}
