using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Serving;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>Writes answers the way the service does: compact UTF-8 JSON, errors in the contract's layout.</summary>
internal static class Answers
{
    private const string TraceIdKey = "emulator.trace-id";

    // Messages quote values ("16:9", 'x'); the relaxed encoder keeps them readable. Nothing here is embedded in HTML.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a JSON answer; with <paramref name="cut"/>, the headers promise all of it but half is sent before the connection is aborted.</summary>
    public static async Task WriteAsync(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK, bool cut = false)
    {
        var bytes = Serialize(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        if (!cut)
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Abort();
    }

    /// <summary>Writes an error body with the contract's code for <paramref name="problem"/>.</summary>
    public static Task ErrorAsync(HttpContext context, EmulatorState state, ApiProblem problem, string message, TimeSpan? retryAfter = null)
    {
        var errors = state.Api.Errors;
        if (retryAfter is { } wait)
        {
            // Whole seconds, at least one: the header's delta form has no fractions.
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, errors.Body(problem, message, TraceId(context)), errors.StatusOf(problem));
    }

    /// <summary>The trace id of the request being answered (set by the gate), or a new one.</summary>
    public static string TraceId(HttpContext context) =>
        context.Items[TraceIdKey] as string ?? (string)(context.Items[TraceIdKey] = Guid.NewGuid().ToString());
}
