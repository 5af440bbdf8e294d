using Siblings.Ruled;

namespace ContractFirst.Siblings.Tests;

/// <summary>Rules between fields in a compiled SDK: a valid and an invalid request for each shape, with the message a user sees.</summary>
public sealed class RuleTests
{
    [Fact]
    public void ExactlyOneOfTwoSources()
    {
        Assert.True(new ExtendRequest { VideoId = "v-1" }.Validate().IsValid);
        Assert.Equal(["exactly one of video_id, video_url must be set (2 were)"],
            Messages(new ExtendRequest { VideoId = "v-1", VideoUrl = "https://example.com/v.mp4" }));
        Assert.Equal(["exactly one of video_id, video_url must be set (0 were)"], Messages(new ExtendRequest()));
    }

    [Fact]
    public void AtLeastOneInput()
    {
        Assert.True(new GenerateRequest { ImageUrl = "https://example.com/a.png" }.Validate().IsValid);
        Assert.Equal(["at least one of prompt, image_url must be set"], Messages(new GenerateRequest()));
    }

    [Fact]
    public void AnEndpointRuleAppliesToTheActionsThatHaveItsFields()
    {
        // The endpoint's rule names end_image_url and image_url: generate has both, so it checks it.
        Assert.True(new GenerateRequest { ImageUrl = "https://example.com/a.png", EndImageUrl = "https://example.com/b.png" }.Validate().IsValid);
        Assert.Equal(["at least one of prompt, image_url must be set", "end_image_url requires image_url"],
            Messages(new GenerateRequest { EndImageUrl = "https://example.com/b.png" }));
    }

    [Fact]
    public void LimitsThatDependOnTheModelFollowTheModelSentIncludingTheDefault()
    {
        // No model set: the default v2 is sent, so v2's range applies.
        Assert.True(new GenerateRequest { Prompt = "p", Duration = 10 }.Validate().IsValid);
        Assert.Equal(["duration must be between 3 and 10 (was 12) when model is v2 or v3"], Messages(new GenerateRequest { Prompt = "p", Duration = 12 }));

        Assert.True(new GenerateRequest { Prompt = "p", Model = GenerateModel.V1, Duration = 5, Mode = Mode.Std }.Validate().IsValid);
        Assert.Equal(
            ["duration must be one of 5 (was 10) when model is v1", "mode must be one of std (was \"pro\") when model is v1"],
            Messages(new GenerateRequest { Prompt = "p", Model = GenerateModel.V1, Duration = 10, Mode = Mode.Pro }));
    }

    [Fact]
    public void AnEnumConditionForbidsAFieldAndNarrowsAnother()
    {
        Assert.True(new GenerateRequest { Prompt = "p", Mode = Mode.Ultra }.Validate().IsValid);
        Assert.Equal(
            ["end_image_url must not be set when mode is ultra", "prompt must be at most 100 characters (was 101) when mode is ultra"],
            Messages(new GenerateRequest { Prompt = new string('p', 101), ImageUrl = "https://example.com/a.png", EndImageUrl = "https://example.com/b.png", Mode = Mode.Ultra }));
    }

    [Fact]
    public void AFlagMakesFieldsRequiredOrForbidden()
    {
        Assert.True(new SongRequest { Custom = true, Lyric = "la la", Title = "Song" }.Validate().IsValid);
        Assert.Equal(["lyric is required when custom is true", "title is required when custom is true"], Messages(new SongRequest { Custom = true }));
        Assert.Equal(["prompt is required when custom is false", "lyric must not be set when custom is false"], Messages(new SongRequest { Custom = false, Lyric = "la" }));
        Assert.True(new SongRequest().Validate().IsValid);
    }

    [Fact]
    public void ARuleInsideAnObjectNamesItsPath()
    {
        var request = new SongRequest { Sections = [new Section(0) { End = 10 }, new Section(10) { End = 20, Length = 10 }] };

        Assert.Equal(["sections[1].end cannot be sent with length"], Messages(request));
    }

    [Fact]
    public void CheckingRulesOfAValidRequestAllocatesNothing()
    {
        var request = new GenerateRequest { Prompt = "p", Model = GenerateModel.V1, Duration = 5, Mode = Mode.Std, ImageUrl = "https://example.com/a.png", EndImageUrl = "https://example.com/b.png" };
        Assert.True(request.Validate().IsValid);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = request.Validate().IsValid;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, allocated);
    }

    private static string[] Messages(IValidatable request) => [.. request.Validate().Errors.Select(e => e.Message)];
}
