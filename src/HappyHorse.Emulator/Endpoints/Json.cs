using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>Writes JSON answers the way the service does: compact, UTF-8, application/json.</summary>
internal static class Json
{
    // Messages quote values ("16:9", 'x'); the relaxed encoder keeps them readable. Nothing here is embedded in HTML.
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node) => node.ToJsonString(s_options);

    public static async Task WriteAsync(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK)
    {
        if (status != StatusCodes.Status200OK)
        {
            context.Response.StatusCode = status;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(Serialize(body));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
