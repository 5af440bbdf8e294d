using ContractFirst.Runtime;
using HappyHorse.Emulator.Tests.Support;
using Studio;

namespace HappyHorse.Emulator.Tests.FieldConstraints;

/// <summary>
/// The generated validators and the emulator's validator (which reads the contract, with lengths in code points)
/// judge the format 2 rules alike: over values on both sides of every limit, each accepts exactly what the
/// other does. The SDK's JSON is what the emulator reads.
/// </summary>
public class FieldRuleCrossCheckTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>One change to a valid request of each action, described for the failure message.</summary>
    public static TheoryData<string> Cases => [.. Changes.Keys];

    private static readonly Dictionary<string, Func<IImagesRequest>> Changes = new(StringComparer.Ordinal)
    {
        ["valid create"] = () => Create(_ => { }),
        ["valid preview"] = () => Preview(_ => { }),
        ["prompt 1000 emoji"] = () => Create(r => r.Prompt = Repeat("😀", 1000)),
        ["prompt 1001 emoji"] = () => Create(r => r.Prompt = Repeat("😀", 1001)),
        ["prompt 1001 letters"] = () => Create(r => r.Prompt = Repeat("a", 1001)),
        ["prompt blank"] = () => Create(r => r.Prompt = "  "),
        ["prompt empty"] = () => Create(r => r.Prompt = ""),
        ["preview prompt 200 emoji"] = () => Preview(r => r.Prompt = Repeat("😀", 200)),
        ["preview prompt 201 emoji"] = () => Preview(r => r.Prompt = Repeat("😀", 201)),
        ["negative_prompt empty"] = () => Create(r => r.NegativePrompt = ""),
        ["negative_prompt 199 letters and an emoji"] = () => Create(r => r.NegativePrompt = Repeat("a", 199) + "😀"),
        ["negative_prompt 200 letters and an emoji"] = () => Create(r => r.NegativePrompt = Repeat("a", 200) + "😀"),
        ["negative_prompt 200 combining accents"] = () => Create(r => r.NegativePrompt = Repeat("\u0301", 200)),
        ["preview negative_prompt 51"] = () => Preview(r => r.NegativePrompt = Repeat("n", 51)),
        ["aspect_ratio 16:9"] = () => Create(r => r.AspectRatio = "16:9"),
        ["aspect_ratio 16x9"] = () => Create(r => r.AspectRatio = "16x9"),
        ["aspect_ratio empty"] = () => Create(r => r.AspectRatio = ""),
        ["aspect_ratio with a trailing newline"] = () => Create(r => r.AspectRatio = "16:9\n"),
        ["aspect_ratio in Arabic-Indic digits"] = () => Create(r => r.AspectRatio = "١٦:٩"),
        ["aspect_ratio after an emoji"] = () => Create(r => r.AspectRatio = "😀16:9"),
        ["tag ABCD"] = () => Create(r => r.Tag = "ABCD"),
        ["tag abcd"] = () => Create(r => r.Tag = "abcd"),
        ["tag ABC"] = () => Create(r => r.Tag = "ABC"),
        ["tag ABCDE"] = () => Create(r => r.Tag = "ABCDE"),
        ["tag AB and an emoji"] = () => Create(r => r.Tag = "AB😀"),
        ["tag ABC and an emoji"] = () => Create(r => r.Tag = "ABC😀"),
        ["tag in full-width letters"] = () => Create(r => r.Tag = "ＡＢＣＤ"),
        ["preview tag blank"] = () => Preview(r => r.Tag = "    "),
        ["steps 0"] = () => Create(r => r.Steps = 0),
        ["steps 100"] = () => Create(r => r.Steps = 100),
        ["steps 101"] = () => Create(r => r.Steps = 101),
        ["preview steps 20"] = () => Preview(r => r.Steps = 20),
        ["preview steps 21"] = () => Preview(r => r.Steps = 21),
        ["duration 5"] = () => Create(r => r.Duration = 5),
        ["duration 7"] = () => Create(r => r.Duration = 7),
        ["duration -5"] = () => Create(r => r.Duration = -5),
        ["preview duration 10"] = () => Preview(r => r.Duration = 10),
        ["strength 1"] = () => Create(r => r.Strength = 1),
        ["strength 0.75"] = () => Create(r => r.Strength = 0.75),
        ["strength 0.2500001"] = () => Create(r => r.Strength = 0.2500001),
        ["guidance 20"] = () => Create(r => r.Guidance = 20),
        ["guidance 20.5"] = () => Create(r => r.Guidance = 20.5),
        ["max_bytes 4294967296"] = () => Create(r => r.MaxBytes = 4294967296),
        ["max_bytes 4294967295"] = () => Create(r => r.MaxBytes = 4294967295),
        ["style unlisted"] = () => Create(r => r.Style = "watercolor"),
        ["callback_url at 2048"] = () => Create(r => r.CallbackUrl = Url(2048)),
        ["callback_url at 2049"] = () => Create(r => r.CallbackUrl = Url(2049)),
        ["callback_url ftp"] = () => Create(r => r.CallbackUrl = "ftp://files.example/x"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheSdkAndTheEmulatorAgree(string change)
    {
        var request = Changes[change]();
        var sdk = request.Validate();
        var json = ContractJson.ToJsonString(request);

        var emulatorAccepts = StudioRequests.Validator.TryValidate(json, out _, out var error);

        Assert.True(
            sdk.IsValid == emulatorAccepts,
            sdk.IsValid
                ? $"{change}: the SDK accepts it, the emulator says: {error}"
                : $"{change}: the emulator accepts it, the SDK says: {string.Join("; ", sdk.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void BothSidesOfEveryLimitAreTried()
    {
        var outcomes = Changes.Values.Select(c => c().Validate().IsValid).ToList();

        Assert.Contains(true, outcomes);
        Assert.True(outcomes.Count(valid => !valid) > 20, "Most cases break a rule; the valid ones sit on a limit.");
    }

    private static string Url(int length) => "https://hooks.example.com/" + new string('a', length - "https://hooks.example.com/".Length);

    private static CreateRequest Create(Action<CreateRequest> change)
    {
        var request = new CreateRequest("a horse");
        change(request);
        return request;
    }

    private static PreviewRequest Preview(Action<PreviewRequest> change)
    {
        var request = new PreviewRequest("a horse", "AB12");
        change(request);
        return request;
    }
}
