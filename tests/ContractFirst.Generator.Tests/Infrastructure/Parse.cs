using ContractFirst.Contract.Model;
using ContractFirst.Contract.Parsing;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="SpecParser"/> directly: YAML in, model out, no Roslyn driver.</summary>
internal static class Parse
{
    public static SpecParseResult Result(string yaml, string? @namespace = null, string? clientName = null) =>
        SpecParser.Parse(new ContractInput("/spec/contract.yaml", yaml, @namespace, clientName), CancellationToken.None);

    /// <summary>The model of a contract that must parse without diagnostics.</summary>
    public static ContractSpec Valid(string yaml, string? @namespace = null, string? clientName = null)
    {
        var result = Result(yaml, @namespace, clientName);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Spec);
        return result.Spec;
    }
}
