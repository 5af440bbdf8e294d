namespace HappyHorse.Emulator.Serving;

/// <summary>A file the emulator serves for a succeeded task.</summary>
internal sealed record MediaFile(string ContentType, byte[] Content);

/// <summary>
/// The files every result URL points at, one per kind of media, chosen by the URL field's name: a 2-second MP4 (video,
/// and anything unnamed), a 1×1 PNG (image, cover, thumbnail) or one second of silent MP3 (audio, song). Each is a
/// real file a player or decoder opens, so a client can download and check it.
/// </summary>
internal static class MediaFiles
{
    private static readonly Lazy<MediaFile> s_video = new(() =>
    {
        using var stream = typeof(MediaFiles).Assembly.GetManifestResourceStream("HappyHorse.Emulator.sample.mp4")
            ?? throw new InvalidOperationException("The embedded sample video is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new MediaFile("video/mp4", copy.ToArray());
    });

    private static readonly MediaFile s_image = new("image/png",
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F, 0x00, 0x05, 0xFE, 0x02, 0xFE, 0x0D, 0xEF, 0x46, 0xB8, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]);

    private static readonly Lazy<MediaFile> s_audio = new(() => new MediaFile("audio/mpeg", SilentMp3(frames: 38)));

    /// <summary>The path of a task's file for a URL field, for example <c>/files/&lt;task id&gt;.mp4</c>.</summary>
    public static string PathOf(string taskId, string field) => "/files/" + taskId + Extension(field);

    /// <summary>Splits a requested file name into the task id and the file; false when it is no file the emulator makes.</summary>
    public static bool TryResolve(string name, out string taskId, out MediaFile file)
    {
        taskId = "";
        file = null!;
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        taskId = name[..dot];
        MediaFile? found = name[dot..] switch
        {
            ".mp4" => s_video.Value,
            ".png" => s_image,
            ".mp3" => s_audio.Value,
            _ => null,
        };
        file = found!;
        return found is not null;
    }

    private static string Extension(string field) =>
        field.Contains("image", StringComparison.OrdinalIgnoreCase) || field.Contains("cover", StringComparison.OrdinalIgnoreCase) || field.Contains("thumbnail", StringComparison.OrdinalIgnoreCase) ? ".png"
        : field.Contains("audio", StringComparison.OrdinalIgnoreCase) || field.Contains("song", StringComparison.OrdinalIgnoreCase) ? ".mp3"
        : ".mp4";

    /// <summary>
    /// MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz, mono (header FF FB 90 C0, 417 bytes each) whose side information
    /// and main data are all zero: every decoder reads them as silence, 26 ms a frame.
    /// </summary>
    private static byte[] SilentMp3(int frames)
    {
        const int frameLength = 417;
        var content = new byte[frames * frameLength];
        for (var i = 0; i < frames; i++)
        {
            content[i * frameLength] = 0xFF;
            content[(i * frameLength) + 1] = 0xFB;
            content[(i * frameLength) + 2] = 0x90;
            content[(i * frameLength) + 3] = 0xC0;
        }

        return content;
    }
}
