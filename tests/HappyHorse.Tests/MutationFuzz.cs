using System.Text.Json;

namespace HappyHorse.Tests;

/// <summary>
/// Damages a valid document at random (deterministically) and checks that reading it either works or
/// fails with a <see cref="JsonException"/>, never anything else, tolerant and strict alike.
/// </summary>
internal static class MutationFuzz
{
    private static readonly byte[] Interesting =
        [(byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'0', (byte)'-',
         (byte)'.', (byte)'e', (byte)'n', (byte)'t', (byte)'u', 0x00, 0x1F, 0x7F, 0x80, 0xC0, 0xC3, 0xED, 0xF4, 0xFF];

    public delegate object Read(byte[] json, JsonReadContext context);

    public static void Run(byte[] document, int seed, int mutations, Read read)
    {
        var random = new Random(seed);
        var succeeded = 0;
        for (var i = 0; i < mutations; i++)
        {
            var json = Mutate(document, random);
            foreach (var strict in new[] { false, true })
            {
                try
                {
                    read(json, new JsonReadContext(strict));
                    succeeded++;
                }
                catch (JsonException)
                {
                }
                catch (Exception ex)
                {
                    Assert.Fail($"Mutation {i} (strict: {strict}) threw {ex.GetType().Name}: {ex.Message}\n{Convert.ToHexString(json)}");
                }
            }
        }

        // Most single mutations still leave JSON a tolerant reader can use; make sure the fuzz is not all syntax errors.
        Assert.True(succeeded > mutations / 4, $"only {succeeded} of {mutations * 2} reads succeeded");
    }

    private static byte[] Mutate(byte[] document, Random random)
    {
        var json = new List<byte>(document);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && json.Count > 0; e++)
        {
            var at = random.Next(json.Count);
            var value = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
            switch (random.Next(4))
            {
                case 0: json[at] = value; break;
                case 1: json.RemoveAt(at); break;
                case 2: json.Insert(at, value); break;
                default:
                    // Swap a value's quote or digit for another kind of token.
                    var token = random.Next(5) switch { 0 => "null"u8.ToArray(), 1 => "{}"u8.ToArray(), 2 => "[1]"u8.ToArray(), 3 => "\"x\""u8.ToArray(), _ => "1.5"u8.ToArray() };
                    json.InsertRange(at, token);
                    break;
            }
        }

        return [.. json];
    }
}
