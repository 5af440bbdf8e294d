using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>
/// A string with an unpaired UTF-16 surrogate has no UTF-8 form: it would be sent as U+FFFD. Every string
/// field refuses it before sending, naming the field, the rule (<c>utf16</c>) and the index.
/// </summary>
public class WellFormedStringTests
{
    public static TheoryData<string, string, int> LoneSurrogates => new()
    {
        { "\uD800", "U+D800", 0 },
        { "A horse \uDC00", "U+DC00", 8 },
        { "\uD83D\uDE00 then \uD83D", "U+D83D", 8 },
        { "\uDE00\uD83D", "U+DE00", 0 },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates), DisableDiscoveryEnumeration = true)] // xunit would turn the surrogates into U+FFFD
    public void EveryStringFieldRefusesAnUnpairedSurrogateNamingTheFieldAndIndex(string value, string codeUnit, int index)
    {
        var requests = new (IValidatable Request, string Field)[]
        {
            (new GenerateRequest(value), "prompt"),
            (new ImageToVideoRequest(SampleRequests.ImageUrl) { Prompt = value }, "prompt"),
            (new ReferenceToVideoRequest(value, [SampleRequests.ImageUrl]), "prompt"),
            (new VideoEditRequest(value, SampleRequests.VideoUrl), "prompt"),
            (new GetTaskRequest(value), "id"),
            (new GetTasksRequest(["task-1", value]), "ids[1]"),
        };
        foreach (var (request, field) in requests)
        {
            var error = ValidationAssert.SingleError(request, field, "utf16", $"{field} must be well-formed UTF-16: unpaired surrogate {codeUnit} at index {index}");
            Assert.Equal(value, error.Value);
        }
    }

    [Fact]
    public void AUrlWithAnUnpairedSurrogateIsReportedAsThatNotAsABadUrl()
    {
        // URLs are checked as URLs first (a valid one is ASCII); one that fails says why, the surrogate before the form.
        const string Url = "https://example.com/\uD800.png";
        var requests = new (IValidatable Request, string Field)[]
        {
            (new ImageToVideoRequest(Url), "image_url"),
            (new ReferenceToVideoRequest("walks", [SampleRequests.ImageUrl, Url]), "image_urls[1]"),
            (new VideoEditRequest("snow", Url), "video_url"),
            (new GenerateRequest("a horse") { CallbackUrl = Url }, "callback_url"),
        };
        foreach (var (request, field) in requests)
        {
            ValidationAssert.SingleError(request, field, "utf16", $"{field} must be well-formed UTF-16: unpaired surrogate U+D800 at index 20");
        }
    }

    [Fact]
    public void SurrogatePairsAreWellFormed()
    {
        ValidationAssert.Valid(new GenerateRequest("A horse 🐎 in the snow ❄️"));
        ValidationAssert.Valid(new GetTasksRequest(["task-😀"]));
    }
}
