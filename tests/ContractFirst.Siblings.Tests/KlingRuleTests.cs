using ContractFirst.Siblings.Tests.Support;
using Siblings.Kling;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// The format 2 rules of the Kling contract in its compiled SDK: models declared on the endpoint and narrowed by
/// extend, durations restricted to values, a length limit, defaults left to the service, and a list of reference
/// videos whose object has a default of its own. A valid and an invalid request for each rule, and the exact JSON.
/// </summary>
public sealed class KlingRuleTests
{
    [Fact]
    public void UnsetFieldsWithDefaultsAreLeftOutAndTheEndpointsDefaultModelIsSent()
    {
        // mode (std) and aspect_ratio (16:9) have defaults the service applies: neither is sent.
        var request = new Text2videoRequest("a mug");

        Assert.True(request.Validate().IsValid);
        Assert.Equal("""{"action":"text2video","model":"kling-v1","prompt":"a mug"}""", JsonBody.Of(request.WriteJson));

        // refer_type (base) inside a reference video is left out too.
        var withVideo = new Text2videoRequest("a mug") { Model = VideosModel.KlingVideoO1, VideoList = [new VideoReference("https://example.com/ref.mp4")] };
        Assert.True(withVideo.Validate().IsValid);
        Assert.Equal(
            """{"action":"text2video","model":"kling-video-o1","prompt":"a mug","video_list":[{"video_url":"https://example.com/ref.mp4"}]}""",
            JsonBody.Of(withVideo.WriteJson));
    }

    [Fact]
    public void AFieldSetToItsDefaultIsSent()
    {
        var request = new Text2videoRequest("a mug")
        {
            Model = VideosModel.KlingVideoO1,
            Mode = Mode.Std,
            AspectRatio = new AspectRatio("16:9"),
            VideoList = [new VideoReference("https://example.com/ref.mp4") { ReferType = ReferType.Base, KeepOriginalSound = KeepSound.Yes }],
        };

        Assert.Equal(
            """{"action":"text2video","model":"kling-video-o1","prompt":"a mug","aspect_ratio":"16:9","video_list":[{"video_url":"https://example.com/ref.mp4","refer_type":"base","keep_original_sound":"yes"}],"mode":"std"}""",
            JsonBody.Of(request.WriteJson));
    }

    [Fact]
    public void ExtendSendsItsRequiredVideoIdAndTheInheritedDefaultModel()
    {
        Assert.Equal(
            """{"action":"extend","model":"kling-v1","video_id":"v-1","duration":10}""",
            JsonBody.Of(new ExtendRequest("v-1") { Duration = 10 }.WriteJson));
    }

    [Fact]
    public void ExtendAcceptsOnlyTheModelsItNarrowsTo()
    {
        Assert.True(new ExtendRequest("v-1") { Model = VideosModel.KlingV1_6 }.Validate().IsValid);

        // kling-v2-master is one of the endpoint's models, so the type carries it; extend refuses it.
        Assert.Equal(
            ("model", "allowed", "model must be one of kling-v1, kling-v1-6 (was \"kling-v2-master\")"),
            JsonBody.Single(new ExtendRequest("v-1") { Model = VideosModel.KlingV2Master }.Validate()));

        // The other actions take every model of the endpoint.
        Assert.True(new Image2videoRequest("https://example.com/first.png") { Model = VideosModel.KlingV2Master }.Validate().IsValid);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void ADurationOfTheListedValuesIsValid(int seconds) =>
        Assert.True(new Text2videoRequest("a mug") { Duration = seconds }.Validate().IsValid);

    [Fact]
    public void ADurationBetweenTheValuesIsRefused() =>
        Assert.Equal(
            ("duration", "allowed", "duration must be one of 5, 10 (was 7)"),
            JsonBody.Single(new ExtendRequest("v-1") { Duration = 7 }.Validate()));

    [Fact]
    public void ANegativePromptOf200CodePointsIsValidAnd201IsNot()
    {
        // 200 notes are 400 UTF-16 units but 200 characters, as JSON Schema counts them.
        Assert.True(new Text2videoRequest("a mug") { NegativePrompt = string.Concat(Enumerable.Repeat("🎵", 200)) }.Validate().IsValid);

        Assert.Equal(
            ("negative_prompt", "length", "negative_prompt must be at most 200 characters (was 201)"),
            JsonBody.Single(new Image2videoRequest("https://example.com/first.png") { NegativePrompt = new string('n', 201) }.Validate()));
    }

    [Fact]
    public void AtMostOneReferenceVideo() =>
        Assert.Equal(
            ("video_list", "items", "video_list must have at most 1 item (had 2)"),
            JsonBody.Single(new Text2videoRequest("a mug")
            {
                Model = VideosModel.KlingVideoO1,
                VideoList = [new VideoReference("https://example.com/a.mp4"), new VideoReference("https://example.com/b.mp4")],
            }.Validate()));

    [Fact]
    public void ReferenceVideosAndElementsWorkOnlyWithKlingVideoO1()
    {
        // The endpoint's rule reaches both actions with video_list; text2video's own adds element_list.
        Assert.True(new Text2videoRequest("a mug") { Model = VideosModel.KlingVideoO1, ElementList = [new Element("el-1")] }.Validate().IsValid);
        Assert.Equal(
            [
                "element_list must not be set when model is kling-v1 or kling-v1-6 or kling-v2-master or kling-v2-1-master or kling-v2-5-turbo",
                "video_list must not be set when model is kling-v1 or kling-v1-6 or kling-v2-master or kling-v2-1-master or kling-v2-5-turbo",
            ],
            new Text2videoRequest("a mug") { ElementList = [new Element("el-1")], VideoList = [new VideoReference("https://example.com/a.mp4")] }
                .Validate().Errors.Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnEndFrameAllowsOnlyFiveSeconds()
    {
        var request = new Image2videoRequest("https://example.com/first.png") { EndImageUrl = "https://example.com/last.png", Duration = 5 };
        Assert.True(request.Validate().IsValid);

        request.Duration = 10;
        Assert.Equal(
            ("duration", "allowed", "duration must be one of 5 (was 10) when end_image_url is set"),
            JsonBody.Single(request.Validate()));

        // Without an end frame, 10 seconds is fine.
        Assert.True(new Image2videoRequest("https://example.com/first.png") { Duration = 10 }.Validate().IsValid);
    }

    [Fact]
    public void AReferenceVideosRulesAreCheckedUnderItsIndex()
    {
        var request = new Image2videoRequest("https://example.com/first.png")
        {
            Model = VideosModel.KlingVideoO1,
            VideoList = [new VideoReference("ftp://example.com/a.mp4") { ReferType = new ReferType("edit") }],
        };

        Assert.Equal(
            [
                "video_list[0].video_url must be an absolute http or https URL (was \"ftp://example.com/a.mp4\")",
                "video_list[0].refer_type must be one of feature, base (was \"edit\")",
            ],
            request.Validate().Errors.Select(e => e.Message));
    }
}
