using System.Text;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Validation;

/// <summary>
/// The provider's SDKs send every field of the endpoint on every action, with what they send for a parameter the
/// caller did not set. The service accepts such requests, and so must the emulator: fields the action does not take
/// are accepted unchecked, listed and left out, while the action's own fields are still checked in full. Strict mode
/// refuses exactly those fields, each by name.
/// </summary>
public sealed class ToleranceTests
{
    public static TheoryData<string, string, string> Actions
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (file, endpoint, action) in Contracts.Actions)
            {
                data.Add(file, endpoint.Key, action.Value);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void EveryFieldOfTheEndpointIsAcceptedAndIgnoredUnlessTheActionTakesIt(string file, string endpointKey, string actionValue)
    {
        var contract = Contracts.Load(file);
        var endpoint = contract.Endpoints.Single(e => e.Key == endpointKey);
        var action = endpoint.Actions.Single(a => a.Value == actionValue);
        var (body, notTaken) = SdkStyleBodies.For(contract, endpoint, action);
        var utf8 = Encoding.UTF8.GetBytes(body.ToJsonString());
        var validator = new RequestValidator(contract, endpoint);

        var tolerant = validator.Validate(utf8, strict: false);
        var strict = validator.Validate(utf8, strict: true);

        Assert.True(tolerant.Request is not null, $"{body.ToJsonString()}\n{tolerant.Error}");
        Assert.Equal(action, tolerant.Request.Action);
        Assert.Equal(notTaken, tolerant.IgnoredFields);
        Assert.Contains("sdk_version", notTaken);
        Assert.All(notTaken, field => Assert.False(tolerant.Request.Body.ContainsKey(field), field));
        Assert.All(body.Where(p => !notTaken.Contains(p.Key)), p => Assert.True(tolerant.Request.Body.ContainsKey(p.Key), p.Key));

        // What the service acts on is itself a valid request, and validates to itself.
        var again = validator.Validate(Encoding.UTF8.GetBytes(tolerant.Request.Body.ToJsonString()), strict: true);
        Assert.True(again.Request is not null, again.Error);
        Assert.Equal(tolerant.Request.Body.ToJsonString(), again.Request.Body.ToJsonString());

        // Refused for those fields only, each named.
        Assert.Null(strict.Request);
        Assert.Empty(strict.IgnoredFields);
        Assert.Equal($"Invalid {action.Value} request: {string.Join("; ", notTaken.Select(f => $"{f} is not a field of {action.Value}"))}.", strict.Error);
    }

    [Fact]
    public void EveryContractHasActionsWhoseEndpointHasFieldsTheyDoNotTake()
    {
        // Otherwise the theory above would prove tolerance on unknown fields alone.
        var withOthers = Contracts.Actions.Where(a => a.Endpoint.Actions.SelectMany(x => x.Fields).Any(f => !a.Action.Fields.Any(o => o.JsonName == f.JsonName)));

        Assert.Contains(withOthers, a => a.File == "happyhorse.yaml");
        Assert.Contains(withOthers, a => a.File == "kling.yaml");
        Assert.Contains(withOthers, a => a.File == "seedream.yaml");
        Assert.Contains(withOthers, a => a.File == "suno.yaml");
    }

    [Fact]
    public void TheActionsOwnFieldsAreStillCheckedInFull()
    {
        var contract = Contracts.Load("happyhorse.yaml");
        var videos = contract.Endpoints.Single(e => e.Key == "videos");
        var validator = new RequestValidator(contract, videos);
        var body = """{ "action": "generate", "prompt": " ", "duration": 99, "ratio": "2:1", "image_url": "", "audio_setting": null }""";

        var outcome = validator.Validate(Encoding.UTF8.GetBytes(body), strict: false);

        Assert.Null(outcome.Request);
        Assert.Equal(["image_url", "audio_setting"], outcome.IgnoredFields);
        Assert.Equal(
            """Invalid generate request: prompt must not be blank (was " "); ratio must be one of 16:9, 9:16, 1:1, 4:3, 3:4 (was "2:1"); duration must be between 3 and 15 (was 99).""",
            outcome.Error);
    }
}
