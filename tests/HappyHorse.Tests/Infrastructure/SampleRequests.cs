namespace HappyHorse.Tests.Infrastructure;

/// <summary>Valid requests of every action, minimal and fully populated.</summary>
internal static class SampleRequests
{
    public const string ImageUrl = "https://cdn.example.com/first-frame.png";
    public const string VideoUrl = "https://cdn.example.com/input.mp4";
    public const string CallbackUrl = "https://hooks.example.com/happyhorse";

    public static readonly string[] Actions = ["generate", "image_to_video", "reference_to_video", "video_edit"];

    /// <summary>The request of <paramref name="action"/> with only its required fields.</summary>
    public static IVideosRequest Minimal(string action) => action switch
    {
        "generate" => new GenerateRequest("a horse running on a beach"),
        "image_to_video" => new ImageToVideoRequest(ImageUrl),
        "reference_to_video" => new ReferenceToVideoRequest("character1 rides a horse", [ImageUrl]),
        "video_edit" => new VideoEditRequest("make it snow", VideoUrl),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The request of <paramref name="action"/> with every field it has set to a valid value.</summary>
    public static IValidatable Full(string action) => action switch
    {
        "generate" => FullGenerate(),
        "image_to_video" => FullImageToVideo(),
        "reference_to_video" => FullReferenceToVideo(),
        "video_edit" => FullVideoEdit(),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static GenerateRequest FullGenerate() => new("a horse running on a beach")
    {
        Model = GenerateModel.HappyHorse1_0,
        Ratio = Ratio.Landscape16x9,
        Duration = 10,
        Resolution = Resolution.P1080,
        Watermark = true,
        Seed = 42,
        CallbackUrl = CallbackUrl,
        Async = true,
    };

    public static ImageToVideoRequest FullImageToVideo() => new(ImageUrl)
    {
        Model = ImageToVideoModel.HappyHorse1_0,
        Prompt = "the horse starts to gallop",
        Duration = 10,
        Resolution = Resolution.P1080,
        Watermark = true,
        Seed = 42,
        CallbackUrl = CallbackUrl,
        Async = true,
    };

    public static ReferenceToVideoRequest FullReferenceToVideo() =>
        new("character1 rides a horse", Enumerable.Range(1, 9).Select(i => $"https://cdn.example.com/ref{i}.png"))
        {
            Model = ReferenceToVideoModel.HappyHorse1_0,
            Ratio = Ratio.Square1x1,
            Duration = 10,
            Resolution = Resolution.P1080,
            Watermark = true,
            Seed = 42,
            CallbackUrl = CallbackUrl,
            Async = true,
        };

    public static VideoEditRequest FullVideoEdit() => new("make it snow", VideoUrl)
    {
        Model = VideoEditModel.HappyHorse1_0,
        ImageUrls = [.. Enumerable.Range(1, 5).Select(i => $"https://cdn.example.com/ref{i}.png")],
        AudioSetting = AudioSetting.Origin,
        Resolution = Resolution.P1080,
        Watermark = true,
        Seed = 42,
        CallbackUrl = CallbackUrl,
        Async = true,
    };
}
