using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>image_urls holds 1–9 URLs for reference_to_video and 0–5 for video_edit.</summary>
public class ItemCountTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void ReferenceToVideoAccepts1To9Images(int count) =>
        ValidationAssert.Valid(new ReferenceToVideoRequest("character1", Urls(count)));

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void ReferenceToVideoRejectsACountOutside1To9(int count)
    {
        var error = ValidationAssert.SingleError(
            new ReferenceToVideoRequest("character1", Urls(count)), "image_urls", "items", "between 1 and 9 items", $"(had {count})");
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void VideoEditAccepts0To5Images(int count) =>
        ValidationAssert.Valid(new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { ImageUrls = Urls(count) });

    [Fact]
    public void VideoEditRejects6Images() =>
        ValidationAssert.SingleError(
            new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { ImageUrls = Urls(6) },
            "image_urls", "items", "between 0 and 5 items", "(had 6)");

    private static List<string> Urls(int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"https://cdn.example.com/ref{i}.png")];
}
