using ContractFirst.Contract;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>The contracts the validation tests run on: HappyHorse's and every sibling contract of the generator tests.</summary>
internal static class Contracts
{
    private static readonly Dictionary<string, ContractSpec> s_loaded = new(StringComparer.Ordinal);

    /// <summary>Every contract file: <c>happyhorse.yaml</c> and those of tests/ContractFirst.Generator.Tests/Contracts.</summary>
    public static IEnumerable<string> Files =>
        Directory.GetFiles(Repo.PathOf("tests", "ContractFirst.Generator.Tests", "Contracts"), "*.yaml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Prepend("happyhorse.yaml")!;

    public static ContractSpec Load(string file)
    {
        lock (s_loaded)
        {
            if (!s_loaded.TryGetValue(file, out var contract))
            {
                contract = ContractParser.Load(file == "happyhorse.yaml"
                    ? Repo.PathOf("spec", "happyhorse.yaml")
                    : Repo.PathOf("tests", "ContractFirst.Generator.Tests", "Contracts", file));
                s_loaded[file] = contract;
            }

            return contract;
        }
    }

    /// <summary>Every (contract, endpoint, action).</summary>
    public static IEnumerable<(string File, EndpointSpec Endpoint, ActionSpec Action)> Actions =>
        Files.SelectMany(file => Load(file).Endpoints.SelectMany(e => e.Actions.Select(a => (file, e, a))));
}
