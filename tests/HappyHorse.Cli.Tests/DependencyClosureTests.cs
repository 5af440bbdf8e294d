using System.Reflection;
using System.Text.Json;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Tests;

/// <summary>
/// The CLI and the emulator read the contract with ContractFirst.Contract, never with the generator, and validate
/// from its model: neither Roslyn, the generator, nor a JSON Schema library (reflection-bound, not trimmable) may be in
/// their dependency closure, by package or by assembly reference. The CLI publishes as Native AOT.
/// </summary>
public sealed class DependencyClosureTests
{
    private static readonly string[] Forbidden = ["Microsoft.CodeAnalysis", "ContractFirst.Generator", "ContractFirst.Schema", "NJsonSchema", "Newtonsoft.Json"];

    [Fact]
    public void TheCliDepsJsonHasNoRoslynAndNoGenerator()
    {
        // The CLI's own deps.json (copied beside the tests, as for any referenced app) lists everything the tool
        // ships and loads, the embedded emulator and its contract reading included.
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HappyHorse.Cli.deps.json")));
        var names = deps.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(t => t.Value.EnumerateObject())
            .SelectMany(l => l.Value.TryGetProperty("dependencies", out var dependencies)
                ? dependencies.EnumerateObject().Select(d => d.Name).Append(l.Name)
                : [l.Name])
            .Concat(deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name))
            .Select(n => n.Split('/')[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("HappyHorse.Emulator", names);
        Assert.Contains("ContractFirst.Contract", names);
        Assert.DoesNotContain(names, IsForbidden);
    }

    [Fact]
    public void TheAppsAssemblyReferencesReachNoRoslynAndNoGenerator()
    {
        var seen = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>([typeof(CliApp).Assembly, typeof(ContractEmulator).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                Assert.False(IsForbidden(reference.Name!), $"{assembly.GetName().Name} references {reference.Name}");
                if (!seen.Contains(reference.Name!) && TryLoad(reference) is { } loaded)
                {
                    pending.Push(loaded);
                }
            }
        }

        Assert.Contains("ContractFirst.Contract", seen);
        Assert.Contains("YamlDotNet", seen);
        Assert.DoesNotContain(seen, IsForbidden);
    }

    private static bool IsForbidden(string name) =>
        Forbidden.Any(f => name.Equals(f, StringComparison.OrdinalIgnoreCase) || name.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase));

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            // Optional references that the app never loads (some framework facades) are not in the closure.
            return null;
        }
    }
}
