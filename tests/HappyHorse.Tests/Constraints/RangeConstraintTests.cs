using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>duration is 3–15 for the actions that have it; seed is 0–2147483647 for every action.</summary>
public class RangeConstraintTests
{
    public static TheoryData<string, int> DurationEdges => Cross(["generate", "image_to_video", "reference_to_video"], [3, 15]);

    public static TheoryData<string, int> DurationPastEdges => Cross(["generate", "image_to_video", "reference_to_video"], [2, 16]);

    public static TheoryData<string, int> SeedEdges => Cross(SampleRequests.Actions, [0, int.MaxValue]);

    public static TheoryData<string> AllActions => [.. SampleRequests.Actions];

    [Theory]
    [MemberData(nameof(DurationEdges))]
    public void DurationAtAnEdgeIsValid(string action, int duration) =>
        ValidationAssert.Valid(WithDuration(action, duration));

    [Theory]
    [MemberData(nameof(DurationPastEdges))]
    public void DurationOnePastAnEdgeIsRejectedNamingTheRangeAndTheValue(string action, int duration)
    {
        var error = ValidationAssert.SingleError(WithDuration(action, duration), "duration", "range", "between 3 and 15", $"(was {duration})");
        Assert.Equal(duration.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Value);
    }

    [Theory]
    [MemberData(nameof(SeedEdges))]
    public void SeedAtAnEdgeIsValid(string action, int seed) =>
        ValidationAssert.Valid(WithSeed(action, seed));

    [Theory]
    [MemberData(nameof(AllActions))]
    public void NegativeSeedIsRejectedNamingTheRangeAndTheValue(string action)
    {
        var error = ValidationAssert.SingleError(WithSeed(action, -1), "seed", "range", "between 0 and 2147483647", "(was -1)");
        Assert.Equal("-1", error.Value);
    }

    private static IValidatable WithDuration(string action, int duration) => action switch
    {
        "generate" => new GenerateRequest("a horse") { Duration = duration },
        "image_to_video" => new ImageToVideoRequest(SampleRequests.ImageUrl) { Duration = duration },
        "reference_to_video" => new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { Duration = duration },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static IValidatable WithSeed(string action, int seed) => action switch
    {
        "generate" => new GenerateRequest("a horse") { Seed = seed },
        "image_to_video" => new ImageToVideoRequest(SampleRequests.ImageUrl) { Seed = seed },
        "reference_to_video" => new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { Seed = seed },
        "video_edit" => new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { Seed = seed },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static TheoryData<string, int> Cross(string[] actions, int[] values)
    {
        var data = new TheoryData<string, int>();
        foreach (var action in actions)
        {
            foreach (var value in values)
            {
                data.Add(action, value);
            }
        }

        return data;
    }
}
