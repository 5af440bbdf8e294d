using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;
using Xunit.Abstractions;

namespace HappyHorse.Emulator.Tests.Validation;

/// <summary>
/// The validator never throws: over random bytes, byte-level accidents in valid bodies and valid bodies with hostile
/// values put in (huge and tiny numbers, unpaired surrogates, nesting past the limit, duplicate names, wrong types),
/// on every action of every contract, in both modes, each body is a request or a non-empty message that a response can
/// carry. A request's body validates again to itself, and strict mode accepts nothing tolerant mode refuses.
/// </summary>
/// <remarks>Set <c>VALIDATOR_FUZZ_CASES</c> (for example to 1000000) for a longer local run.</remarks>
public sealed class ValidatorFuzzTests(ITestOutputHelper output)
{
    private static readonly int Count =
        int.TryParse(Environment.GetEnvironmentVariable("VALIDATOR_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5_000;

    /// <summary>JSON values that have broken JSON readers and validators, as raw JSON text.</summary>
    private static readonly string[] s_hostile =
    [
        "null", "true", "false", "0", "-0", "3.0", "1e2", "1E+2", "1e400", "-1e400", "1e-400", "5.5", "0.1e1",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "79228162514264337593543950336",
        "5.0000000000000000000000000000001", "\"\"", "\" \"", "\"\\u3000\"", "\"\\ud800\"", "\"a\\udc00\"", "\"\\ud83d\\ude00\"",
        "\"\\u0000\"", "\"x\\ny\"", "\"https://cdn.example.com/a.png\"", "\"ftp://x\"", "\"16:9\"", "\"std\"", "\"2K\"",
        "[]", "[null]", "[1, 2.5, \"x\"]", "[\"\", \"\\ud800\"]", "{}", "{\"a\": 1}", "{\"a\": 1, \"a\": 2}", "{\"\\ud800\": 1}",
        new string('[', 70) + new string(']', 70), "\"" + new string('x', 5000) + "\"", "\"" + string.Concat(Enumerable.Repeat("😀", 300)) + "\"",
    ];

    [Fact]
    public void NoBodyMakesTheValidatorThrowAndEveryVerdictIsConsistent()
    {
        var random = new Random(20260701);
        var targets = Contracts.Actions
            .Select(a => (a.Action, Validator: new RequestValidator(Contracts.Load(a.File), a.Endpoint), Body: SdkStyleBodies.For(Contracts.Load(a.File), a.Endpoint, a.Action).Body, Names: Names(Contracts.Load(a.File), a.Endpoint)))
            .ToArray();
        var (requests, refused) = (0, 0);
        for (var i = 0; i < Count; i++)
        {
            var target = targets[random.Next(targets.Length)];
            var body = random.Next(8) switch
            {
                0 => RandomBytes(random),
                1 or 2 => Damaged(random, Encoding.UTF8.GetBytes(target.Body.ToJsonString())),
                _ => Encoding.UTF8.GetBytes(WithHostileValues(random, target.Body, target.Names)),
            };

            var strict = Validate(target.Validator, body, strict: true);
            var tolerant = Validate(target.Validator, body, strict: false);
            var shown = Show(body);
            foreach (var outcome in new[] { strict, tolerant })
            {
                Assert.True((outcome.Request is null) != (outcome.Error is null), shown);
                if (outcome.Error is { } error)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error), shown);
                    Assert.True(ContractFirst.Runtime.Validate.IndexOfUnpairedSurrogate(error) < 0, $"{shown}: {error}");
                }
                else
                {
                    var again = Validate(target.Validator, Encoding.UTF8.GetBytes(outcome.Request!.Body.ToJsonString()), strict: true);
                    Assert.True(again.Request is not null, $"{shown}: the validated body {outcome.Request.Body.ToJsonString()} is refused: {again.Error}");
                    Assert.Equal(outcome.Request.Body.ToJsonString(), again.Request.Body.ToJsonString());
                }
            }

            // Strict refuses exactly what tolerant ignores, and nothing else.
            Assert.True((strict.Request is not null) == (tolerant.Request is not null && tolerant.IgnoredFields.Count == 0), $"{shown}: strict {strict.Error ?? "valid"}, tolerant {tolerant.Error ?? "valid"} ignoring {string.Join(", ", tolerant.IgnoredFields)}");
            Assert.Empty(strict.IgnoredFields);
            requests += tolerant.Request is null ? 0 : 1;
            refused += tolerant.Request is null ? 1 : 0;
        }

        output.WriteLine($"{Count} bodies over {targets.Length} actions: {requests} requests, {refused} refused (tolerant mode)");
        Assert.InRange(requests, Count / 20, Count - (Count / 20));
    }

    private static ValidationOutcome Validate(RequestValidator validator, byte[] body, bool strict)
    {
        try
        {
            return validator.Validate(body, strict);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"The validator threw on {Show(body)} (strict: {strict})", ex);
        }
    }

    /// <summary>The field names a body of the endpoint may carry, and a few it may not.</summary>
    private static string[] Names(ContractSpec contract, EndpointSpec endpoint) =>
    [
        .. endpoint.Actions.SelectMany(a => a.Fields).Select(f => f.JsonName).Distinct(),
        .. contract.Objects.SelectMany(o => o.Fields).Select(f => f.JsonName).Distinct(),
        .. new[] { endpoint.Discriminator, endpoint.ModelField }.OfType<string>(),
        "unknown", "",
    ];

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        if (bytes.Length > 0 && random.Next(2) == 0)
        {
            bytes[0] = (byte)'{';
        }

        return bytes;
    }

    /// <summary>A valid body with an accident: a byte flipped, inserted or lost, a cut, a piece repeated.</summary>
    private static byte[] Damaged(Random random, byte[] body)
    {
        var bytes = body.ToList();
        for (var k = random.Next(1, 4); k > 0 && bytes.Count > 0; k--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, "{}[]\",:\\0e-.\u00ff"u8[random.Next(14)]);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, bytes.Skip(random.Next(bytes.Count)).Take(random.Next(1, 16)).ToList());
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>A valid body with one to three values replaced, fields removed or fields added, as raw JSON.</summary>
    private static string WithHostileValues(Random random, JsonObject valid, string[] names)
    {
        var body = (JsonObject)valid.DeepClone();
        var raw = new List<string>();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            var target = PickObject(random, body);
            var keys = target.Select(p => p.Key).ToList();
            switch (random.Next(4))
            {
                case 0 when keys.Count > 0:
                    target.Remove(keys[random.Next(keys.Count)]);
                    break;
                case 1:
                    target[names[random.Next(names.Length)]] = Placeholder(random, raw);
                    break;
                default:
                    if (keys.Count > 0)
                    {
                        target[keys[random.Next(keys.Count)]] = Placeholder(random, raw);
                    }

                    break;
            }
        }

        var json = body.ToJsonString();
        for (var i = 0; i < raw.Count; i++)
        {
            json = json.Replace($"\"@@{i}@@\"", raw[i], StringComparison.Ordinal);
        }

        return json;
    }

    /// <summary>The body or an object inside it, at any depth.</summary>
    private static JsonObject PickObject(Random random, JsonObject body)
    {
        var inner = body.Select(p => p.Value).SelectMany(v => v is JsonArray list ? list.ToList() : new List<JsonNode?> { v }).OfType<JsonObject>().ToList();
        return inner.Count > 0 && random.Next(3) == 0 ? PickObject(random, inner[random.Next(inner.Count)]) : body;
    }

    /// <summary>A string that is replaced by a hostile raw value once the body is written (a JSON writer cannot write most of them).</summary>
    private static JsonNode Placeholder(Random random, List<string> raw)
    {
        raw.Add(s_hostile[random.Next(s_hostile.Length)]);
        return $"@@{raw.Count - 1}@@";
    }

    private static string Show(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return "body " + (text.Length > 400 ? text[..400] + "…" : text) + " (base64 " + Convert.ToBase64String(body.Length > 300 ? body[..300] : body) + ")";
    }
}
