using System.Globalization;
using System.Text;

namespace HappyHorse.Tests.Hostile;

/// <summary>Building blocks for hostile answers. Text goes through <see cref="HostileContext.Fill"/>, so the echo marker works in every part.</summary>
internal static class Scripts
{
    public const long HundredMegabytes = 100L * 1024 * 1024;

    /// <summary>A whole answer: status line, Content-Length, the given headers and the body.</summary>
    public static Script Answer(int status, string body, string contentType = "application/json", params string[] headers) =>
        ctx => ctx.WriteAsync(Head(status, headers.Append("Content-Type: " + contentType).Append("Content-Length: " + Encoding.UTF8.GetByteCount(ctx.Fill(body)))) + ctx.Fill(body));

    /// <summary>A whole answer whose body is raw bytes (invalid UTF-8 and the like); the echo marker in <paramref name="body"/> still works.</summary>
    public static Script AnswerBytes(int status, byte[] body, params string[] headers) =>
        async ctx =>
        {
            var filled = FillBytes(ctx, body);
            await ctx.WriteAsync(Head(status, headers.Append("Content-Type: application/json").Append("Content-Length: " + filled.Length)));
            await ctx.WriteAsync(filled);
        };

    /// <summary>Exactly these bytes (the echo marker filled in), then close.</summary>
    public static Script Raw(string text) => ctx => ctx.WriteAsync(text);

    public static Script RawBytes(params byte[][] parts) => async ctx =>
    {
        foreach (var part in parts)
        {
            await ctx.WriteAsync(FillBytes(ctx, part));
        }
    };

    /// <summary>Headers announcing <paramref name="declared"/> bytes, then only <paramref name="sent"/> of the body, then a cut (or a reset).</summary>
    public static Script CutMidBody(int status, string body, int sent, bool reset = false) => async ctx =>
    {
        var bytes = Encoding.UTF8.GetBytes(ctx.Fill(body));
        await ctx.WriteAsync(Head(status, ["Content-Type: application/json", "Content-Length: " + bytes.Length]));
        await ctx.WriteAsync(bytes.AsMemory(0, Math.Min(sent, bytes.Length)));
        if (reset)
        {
            ctx.Reset();
        }
    };

    /// <summary>A chunked answer that stops inside a chunk.</summary>
    public static Script ChunkedCut(int status, string head, bool reset = false) => async ctx =>
    {
        var bytes = Encoding.UTF8.GetBytes(ctx.Fill(head));
        await ctx.WriteAsync(Head(status, ["Content-Type: application/json", "Transfer-Encoding: chunked"]));
        await ctx.WriteAsync($"{bytes.Length + 100:x}\r\n");
        await ctx.WriteAsync(bytes);
        if (reset)
        {
            ctx.Reset();
        }
    };

    /// <summary>A well-formed chunked answer, cut into chunks of <paramref name="chunk"/> bytes.</summary>
    public static Script Chunked(int status, string body, int chunk = 7) => async ctx =>
    {
        var bytes = Encoding.UTF8.GetBytes(ctx.Fill(body));
        var output = new MemoryStream();
        output.Write(Encoding.ASCII.GetBytes(Head(status, ["Content-Type: application/json", "Transfer-Encoding: chunked"])));
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            var n = Math.Min(chunk, bytes.Length - i);
            output.Write(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
            output.Write(bytes, i, n);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        await ctx.WriteAsync(output.ToArray());
    };

    /// <summary>Headers (and optionally the start of the body), then silence until the server stops.</summary>
    public static Script HeadersThenSilence(int status, string bodyStart = "", long? contentLength = 400) => async ctx =>
    {
        var headers = contentLength is { } n ? new[] { "Content-Type: application/json", "Content-Length: " + n } : ["Content-Type: application/json", "Transfer-Encoding: chunked"];
        await ctx.WriteAsync(Head(status, headers) + (contentLength is null && bodyStart.Length > 0 ? $"{bodyStart.Length:x}\r\n" : "") + bodyStart);
        await ctx.HangAsync();
    };

    /// <summary>Reads the request and never answers.</summary>
    public static Script Silence() => ctx => ctx.HangAsync();

    /// <summary>Closes right after reading the request (clean FIN or reset).</summary>
    public static Script Close(bool reset = false) => ctx =>
    {
        if (reset)
        {
            ctx.Reset();
        }

        return Task.CompletedTask;
    };

    /// <summary>A valid answer, one byte every <paramref name="delay"/>.</summary>
    public static Script Trickle(int status, string body, TimeSpan delay) => async ctx =>
    {
        var bytes = Encoding.UTF8.GetBytes(Head(status, ["Content-Type: application/json", "Content-Length: " + Encoding.UTF8.GetByteCount(ctx.Fill(body))]) + ctx.Fill(body));
        for (var i = 0; i < bytes.Length; i++)
        {
            await ctx.WriteAsync(bytes.AsMemory(i, 1));
            await Task.Delay(delay, ctx.Stopping);
        }
    };

    /// <summary>Headers of a huge answer, then a body that never ends, one byte at a time.</summary>
    public static Script TrickleForever(int status) => async ctx =>
    {
        await ctx.WriteAsync(Head(status, ["Content-Type: application/json", "Transfer-Encoding: chunked"]) + "100000\r\n{\"task_id\":\"t-trickle\",\"x\":\"");
        while (true)
        {
            await ctx.WriteAsync("x"u8.ToArray());
            await Task.Delay(20, ctx.Stopping);
        }
    };

    /// <summary>
    /// A huge answer streamed from one repeated buffer: <paramref name="prefix"/>, then filler bytes
    /// up to <paramref name="total"/>, then <paramref name="suffix"/>; with Content-Length or chunked.
    /// </summary>
    public static Script Huge(int status, long total, bool chunked, string prefix = "{\"task_id\":\"t-huge\",\"prompt\":\"", string suffix = "\"}", byte filler = (byte)'x') => async ctx =>
    {
        var head = Encoding.UTF8.GetBytes(ctx.Fill(prefix));
        var tail = Encoding.UTF8.GetBytes(ctx.Fill(suffix));
        var fillerBytes = total - head.Length - tail.Length;
        var headers = chunked
            ? new[] { "Content-Type: application/json", "Transfer-Encoding: chunked" }
            : ["Content-Type: application/json", "Content-Length: " + total.ToString(CultureInfo.InvariantCulture)];
        await ctx.WriteAsync(Head(status, headers));
        var block = new byte[64 * 1024];
        block.AsSpan().Fill(filler);
        await WritePartAsync(ctx, head, chunked);
        while (fillerBytes > 0)
        {
            var n = (int)Math.Min(block.Length, fillerBytes);
            await WritePartAsync(ctx, block.AsMemory(0, n), chunked);
            fillerBytes -= n;
        }

        await WritePartAsync(ctx, tail, chunked);
        if (chunked)
        {
            await ctx.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
    };

    /// <summary>Plays <paramref name="scripts"/> in order, one per attempt; the last repeats.</summary>
    public static Func<int, Script> Sequence(params Script[] scripts) => attempt => scripts[Math.Min(attempt, scripts.Length) - 1];

    public static string Head(int status, IEnumerable<string> headers, string reason = "Whatever") =>
        $"HTTP/1.1 {status} {reason}\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "Connection: close\r\n\r\n";

    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private static readonly byte[] BlockChunkHeader = Encoding.ASCII.GetBytes($"{64 * 1024:x}\r\n");

    /// <summary>Writes one part; a full 64 KiB block allocates nothing, so memory tests measure the client, not the server.</summary>
    private static async Task WritePartAsync(HostileContext ctx, ReadOnlyMemory<byte> part, bool chunked)
    {
        if (part.IsEmpty)
        {
            return;
        }

        if (chunked)
        {
            await ctx.Stream.WriteAsync(part.Length == 64 * 1024 ? BlockChunkHeader : Encoding.ASCII.GetBytes($"{part.Length:x}\r\n"), ctx.Stopping);
            await ctx.Stream.WriteAsync(part, ctx.Stopping);
            await ctx.Stream.WriteAsync(Crlf, ctx.Stopping);
        }
        else
        {
            await ctx.Stream.WriteAsync(part, ctx.Stopping);
        }
    }

    private static byte[] FillBytes(HostileContext ctx, byte[] bytes)
    {
        var marker = Encoding.ASCII.GetBytes(HostileContext.EchoMarker);
        var echo = Encoding.UTF8.GetBytes(ctx.Echo);
        var output = new List<byte>(bytes.Length);
        var span = bytes.AsSpan();
        int at;
        while ((at = span.IndexOf(marker)) >= 0)
        {
            output.AddRange(span[..at]);
            output.AddRange(echo);
            span = span[(at + marker.Length)..];
        }

        output.AddRange(span);
        return [.. output];
    }
}
