using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ContractFirst.Contract.Model;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// Builds random requests of a compiled SDK from its contract: every field of an action set or left
/// unset, to values on, inside and just outside its bounds, blank and malformed strings, strings of
/// lengths at and just past their limits (counted in code points, with characters outside the BMP and
/// combining marks), strings that match a field's pattern or just miss it, numbers in and out of a
/// field's values, unknown enum values, models of the action, of the endpoint outside the action's
/// narrowing and unknown ones, missing required fields, lists too short or too long with null items,
/// and nested objects built the same way. Driven by the contract model and reflection, so it serves
/// any sibling contract.
/// </summary>
/// <remarks>
/// Values no JSON writer can carry (NaN, infinities, unpaired surrogates) are left out: the generated
/// validators refuse them before anything is written, which other tests prove. <see cref="Coverage"/>
/// counts, per rule, how often a value kept it and how often a value broke it, so a test can prove that
/// both verdicts were tried.
/// </remarks>
internal sealed class RandomRequests(ContractSpec contract, Assembly sdk, int seed)
{
    private const int MaxDepth = 4;

    /// <summary>Strings of the shapes patterns usually describe, and near misses of them.</summary>
    private static readonly string[] s_patternShapes =
    [
        "1K", "2K", "3K", "4K", "5K", "0K", "2k", "adaptive", "Adaptive", "adaptive ", "2048x2048", "1024x768", "512x512",
        "4096x4096", "0x512", "2048x",
        "x2048", "2048X2048", "2048×2048", "16:9", "2K\n", " 2K", "2K2K", "",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Gets, per rule (<c>Owner.field rule</c>), how many values kept it and how many broke it.</summary>
    public Dictionary<string, (int Kept, int Broken)> Coverage { get; } = new(StringComparer.Ordinal);

    /// <summary>A random request for <paramref name="action"/>.</summary>
    public object Create(EndpointSpec endpoint, ActionSpec action)
    {
        var type = TypeOf(action.RequestTypeName);
        var request = Construct(type);
        if (endpoint.ModelField is not null && !action.Models.IsEmpty && Chance(0.3))
        {
            var modelType = TypeOf(action.ModelTypeName);
            var property = type.GetProperties().Single(p => Nullable.GetUnderlyingType(p.PropertyType) == modelType);

            // An endpoint's model outside the action's narrowing is a model the type carries but the action refuses.
            var id = _random.Next(10) switch
            {
                < 6 => action.Models[_random.Next(action.Models.Count)].Value,
                < 8 when !endpoint.Models.IsEmpty => endpoint.Models[_random.Next(endpoint.Models.Count)].Value,
                _ => "no-such-model",
            };
            var accepted = action.Models.Any(m => m.Value == id);
            Count(action.RequestTypeName + ".model models", accepted);
            if (endpoint.Models.Count > action.Models.Count && endpoint.Models.Any(m => m.Value == id))
            {
                // Kept: one of the action's own; broken: one of the endpoint's that the action leaves out.
                Count(action.RequestTypeName + ".model narrowing", accepted);
            }

            property.SetValue(request, Activator.CreateInstance(modelType, id));
        }

        Fill(request, action.RequestTypeName, action.Fields, depth: 0);
        return request;
    }

    private void Fill(object target, string owner, IEnumerable<FieldSpec> fields, int depth)
    {
        foreach (var field in fields)
        {
            var property = target.GetType().GetProperty(field.PropertyName)
                ?? throw new InvalidOperationException($"{target.GetType().Name} has no property {field.PropertyName}.");
            var set = field.Required ? Chance(0.92) : Chance(0.5);
            property.SetValue(target, set ? Value(owner, field, property.PropertyType, depth) : null);
        }
    }

    private object? Value(string owner, FieldSpec field, Type propertyType, int depth)
    {
        if (!field.Type.IsArray)
        {
            return Scalar(owner, field, Nullable.GetUnderlyingType(propertyType) ?? propertyType, depth);
        }

        var itemType = propertyType.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        var count = Count(field.MinItems, field.MaxItems);
        for (var i = 0; i < count; i++)
        {
            list.Add(itemType.IsValueType || Chance(0.95) ? Scalar(owner, field, itemType, depth) : null);
        }

        return list;
    }

    private object? Scalar(string owner, FieldSpec field, Type type, int depth) => field.Type.Kind switch
    {
        FieldKind.String => Text(owner, field),
        FieldKind.Url => Pick("https://example.com/a.png", "http://cdn.example.com/v.mp4?x=1", "ftp://example.com/a", "not a url", "", "https://"),
        FieldKind.Boolean => Chance(0.5),
        FieldKind.Integer => Convert.ChangeType(Representable(Integer(owner, field), type), type, CultureInfo.InvariantCulture),
        FieldKind.Number => Number(owner, field),
        FieldKind.Enum => Activator.CreateInstance(type, Chance(0.85) ? EnumValue(field.Type.Name!) : "not-a-value"),
        FieldKind.Object when depth < MaxDepth => Object(field.Type.Name!, type, depth + 1),
        _ => null,
    };

    private object Object(string name, Type type, int depth)
    {
        var value = Construct(type);
        Fill(value, name, contract.Objects.Single(o => o.Name == name).Fields, depth);
        return value;
    }

    private string Text(string owner, FieldSpec field)
    {
        string text;
        if (field.Pattern is not null && Chance(0.5))
        {
            text = Chance(0.6) ? Pick(s_patternShapes) : FromAlphabetOf(field.Pattern);
        }
        else if ((field.MinLength is not null || field.MaxLength is not null) && Chance(0.5))
        {
            text = OfLength(NearBound(field.MinLength, field.MaxLength));
        }
        else
        {
            text = Pick("a white horse on a beach", "x", "", "  ", "日本語のプロンプト", new string('p', 300), "🐎🐎 é");
        }

        // A blank required string is "required" before any other rule; it says nothing about lengths or patterns.
        if (field.Type.IsArray || (field.Required && string.IsNullOrWhiteSpace(text)))
        {
            return text;
        }

        if (field.MinLength is not null || field.MaxLength is not null)
        {
            var length = text.EnumerateRunes().Count();
            Count(owner + "." + field.JsonName + " length", !(length < field.MinLength) && !(length > field.MaxLength));
        }

        if (field.Pattern is not null)
        {
            Count(owner + "." + field.JsonName + " pattern", Regex.IsMatch(text, field.Pattern, RegexOptions.CultureInvariant));
        }

        return text;
    }

    /// <summary>A length at or just past one of the bounds.</summary>
    private int NearBound(int? min, int? max)
    {
        var candidates = new List<int>();
        if (min is { } low)
        {
            candidates.AddRange(low > 0 ? [low - 1, low, low + 1] : [low, low + 1]);
        }

        if (max is { } high)
        {
            candidates.AddRange(high > 0 ? [high - 1, high, high + 1] : [high, high + 1]);
        }

        return candidates[_random.Next(candidates.Count)];
    }

    /// <summary>A string of <paramref name="length"/> code points: ASCII, outside the BMP (two UTF-16 units each), or mixed with combining marks.</summary>
    private string OfLength(int length)
    {
        var style = _random.Next(6) switch { < 3 => 0, < 5 => 1, _ => 2 };
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(style switch
            {
                0 => (char)('a' + _random.Next(26)),
                1 => "🎵",
                _ => i % 2 == 0 ? "e" : "\u0301",
            });
        }

        return text.ToString();
    }

    /// <summary>A short string of the literal characters, digits and letters a pattern names, which it may or may not match.</summary>
    private string FromAlphabetOf(string pattern)
    {
        var alphabet = pattern.Where(char.IsLetterOrDigit).Distinct().ToArray();
        var length = _random.Next(1, 10);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[_random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    private long Integer(string owner, FieldSpec field)
    {
        var min = (long)(field.Min ?? -1000);
        var max = (long)(field.Max ?? 1000);
        if (!field.Values.IsEmpty && Chance(0.7))
        {
            var listed = (long)field.Values[_random.Next(field.Values.Count)];
            var value = Chance(0.6) ? listed : listed + Pick(-1L, 1L, 2L);
            Count(owner + "." + field.JsonName + " values", field.Values.Contains(value));
            return value;
        }

        return _random.Next(6) switch
        {
            0 => min,
            1 => max,
            2 when min > long.MinValue => min - 1,
            3 when max < long.MaxValue => max + 1,
            _ => min + (long)(_random.NextDouble() * (max - min)),
        };
    }

    /// <summary>The value, or the nearest one the property can hold (an <c>int</c> cannot be one past 2147483647).</summary>
    private static long Representable(long value, Type type) =>
        type == typeof(int) ? Math.Clamp(value, int.MinValue, int.MaxValue) : value;

    private double Number(string owner, FieldSpec field)
    {
        var min = (double)(field.Min ?? -1000m);
        var max = (double)(field.Max ?? 1000m);
        if (!field.Values.IsEmpty && Chance(0.7))
        {
            var listed = (double)field.Values[_random.Next(field.Values.Count)];
            var value = Chance(0.6) ? listed : listed + Pick(-0.25, 0.001, 1);
            Count(owner + "." + field.JsonName + " values", field.Values.Contains((decimal)value));
            return value;
        }

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

    private void Count(string rule, bool kept)
    {
        var (k, b) = Coverage.GetValueOrDefault(rule);
        Coverage[rule] = kept ? (k + 1, b) : (k, b + 1);
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

    private T Pick<T>(params T[] values) => values[_random.Next(values.Length)];
}
