using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Serving;
using HappyHorse.Emulator.Tasks;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>GET /files/{task id}.{mp4|png|mp3}: the result of a succeeded task, like the service's CDN (no token needed).</summary>
internal static class FilesEndpoint
{
    public const string Prefix = "/files/";

    public static Task HandleAsync(HttpContext context, EmulatorState state, string name)
    {
        if (!MediaFiles.TryResolve(name, out var taskId, out var file)
            || state.Tasks.Find(taskId) is not { } task
            || task.Snapshot().Outcome != TaskOutcome.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        // Results.File sets Content-Type and Content-Length, and answers Range requests for players that seek.
        return Results.File(file.Content, file.ContentType, enableRangeProcessing: true).ExecuteAsync(context);
    }
}
