using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Tasks;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>GET /files/{task id}.mp4: the video of a succeeded task, like the service's CDN (no token needed).</summary>
internal static class FilesEndpoint
{
    private static readonly Lazy<byte[]> s_video = new(() =>
    {
        using var stream = typeof(FilesEndpoint).Assembly.GetManifestResourceStream("HappyHorse.Emulator.sample.mp4")
            ?? throw new InvalidOperationException("The embedded sample video is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static async Task<IResult> HandleAsync(HttpContext context, EmulatorState state, string file)
    {
        await RequestGate.RecordAsync(context, state).ConfigureAwait(false);
        if (!file.EndsWith(".mp4", StringComparison.Ordinal)
            || state.Tasks.Find(file[..^4]) is not { } task
            || task.Snapshot().State != VideoStates.Succeeded)
        {
            return Results.NotFound();
        }

        // Results.File sets Content-Type and Content-Length, and answers Range requests for players that seek.
        return Results.File(s_video.Value, "video/mp4", enableRangeProcessing: true);
    }
}
