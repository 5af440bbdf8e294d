using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>
/// ratio, resolution, audio_setting and model accept only the values the contract lists; a string the
/// contract does not list (the implicit conversion accepts any) is rejected with the allowed list.
/// </summary>
public class EnumConstraintTests
{
    private const string Ratios = "16:9, 9:16, 1:1, 4:3, 3:4";
    private const string Resolutions = "720P, 1080P";

    public static TheoryData<string> AllActions => [.. SampleRequests.Actions];

    [Fact]
    public void EveryListedRatioResolutionAndAudioSettingIsValid()
    {
        foreach (var ratio in Ratio.KnownValues)
        {
            ValidationAssert.Valid(new GenerateRequest("a horse") { Ratio = ratio });
            ValidationAssert.Valid(new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { Ratio = ratio });
        }

        foreach (var resolution in Resolution.KnownValues)
        {
            ValidationAssert.Valid(new ImageToVideoRequest(SampleRequests.ImageUrl) { Resolution = resolution });
        }

        foreach (var audio in AudioSetting.KnownValues)
        {
            ValidationAssert.Valid(new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { AudioSetting = audio });
        }
    }

    [Fact]
    public void ListedValuesGivenAsStringsAreValid()
    {
        ValidationAssert.Valid(new GenerateRequest("a horse") { Ratio = "9:16", Resolution = "720P", Model = "happyhorse-1.0-t2v" });
        ValidationAssert.Valid(new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { AudioSetting = "auto" });
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("reference_to_video")]
    public void UnknownRatioIsRejectedWithTheAllowedList(string action)
    {
        IValidatable request = action == "generate"
            ? new GenerateRequest("a horse") { Ratio = "2:1" }
            : new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { Ratio = "2:1" };
        var error = ValidationAssert.SingleError(request, "ratio", "allowed", "one of " + Ratios, "(was \"2:1\")");
        Assert.Equal("2:1", error.Value);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void UnknownResolutionIsRejectedWithTheAllowedList(string action)
    {
        IValidatable request = action switch
        {
            "generate" => new GenerateRequest("a horse") { Resolution = "4K" },
            "image_to_video" => new ImageToVideoRequest(SampleRequests.ImageUrl) { Resolution = "4K" },
            "reference_to_video" => new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { Resolution = "4K" },
            _ => new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { Resolution = "4K" },
        };
        ValidationAssert.SingleError(request, "resolution", "allowed", "one of " + Resolutions, "(was \"4K\")");
    }

    [Fact]
    public void ResolutionIsCaseSensitive() =>
        ValidationAssert.SingleError(new GenerateRequest("a horse") { Resolution = "720p" }, "resolution", "allowed", "(was \"720p\")");

    [Fact]
    public void UnknownAudioSettingIsRejectedWithTheAllowedList() =>
        ValidationAssert.SingleError(
            new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { AudioSetting = "mute" },
            "audio_setting", "allowed", "one of auto, origin", "(was \"mute\")");

    [Fact]
    public void EveryListedModelOfEachActionIsValid()
    {
        foreach (var model in GenerateModel.KnownValues)
        {
            ValidationAssert.Valid(new GenerateRequest("a horse") { Model = model });
        }

        foreach (var model in ImageToVideoModel.KnownValues)
        {
            ValidationAssert.Valid(new ImageToVideoRequest(SampleRequests.ImageUrl) { Model = model });
        }

        foreach (var model in ReferenceToVideoModel.KnownValues)
        {
            ValidationAssert.Valid(new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { Model = model });
        }

        foreach (var model in VideoEditModel.KnownValues)
        {
            ValidationAssert.Valid(new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { Model = model });
        }
    }

    [Fact]
    public void GenerateRejectsAnImageToVideoModelNamingItsOwnModels() =>
        ValidationAssert.SingleError(
            new GenerateRequest("a horse") { Model = "happyhorse-1.1-i2v" },
            "model", "allowed", "one of happyhorse-1.1-t2v, happyhorse-1.0-t2v", "(was \"happyhorse-1.1-i2v\")");

    [Fact]
    public void ImageToVideoRejectsATextToVideoModelNamingItsOwnModels() =>
        ValidationAssert.SingleError(
            new ImageToVideoRequest(SampleRequests.ImageUrl) { Model = "happyhorse-1.1-t2v" },
            "model", "allowed", "one of happyhorse-1.1-i2v, happyhorse-1.0-i2v", "(was \"happyhorse-1.1-t2v\")");

    [Fact]
    public void ReferenceToVideoRejectsAnImageToVideoModelNamingItsOwnModels() =>
        ValidationAssert.SingleError(
            new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { Model = "happyhorse-1.0-i2v" },
            "model", "allowed", "one of happyhorse-1.1-r2v, happyhorse-1.0-r2v", "(was \"happyhorse-1.0-i2v\")");

    [Fact]
    public void VideoEditRejectsAGenerationModelNamingItsOnlyModel() =>
        ValidationAssert.SingleError(
            new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { Model = "happyhorse-1.1-t2v" },
            "model", "allowed", "one of happyhorse-1.0-video-edit", "(was \"happyhorse-1.1-t2v\")");
}
