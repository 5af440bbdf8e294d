using System.Collections;
using System.Globalization;
using System.Reflection;
using ContractFirst.Contract.Model;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// Builds random requests of a compiled SDK from its contract: every field of an action set or left
/// unset, to values on, inside and just outside its bounds, blank and malformed strings, unknown enum
/// values, missing required fields, lists too short or too long with null items, and nested objects
/// built the same way. Driven by the contract model and reflection, so it serves any sibling contract.
/// </summary>
/// <remarks>
/// Values no JSON writer can carry (NaN, infinities, unpaired surrogates) are left out: the generated
/// validators refuse them before anything is written, which other tests prove.
/// </remarks>
internal sealed class RandomRequests(ContractSpec contract, Assembly sdk, int seed)
{
    private const int MaxDepth = 4;
    private readonly Random _random = new(seed);

    /// <summary>A random request for <paramref name="action"/>.</summary>
    public object Create(EndpointSpec endpoint, ActionSpec action)
    {
        var type = TypeOf(action.RequestTypeName);
        var request = Construct(type);
        if (endpoint.ModelField is not null && !action.Models.IsEmpty && Chance(0.3))
        {
            var modelType = TypeOf(action.ModelTypeName);
            var property = type.GetProperties().Single(p => Nullable.GetUnderlyingType(p.PropertyType) == modelType);
            var id = Chance(0.8) ? action.Models[_random.Next(action.Models.Count)].Value : "no-such-model";
            property.SetValue(request, Activator.CreateInstance(modelType, id));
        }

        Fill(request, action.Fields, depth: 0);
        return request;
    }

    private void Fill(object target, IEnumerable<FieldSpec> fields, int depth)
    {
        foreach (var field in fields)
        {
            var property = target.GetType().GetProperty(field.PropertyName)
                ?? throw new InvalidOperationException($"{target.GetType().Name} has no property {field.PropertyName}.");
            var set = field.Required ? Chance(0.92) : Chance(0.5);
            property.SetValue(target, set ? Value(field, property.PropertyType, depth) : null);
        }
    }

    private object? Value(FieldSpec field, Type propertyType, int depth)
    {
        if (!field.Type.IsArray)
        {
            return Scalar(field, Nullable.GetUnderlyingType(propertyType) ?? propertyType, depth);
        }

        var itemType = propertyType.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        var count = Count(field.MinItems, field.MaxItems);
        for (var i = 0; i < count; i++)
        {
            list.Add(itemType.IsValueType || Chance(0.95) ? Scalar(field, itemType, depth) : null);
        }

        return list;
    }

    private object? Scalar(FieldSpec field, Type type, int depth) => field.Type.Kind switch
    {
        FieldKind.String => Pick("a white horse on a beach", "x", "", "  ", "日本語のプロンプト", new string('p', 300)),
        FieldKind.Url => Pick("https://example.com/a.png", "http://cdn.example.com/v.mp4?x=1", "ftp://example.com/a", "not a url", "", "https://"),
        FieldKind.Boolean => Chance(0.5),
        FieldKind.Integer => Convert.ChangeType(Integer(field), type, CultureInfo.InvariantCulture),
        FieldKind.Number => Number(field),
        FieldKind.Enum => Activator.CreateInstance(type, Chance(0.85) ? EnumValue(field.Type.Name!) : "not-a-value"),
        FieldKind.Object when depth < MaxDepth => Object(field.Type.Name!, type, depth + 1),
        _ => null,
    };

    private object Object(string name, Type type, int depth)
    {
        var value = Construct(type);
        Fill(value, contract.Objects.Single(o => o.Name == name).Fields, depth);
        return value;
    }

    private long Integer(FieldSpec field)
    {
        var min = (long)(field.Min ?? -1000);
        var max = (long)(field.Max ?? 1000);
        return _random.Next(6) switch
        {
            0 => min,
            1 => max,
            2 when min > long.MinValue => min - 1,
            3 when max < long.MaxValue => max + 1,
            _ => min + (long)(_random.NextDouble() * (max - min)),
        };
    }

    private double Number(FieldSpec field)
    {
        var min = (double)(field.Min ?? -1000m);
        var max = (double)(field.Max ?? 1000m);
        return _random.Next(6) switch
        {
            0 => min,
            1 => max,
            2 => min - 0.5,
            3 => max + 0.001,
            _ => min + (_random.NextDouble() * (max - min)),
        };
    }

    private int Count(int? min, int? max)
    {
        var low = min ?? 0;
        var high = max ?? low + 3;
        return _random.Next(5) switch
        {
            0 when low > 0 => low - 1,
            1 => high + 1,
            _ => _random.Next(low, high + 1),
        };
    }

    private string EnumValue(string name)
    {
        var values = contract.Enums.Single(e => e.Name == name).Values;
        return values[_random.Next(values.Count)].Value;
    }

    /// <summary>A request or object through its public constructor, with placeholder arguments the fill then replaces.</summary>
    private static object Construct(Type type)
    {
        var constructor = type.GetConstructors().Single();
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private Type TypeOf(string name) =>
        sdk.GetType(contract.Namespace + "." + name) ?? throw new InvalidOperationException($"The SDK has no type {name}.");

    private bool Chance(double p) => _random.NextDouble() < p;

    private string Pick(params string[] values) => values[_random.Next(values.Length)];
}
