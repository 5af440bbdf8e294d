using System.Collections;
using System.Globalization;
using System.Reflection;
using ContractFirst.Runtime;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>One field set to one value, for a generated request.</summary>
/// <param name="Field">The JSON field name.</param>
/// <param name="Value">The value: a string, an int, a bool, a list of strings, or null.</param>
internal sealed record Mutation(string Field, object? Value)
{
    public override string ToString() => $"{Field}={Show(Value)}";

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + (s.Length > 40 ? s[..40] + "…" : s).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"",
        IEnumerable<string?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>A generated SDK request: the action, what was changed from a valid base, and the request object.</summary>
internal sealed record RequestCase(string Endpoint, string Action, string Path, IReadOnlyList<Mutation> Mutations, IJsonWritable Request)
{
    public ValidationResult ValidateWithSdk() => ((IValidatable)Request).Validate();

    public override string ToString() => $"{Endpoint}.{Action} {{ {string.Join(", ", Mutations)} }}";
}

/// <summary>
/// A deterministic generator of valid and invalid SDK requests. The fields of each action come from
/// the contract, the values from pools of edge cases per field type; every (action, field, value) is
/// tried once on its own, then random combinations of several.
/// </summary>
internal static class RequestCases
{
    private const string GoodUrl = "https://cdn.example.com/a.png";

    private static readonly string?[] Strings =
    [
        "A white horse at sunrise", "", " ", "\t\n", "\u3000", null, "character1 meets character2",
        "马在雪中奔跑", "😀 horse", new string('x', 5000), "quote \" and backslash \\ and <tag>",
    ];

    private static readonly string?[] Urls =
    [
        GoodUrl, "http://127.0.0.1:8080/x.png", "http://localhost/cb", "HTTPS://CDN.EXAMPLE.COM/A.PNG",
        "https://user:pw@cdn.example.com/x.png", "https://a@b@cdn.example.com/x", "https://[::1]:8443/x.png",
        "https://[::ffff:127.0.0.1]/x", "https://[:]/x.png", "https://[fe80::1%25eth0]/x", "https://[::1/x",
        "https://例え.jp/画像.png", "https://a_b.example.com/x", "http://999.999.999.999/x", "https://-/x",
        "https://%41.example/x", "https://cdn.example.com?q=1", "https://cdn.example.com#top",
        "https://cdn.example.com:65535/x", "https://cdn.example.com:65536/x", "https://cdn.example.com:/x",
        "https://cdn.example.com:0/x", "https://cdn.example.com:00080/x", "https://cdn.example.com:123456/x",
        "ftp://cdn.example.com/a.png", "https://", "http:///x", "https:/cdn.example.com/x", "cdn.example.com/a.png",
        "/relative/a.png", "https://cdn.example.com/a b.png", "https://cdn.example.com/a\\b.png",
        "https://cdn.example.com/\u0001", "https://cdn. example.com/", "https://cdn.example.com/a.png ",
        " https://cdn.example.com/a.png", "https://cdn.example.com/\u00A0", "javascript:alert(1)",
        "https://cdn.example.com/%zz", "https://x/", "", " ", null,
    ];

    private static readonly string?[] Ids = ["task-1", "", " ", "\u3000", null, "27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1"];

    /// <summary>Generates the cases.</summary>
    /// <param name="contract">The contract whose actions and fields are tried.</param>
    /// <param name="seed">The seed of the random combinations.</param>
    /// <param name="randomCases">How many random combinations to add.</param>
    /// <param name="bases">A valid request of the SDK generated from <paramref name="contract"/>, by action; the HappyHorse SDK's when null.</param>
    /// <returns>The cases.</returns>
    public static IReadOnlyList<RequestCase> Generate(ContractSpec contract, int seed, int randomCases, Func<string, IJsonWritable>? bases = null)
    {
        var baseOf = bases ?? Base;
        var actions = contract.Endpoints.SelectMany(e => e.Actions.Select(a => (Endpoint: e, Action: a))).ToArray();
        var cases = new List<RequestCase>();

        // Every value of every field of every action, alone.
        foreach (var (endpoint, action) in actions)
        {
            foreach (var (field, values) in Pools(contract, endpoint, action))
            {
                foreach (var value in values)
                {
                    cases.Add(Build(endpoint, action, [new Mutation(field, value)], baseOf));
                }
            }
        }

        // Then combinations, where one field's problem must not hide another's.
        var random = new Random(seed);
        for (var i = 0; i < randomCases; i++)
        {
            var (endpoint, action) = actions[random.Next(actions.Length)];
            var pools = Pools(contract, endpoint, action).ToArray();
            var mutations = pools.OrderBy(_ => random.Next()).Take(random.Next(2, 5))
                .Select(p => new Mutation(p.Field, p.Values[random.Next(p.Values.Count)]))
                .ToArray();
            cases.Add(Build(endpoint, action, mutations, baseOf));
        }

        return cases;
    }

    private static IEnumerable<(string Field, IReadOnlyList<object?> Values)> Pools(ContractSpec contract, EndpointSpec endpoint, ActionSpec action)
    {
        if (endpoint.ModelField is { } modelField)
        {
            var models = action.Models.Select(m => m.Value).ToArray();
            var others = endpoint.Actions.Where(a => a != action).SelectMany(a => a.Models.Select(m => m.Value));
            yield return (modelField, [null, .. models, .. others, "happyhorse-9.9-t2v", "", models[0].ToUpperInvariant()]);
        }

        foreach (var field in action.Fields)
        {
            // async is always true in generated requests so that valid ones are answered at once.
            if (field.JsonName == "async")
            {
                continue;
            }

            yield return (field.JsonName, Values(contract, field));
        }
    }

    private static object?[] Values(ContractSpec contract, FieldSpec field) => field.Type switch
    {
        { IsArray: true } => Lists(field),
        { Kind: FieldKind.String } => [.. field.JsonName == "id" ? Ids : Strings, .. Lengths(field, n => new string('x', n)), .. Default(field)],
        { Kind: FieldKind.Url } => [.. Urls, .. Lengths(field, n => GoodUrl + new string('a', Math.Max(0, n - GoodUrl.Length))), .. Default(field)],
        { Kind: FieldKind.Integer } => Integers(field),
        { Kind: FieldKind.Boolean } => [null, true, false],
        _ => EnumValues(contract.FindEnum(field.Type.Name) ?? throw new InvalidOperationException($"No values for {field.JsonName} of type {field.Type}.")),
    };

    private static object?[] EnumValues(EnumSpec enumSpec)
    {
        var allowed = enumSpec.Values.Select(v => v.Value).ToArray();
        return [null, .. allowed, "bogus", "", allowed[0].ToLowerInvariant(), allowed[0] + " "];
    }

    /// <summary>Texts at and beside min_length and max_length, in ASCII and in emoji (one character, two UTF-16 units each).</summary>
    private static IEnumerable<object?> Lengths(FieldSpec field, Func<int, string> ofLength)
    {
        foreach (var n in new[] { field.MinLength, field.MaxLength }.OfType<int>().SelectMany(b => new[] { b - 1, b, b + 1 }).Where(n => n >= 0))
        {
            yield return ofLength(n);
            yield return string.Concat(Enumerable.Repeat("😀", n));
        }
    }

    /// <summary>The field's default, which its rules accept: a valid value even where the pools hold none (a pattern).</summary>
    private static IEnumerable<object?> Default(FieldSpec field) => field.Default is { } value ? [value] : [];

    private static object?[] Integers(FieldSpec field)
    {
        var values = new List<object?> { null, 0, 5, -1, int.MaxValue, int.MinValue };

        // With values, each listed number and its neighbours (which the list may not hold).
        foreach (var listed in field.Values.Where(v => v is > int.MinValue and < int.MaxValue))
        {
            values.AddRange([(int)listed - 1, (int)listed, (int)listed + 1]);
        }

        if (field.Default is { } fallback)
        {
            values.Add(int.Parse(fallback, CultureInfo.InvariantCulture));
        }

        foreach (var bound in new[] { field.Min, field.Max })
        {
            if (bound is { } b)
            {
                foreach (var v in new[] { b - 1, b, b + 1 })
                {
                    if (v is >= int.MinValue and <= int.MaxValue)
                    {
                        values.Add((int)v);
                    }
                }
            }
        }

        return [.. values.Distinct()];
    }

    private static object?[] Lists(FieldSpec field)
    {
        string Item(int i) => field.Type.Kind == FieldKind.Url ? $"https://cdn.example.com/{i}.png" : $"task-{i}";
        List<string?> Many(int n) => [.. Enumerable.Range(1, n).Select(Item)];

        var values = new List<object?> { null, Many(0), Many(1), Many(3) };
        foreach (var bound in new[] { field.MinItems, field.MaxItems })
        {
            if (bound is { } b)
            {
                values.AddRange(new[] { b - 1, b, b + 1 }.Where(n => n >= 0).Select(n => (object?)Many(n)));
            }
        }

        var pool = field.Type.Kind == FieldKind.Url ? Urls : Ids;
        values.AddRange(pool.Skip(1).Select(bad => (object?)new List<string?> { Item(1), bad }));
        return [.. values];
    }

    private static RequestCase Build(EndpointSpec endpoint, ActionSpec action, IReadOnlyList<Mutation> mutations, Func<string, IJsonWritable> baseOf)
    {
        var request = baseOf(action.Value);
        foreach (var mutation in mutations)
        {
            Set(request, mutation.Field, mutation.Value);
        }

        return new RequestCase(endpoint.Key, action.Value, endpoint.Path, mutations, request);
    }

    private static IJsonWritable Base(string action) => action switch
    {
        "generate" => new GenerateRequest("A white horse") { Async = true },
        "image_to_video" => new ImageToVideoRequest(GoodUrl) { Async = true },
        "reference_to_video" => new ReferenceToVideoRequest("character1 runs", [GoodUrl]) { Async = true },
        "video_edit" => new VideoEditRequest("Make it snow", "https://cdn.example.com/in.mp4") { Async = true },
        "retrieve" => new GetTaskRequest("task-1"),
        "retrieve_batch" => new GetTasksRequest(["task-1"]),
        _ => throw new InvalidOperationException($"The contract has an action the generator does not know: {action}. Add a base request for it."),
    };

    /// <summary>Sets a field through the SDK's own property, so the request is written by the SDK's own JSON code.</summary>
    private static void Set(object request, string jsonName, object? value)
    {
        var name = string.Concat(jsonName.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var property = request.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{request.GetType().Name} has no property {name} for {jsonName}.");
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object? converted = value switch
        {
            null => null,
            string text when type.IsValueType => Activator.CreateInstance(type, text),
            IList list => list,
            _ => value,
        };
        property.SetValue(request, converted);
    }
}
