using System.Collections;
using System.Reflection;
using ContractFirst.Contract.Parsing;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>Checks on the generator's tracked pipeline steps (NetEscapades.EnumGenerators' TestHelpers style).</summary>
internal static class StepAssert
{
    public static readonly string[] TrackingNames =
    [
        Generator.TrackingNames.ContractFiles,
        Generator.TrackingNames.ParseContract,
        Generator.TrackingNames.BuildUnits,
        Generator.TrackingNames.FindConflicts,
    ];

    /// <summary>The runs of one of our steps in the last driver run; fails when the step did not run at all.</summary>
    public static IReadOnlyList<IncrementalGeneratorRunStep> Steps(GeneratorDriver driver, string trackingName)
    {
        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.TrackedSteps.TryGetValue(trackingName, out var steps) && !steps.IsEmpty, $"Step {trackingName} was not tracked.");
        return steps;
    }

    /// <summary>Asserts every output of every run of <paramref name="trackingName"/> has one of <paramref name="allowed"/>.</summary>
    public static void Outputs(IEnumerable<IncrementalGeneratorRunStep> steps, string trackingName, params IncrementalStepRunReason[] allowed)
    {
        var outputs = steps.SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        var unexpected = outputs.Where(o => !allowed.Contains(o.Reason)).Select(o => $"{o.Reason}: {o.Value}").ToList();
        Assert.True(unexpected.Count == 0,
            $"{trackingName} outputs should be {string.Join(" or ", allowed)}, but were:\n{string.Join("\n", unexpected)}");
    }

    /// <summary>The path of the contract a step run works on, found by following its inputs back to the <see cref="ContractInput"/>.</summary>
    public static string ContractPath(IncrementalGeneratorRunStep step)
    {
        foreach (var (source, index) in step.Inputs)
        {
            if (source.Outputs[index].Value is ContractInput input)
            {
                return input.Path;
            }

            if (source.Name is not null && TrackingNames.Contains(source.Name))
            {
                return ContractPath(source);
            }
        }

        throw new InvalidOperationException($"Step {step.Name} has no contract among its inputs.");
    }

    /// <summary>
    /// Paths to every <see cref="Compilation"/>, <see cref="ISymbol"/>, <see cref="SyntaxNode"/> or
    /// <see cref="Location"/> reachable from <paramref name="value"/> through public properties,
    /// fields and enumerables. Pipeline models must be plain data, or caching compares by reference.
    /// </summary>
    public static List<string> RoslynObjectsIn(object? value, string path = "value")
    {
        var found = new List<string>();
        Walk(value, path, found, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value is Type || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return;
        }

        if (value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel)
        {
            found.Add($"{path} is a {value.GetType().Name}");
            return;
        }

        Assert.True(depth < 30, $"{path}: the model graph is deeper than 30 levels; a cycle through a value type?");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", found, seen, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Walk(property.GetValue(value), path + "." + property.Name, found, seen, depth + 1);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(field.GetValue(value), path + "." + field.Name, found, seen, depth + 1);
        }
    }
}
