using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace HappyHorse.Benchmarks.Tests;

/// <summary>
/// Runs every benchmark of the suite once, so that none rots between the runs someone times: global
/// setup, each [Benchmark] method (with its iteration setup and cleanup) for each [Params] value, then
/// global cleanup. It checks that they run and agree on their answer, not how fast.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    private static readonly Assembly Suite = typeof(JsonBenchmarks).Assembly;

    public static TheoryData<string> BenchmarkClasses() => new(ClassNames());

    private static List<string> ClassNames() =>
        [.. Suite.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && Methods<BenchmarkAttribute>(t).Any()).Select(t => t.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryBenchmarkClassIsSmokeTested() =>
        Assert.Superset(new HashSet<string> { nameof(JsonBenchmarks), "EndToEndBenchmarks", "SchemaValidationBenchmarks", "ValidationBenchmarks", "WaitingBenchmarks", "GeneratorBenchmarks", "BuildBenchmarks" }, ClassNames().ToHashSet());

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public async Task RunsOnce(string className)
    {
        var type = Suite.GetTypes().Single(t => t.Name == className);
        var parameters = type.GetProperties().Select(p => (Property: p, Values: p.GetCustomAttribute<ParamsAttribute>()?.Values)).Where(p => p.Values is not null).ToList();
        if (parameters.Count == 0)
        {
            await RunInstanceAsync(type, _ => { });
            return;
        }

        // Each value of each parameter once, the other parameters at their first value.
        foreach (var (property, values) in parameters)
        {
            foreach (var value in values!)
            {
                await RunInstanceAsync(type, instance =>
                {
                    foreach (var (other, otherValues) in parameters)
                    {
                        other.SetValue(instance, other == property ? value : otherValues![0]);
                    }
                });
            }
        }
    }

    private static async Task RunInstanceAsync(Type type, Action<object> setParameters)
    {
        var instance = Activator.CreateInstance(type)!;
        setParameters(instance);
        await InvokeAllAsync<GlobalSetupAttribute>(instance);
        try
        {
            foreach (var benchmark in Methods<BenchmarkAttribute>(type))
            {
                await InvokeAllAsync<IterationSetupAttribute>(instance);
                var result = await InvokeAsync(benchmark, instance);
                await InvokeAllAsync<IterationCleanupAttribute>(instance);
                Assert.True(benchmark.ReturnType == typeof(void) || benchmark.ReturnType == typeof(Task) || result is not null, $"{type.Name}.{benchmark.Name} returned nothing.");
            }
        }
        finally
        {
            await InvokeAllAsync<GlobalCleanupAttribute>(instance);
        }
    }

    private static IEnumerable<MethodInfo> Methods<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<TAttribute>() is not null);

    private static async Task InvokeAllAsync<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (var method in Methods<TAttribute>(instance.GetType()))
        {
            await InvokeAsync(method, instance);
        }
    }

    private static async Task<object?> InvokeAsync(MethodInfo method, object instance)
    {
        var result = method.Invoke(instance, null);
        if (result is Task task)
        {
            await task;
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }

        return result;
    }
}
