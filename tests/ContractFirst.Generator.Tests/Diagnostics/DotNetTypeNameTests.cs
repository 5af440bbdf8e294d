using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using ContractFirst.Contract;
using ContractFirst.Contract.Helpers;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// No generated type may share its name with a public type of a namespace most files import: a user's file importing
/// both would have to qualify either (CS0104). Checked against the real framework, read from the runtime's assemblies.
/// </summary>
public class DotNetTypeNameTests
{
    private static readonly string[] s_namespaces =
    [
        "System", "System.IO", "System.Net", "System.Net.Http", "System.Security.Authentication", "System.Threading",
        "System.Threading.Tasks", "System.Collections.Generic", "System.Linq", "System.Text", "System.Text.Json",
    ];

    /// <summary>Every public top-level type of those namespaces, by full name (generic arity dropped).</summary>
    private static readonly Lazy<HashSet<string>> s_frameworkTypes = new(ReadFrameworkTypes);

    /// <summary>The framework types by simple name, with one full name each.</summary>
    private static readonly Lazy<Dictionary<string, string>> s_byName = new(() =>
        s_frameworkTypes.Value.GroupBy(t => t[(t.LastIndexOf('.') + 1)..], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    public static TheoryData<string> Contracts => new(
        Directory.GetFiles(RepoPaths.Contracts, "*.yaml").Append(RepoPaths.HappyHorseSpec).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Contracts))]
    public void NoGeneratedTypeIsNamedLikeAFrameworkType(string contract)
    {
        var path = contract == "happyhorse.yaml" ? RepoPaths.HappyHorseSpec : Path.Combine(RepoPaths.Contracts, contract);
        var result = ContractParser.Parse(path, File.ReadAllText(path));

        Assert.NotNull(result.Spec);
        Assert.NotEmpty(result.Types);
        Assert.Empty(result.Types.Where(type => s_byName.Value.ContainsKey(type)).Select(type => type + " = " + s_byName.Value[type]));
    }

    [Fact]
    public void EveryNameTheParserRefusesIsARealFrameworkType()
    {
        var missing = CommonDotNetTypes.All.Where(name => !s_frameworkTypes.Value.Contains(name)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("Task", "System.Threading.Tasks.Task")]
    [InlineData("File", "System.IO.File")]
    [InlineData("HttpClient", "System.Net.Http.HttpClient")]
    public void AModelNamedLikeACommonTypeIsReported(string model, string dotNetType)
    {
        var yaml = File.ReadAllText(RepoPaths.HappyHorseSpec).Replace("ErrorDetail", model, StringComparison.Ordinal);

        var result = ContractParser.Parse(RepoPaths.HappyHorseSpec, yaml);

        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "CFG080");
        Assert.Equal($"models.{model} ('{model}') generates the type '{model}', the name of {dotNetType}", diagnostic.Message);
    }

    /// <summary>The public top-level types of <see cref="s_namespaces"/> in every assembly of the shared framework this test runs on.</summary>
    private static HashSet<string> ReadFrameworkTypes()
    {
        var fullNames = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = s_namespaces.ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "System*.dll").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                var ns = reader.GetString(type.Namespace);
                if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public || !namespaces.Contains(ns))
                {
                    continue;
                }

                var name = reader.GetString(type.Name);
                var tick = name.IndexOf('`', StringComparison.Ordinal);
                name = tick < 0 ? name : name[..tick];
                fullNames.Add(ns + "." + name);
            }
        }

        return fullNames;
    }
}
