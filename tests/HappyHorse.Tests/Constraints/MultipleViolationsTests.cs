using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>Validation reports every broken constraint at once, not just the first.</summary>
public class MultipleViolationsTests
{
    [Fact]
    public void GenerateReportsEveryViolationInContractOrder()
    {
        var request = new GenerateRequest(" ")
        {
            Model = "happyhorse-1.0-r2v",
            Ratio = "21:9",
            Duration = 16,
            Resolution = "4K",
            Seed = -1,
            CallbackUrl = "ftp://example.com/hook",
        };

        var result = request.Validate();

        Assert.False(result.IsValid);
        Assert.Equal(7, result.Errors.Count);
        Assert.Equal(
            ["model", "prompt", "ratio", "duration", "resolution", "seed", "callback_url"],
            result.Errors.Select(e => e.Field));
        Assert.Equal(
            ["allowed", "required", "allowed", "range", "allowed", "range", "url"],
            result.Errors.Select(e => e.Rule));
    }

    [Fact]
    public void ReferenceToVideoReportsCountAndEachBadItem()
    {
        var request = new ReferenceToVideoRequest("", [.. Enumerable.Repeat(SampleRequests.ImageUrl, 8), "relative.png", "", "ftp://x/y.png"])
        {
            Duration = 2,
        };

        var result = request.Validate();

        Assert.Equal(6, result.Errors.Count);
        Assert.Equal(
            ["prompt", "image_urls", "image_urls[8]", "image_urls[9]", "image_urls[10]", "duration"],
            result.Errors.Select(e => e.Field));
        Assert.Equal(
            ["required", "items", "url", "required", "url", "range"],
            result.Errors.Select(e => e.Rule));
    }

    [Fact]
    public void VideoEditReportsMissingRequiredFieldsTogether()
    {
        var request = new VideoEditRequest("", "") { ImageUrls = ["not a url"], AudioSetting = "none" };

        var result = request.Validate();

        Assert.Equal(4, result.Errors.Count);
        Assert.Equal(["prompt", "video_url", "image_urls[0]", "audio_setting"], result.Errors.Select(e => e.Field));
    }
}
