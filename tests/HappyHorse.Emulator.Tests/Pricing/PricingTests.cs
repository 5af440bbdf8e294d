using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using ContractFirst.Runtime;
using HappyHorse.Emulator.Billing;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Tests.Clips;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;
using ContractUnit = ContractFirst.Contract.Model.PriceUnit;
using PriceUnit = ContractFirst.Runtime.PriceUnit;

// The SDK generated from pricing.yaml lives in this namespace, so its types win over the HappyHorse SDK's of the same name.
namespace HappyHorse.Emulator.Tests.Pricing;

/// <summary>
/// Format 2 billing on tests/ContractFirst.Generator.Tests/Contracts/pricing.yaml: the estimates generated from it for
/// each unit and each way a rate is chosen, and the emulator's ledger charging the same requests by the same contract.
/// </summary>
public sealed class PricingTests
{
    private const string Frame = "https://cdn.example.com/frame.png";

    private static string Yaml { get; } = File.ReadAllText(Repo.PathOf("tests", "ContractFirst.Generator.Tests", "Contracts", "pricing.yaml"));

    private static ContractSpec Contract { get; } = ContractParser.ParseValid("pricing.yaml", Yaml);

    [Fact]
    public void PerSecondTheFirstMatchingRateApplies()
    {
        var estimate = AtelierPricing.Estimate(new GenerateRequest("a fox") { Model = VideosModel.Vid2, Mode = Mode.Pro, Resolution = Resolution.P1080, Duration = 4 });

        Assert.Equal((PriceUnit.Second, 4m, 0.5m, 2m), (estimate.Unit, estimate.Quantity, estimate.Rate, estimate.Amount));
        Assert.Equal("model vid-2, mode pro", estimate.RateKey);
        Assert.Empty(estimate.Assumptions);
        Assert.Equal("USD 2.00 (4 s × 0.5/s; model vid-2, mode pro)", estimate.ToString());
    }

    [Theory]
    [InlineData("vid-2", "std", "720P", 10, 3, "model vid-2")]
    [InlineData("vid-1", "pro", "1080P", 10, 4, "mode pro, resolution 1080P")]
    [InlineData("vid-3", "pro", "1080P", 2, 0.8, "mode pro, resolution 1080P")]
    [InlineData("vid-1", "pro", "720P", 10, 1, null)]
    [InlineData("vid-3", "std", "1080P", 10, 1, null)]
    public void EachRateIsChosenByItsValuesAndTheRestFallBack(string model, string mode, string resolution, int seconds, decimal amount, string? key)
    {
        var estimate = AtelierPricing.Estimate(new GenerateRequest("a fox") { Model = model, Mode = mode, Resolution = resolution, Duration = seconds });

        Assert.Equal((amount, key), (estimate.Amount, estimate.RateKey));
    }

    [Fact]
    public void UnsetValuesComeFromTheDefaultModelTheFieldsDefaultAndAssumeAndAreListed()
    {
        // The model is the default the SDK sends (not an assumption); mode std is the field's default, and resolution
        // and duration come from the price's assume.
        var estimate = AtelierPricing.Estimate(new GenerateRequest("a fox"));

        Assert.Equal((5m, 0.1m, 0.5m), (estimate.Quantity, estimate.Rate, estimate.Amount));
        Assert.Null(estimate.RateKey);
        Assert.Equal(["mode std", "resolution 720P", "duration 5 s"], estimate.Assumptions);
        Assert.Equal("USD 0.50 (5 s × 0.1/s; assumed: mode std, resolution 720P, duration 5 s)", estimate.ToString());
    }

    [Fact]
    public void PerSecondOfANumberFieldCountsFractions()
    {
        var estimate = AtelierPricing.Estimate(new AnimateRequest(Frame) { Model = VideosModel.Vid3, Length = 2.5 });

        Assert.Equal((2.5m, 0.25m, 0.625m, "model vid-3"), (estimate.Quantity, estimate.Rate, estimate.Amount, estimate.RateKey));
        Assert.Empty(estimate.Assumptions);
    }

    [Fact]
    public void AModelWithNoDefaultAndNothingAssumedGetsTheFallback()
    {
        var estimate = AtelierPricing.Estimate(new AnimateRequest(Frame));

        Assert.Equal((4.5m, 0.2m, 0.9m), (estimate.Quantity, estimate.Rate, estimate.Amount));
        Assert.Null(estimate.RateKey);
        Assert.Equal(["length 4.5 s"], estimate.Assumptions);
    }

    [Fact]
    public void AQuantityThatCannotBeCountedIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AtelierPricing.Estimate(new AnimateRequest(Frame) { Length = -1 }));

        Assert.Equal("length", error.ParamName);
        Assert.StartsWith("length must be a number from 0 to ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerRequestAtOneRate()
    {
        var estimate = AtelierPricing.Estimate(new ExtendRequest("video-1"));

        Assert.Equal((PriceUnit.Request, 1m, 0.05m, 0.05m), (estimate.Unit, estimate.Quantity, estimate.Rate, estimate.Amount));
        Assert.Null(estimate.RateKey);
        Assert.Empty(estimate.Assumptions);
        Assert.Equal("1 request × 0.05/request", estimate.Basis);
    }

    [Fact]
    public void PerItemCountedByAField()
    {
        var estimate = AtelierPricing.Estimate(new CreateRequest("a fox") { N = 3, Size = Size.Large });

        Assert.Equal((PriceUnit.Item, 3m, 0.04m, 0.12m, "size large"), (estimate.Unit, estimate.Quantity, estimate.Rate, estimate.Amount, estimate.RateKey));
        Assert.Equal("USD 0.12 (3 items × 0.04/item; size large)", estimate.ToString());
    }

    [Fact]
    public void AnItemCountLeftUnsetIsOneAndListed()
    {
        var estimate = AtelierPricing.Estimate(new CreateRequest("a fox"));

        Assert.Equal((1m, 0.02m, 0.02m), (estimate.Quantity, estimate.Rate, estimate.Amount));
        Assert.Equal(["size small", "n 1"], estimate.Assumptions);
    }

    [Fact]
    public void PerItemWithoutACountFieldIsOneItemAndNoAssumption()
    {
        var estimate = AtelierPricing.Estimate(new VaryRequest(Frame) { Size = Size.Large });

        Assert.Equal((PriceUnit.Item, 1m, 0.03m), (estimate.Unit, estimate.Quantity, estimate.Amount));
        Assert.Empty(estimate.Assumptions);
    }

    [Theory]
    [InlineData(null, 0.1)]
    [InlineData("song-1", 0.1)]
    [InlineData("song-2", 0.15)]
    public void PerRequestByModel(string? model, decimal amount)
    {
        var request = new ComposeRequest("la la la");
        if (model is not null)
        {
            request.Model = model;
        }

        var estimate = AtelierPricing.Estimate(request);

        Assert.Equal((amount, "model " + (model ?? "song-1")), (estimate.Amount, estimate.RateKey));
        Assert.Empty(estimate.Assumptions);
    }

    [Fact]
    public void AValueNoRateListsIsRefusedByNameWhenTheTableHasNoFallback()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AtelierPricing.Estimate(new ComposeRequest("la") { Model = "song-9" }));

        Assert.Equal("request", error.ParamName);
        Assert.StartsWith("The contract has no rate for model 'song-9'.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Requests of every priced action, each with the endpoint it is sent to and its estimate.</summary>
    public static TheoryData<string, string> Requests => new()
    {
        { "videos", "generate: defaults" },
        { "videos", "generate: vid-2 pro" },
        { "videos", "generate: vid-3 pro 1080P" },
        { "videos", "generate: vid-1 pro 720P 20 s" },
        { "videos", "animate: no model" },
        { "videos", "animate: vid-3 2.5 s" },
        { "videos", "extend" },
        { "images", "create: defaults" },
        { "images", "create: 4 large" },
        { "images", "vary: large" },
        { "songs", "compose: default model" },
        { "songs", "compose: song-2" },
    };

    private static (IJsonWritable Request, PriceEstimate Estimate) Example(string name)
    {
        return name switch
        {
            "generate: defaults" => Pair(new GenerateRequest("a fox"), AtelierPricing.Estimate),
            "generate: vid-2 pro" => Pair(new GenerateRequest("a fox") { Model = VideosModel.Vid2, Mode = Mode.Pro }, AtelierPricing.Estimate),
            "generate: vid-3 pro 1080P" => Pair(new GenerateRequest("a fox") { Model = VideosModel.Vid3, Mode = Mode.Pro, Resolution = Resolution.P1080 }, AtelierPricing.Estimate),
            "generate: vid-1 pro 720P 20 s" => Pair(new GenerateRequest("a fox") { Mode = Mode.Pro, Resolution = Resolution.P720, Duration = 20 }, AtelierPricing.Estimate),
            "animate: no model" => Pair(new AnimateRequest(Frame), AtelierPricing.Estimate),
            "animate: vid-3 2.5 s" => Pair(new AnimateRequest(Frame) { Model = VideosModel.Vid3, Length = 2.5 }, AtelierPricing.Estimate),
            "extend" => Pair(new ExtendRequest("video-1"), AtelierPricing.Estimate),
            "create: defaults" => Pair(new CreateRequest("a fox"), AtelierPricing.Estimate),
            "create: 4 large" => Pair(new CreateRequest("a fox") { N = 4, Size = Size.Large }, AtelierPricing.Estimate),
            "vary: large" => Pair(new VaryRequest(Frame) { Size = Size.Large }, AtelierPricing.Estimate),
            "compose: default model" => Pair(new ComposeRequest("la la la"), AtelierPricing.Estimate),
            "compose: song-2" => Pair(new ComposeRequest("la la la") { Model = SongsModel.Song2 }, AtelierPricing.Estimate),
            _ => throw new InvalidOperationException(name),
        };

        static (IJsonWritable, PriceEstimate) Pair<T>(T request, Func<T, PriceEstimate> estimate)
            where T : IJsonWritable => (request, estimate(request));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void TheEmulatorsLedgerChargesWhatTheSdkEstimates(string endpointKey, string name)
    {
        var (request, estimate) = Example(name);
        var endpoint = Contract.GetEndpoint(endpointKey);
        Assert.True(new RequestValidator(Contract, endpoint).TryValidate(ContractJson.ToJsonString(request), out var valid, out var error), error);

        var charge = new BillingLedger(Contract.Billing, balance: null).Price(endpoint, valid!);

        Assert.Equal(estimate.Unit.ToString(), charge.Unit.ToString());
        Assert.Equal((estimate.Quantity, estimate.Rate, estimate.Amount, estimate.RateKey), (charge.Quantity, charge.Rate, charge.Amount, charge.RateKey));
    }

    [Fact]
    public void TheLedgerDescribesACharge()
    {
        var endpoint = Contract.GetEndpoint("videos");
        var ledger = new BillingLedger(Contract.Billing, balance: null);
        Assert.True(new RequestValidator(Contract, endpoint).TryValidate("""{ "prompt": "a fox", "model": "vid-2", "mode": "pro", "duration": 4 }""", out var valid, out _));

        var charge = ledger.Price(endpoint, valid!);

        Assert.Equal(ContractUnit.Second, charge.Unit);
        Assert.Equal("2 USD for 4 s × 0.5/s (model vid-2, mode pro)", ledger.Describe(charge));
        Assert.Equal("vid-2", charge.Values["model"]);
        Assert.Equal("720P", charge.Values["resolution"]);
    }

    [Fact]
    public void AnActionWithoutAPriceIsFree()
    {
        var endpoint = Contract.GetEndpoint("tasks");
        Assert.True(new RequestValidator(Contract, endpoint).TryValidate("""{ "id": "task-1" }""", out var valid, out _));

        Assert.Same(Charge.Free, new BillingLedger(Contract.Billing, balance: 1).Price(endpoint, valid!));
    }

    [Theory]
    [InlineData("""{ "prompt": "a fox" }""", 0.5)]
    [InlineData("""{ "prompt": "a fox", "resolution": "1080P", "duration": 10 }""", 2)]
    [InlineData("""{ "action": "animate", "image_url": "https://cdn.example.com/a.png", "resolution": "1080P" }""", 1)]
    public void AVersion1BillingIsChargedAsBefore(string body, decimal amount)
    {
        // clips.yaml keeps the keys of a version 1 billing: one per-second price by resolution, assuming 720P and 5 s.
        var clips = ContractParser.ParseValid("clips.yaml", ClipsTests.Yaml);
        var endpoint = clips.GetEndpoint("videos");
        Assert.True(new RequestValidator(clips, endpoint).TryValidate(body, out var valid, out var error), error);

        Assert.Equal(amount, new BillingLedger(clips.Billing, balance: null).Price(endpoint, valid!).Amount);
    }

    [Fact]
    public async Task TheEmulatorChargesTheBalanceByTheContractsPrices()
    {
        // 2 USD pays for 4 s of vid-2 in pro (0.5/s) once, and not twice.
        await using var emulator = await ContractEmulator.StartAsync(
            new EmulatorOptions { Contract = EmulatedContract.FromYaml("pricing.yaml", Yaml), Balance = 2m, TaskDuration = TimeSpan.FromHours(1) });
        using var client = new AtelierClient(emulator.Token, new AtelierClientOptions { Endpoint = emulator.BaseAddress });
        var request = new GenerateRequest("a fox") { Model = VideosModel.Vid2, Mode = Mode.Pro, Duration = 4, Async = true };
        Assert.Equal(2m, AtelierPricing.Estimate(request).Amount);

        await client.GenerateAsync(request);
        var error = await Assert.ThrowsAsync<AtelierInsufficientBalanceException>(() => client.GenerateAsync(request));

        Assert.Equal("used_up", error.ErrorCode);
        Assert.Contains("this request costs 2 USD for 4 s × 0.5/s (model vid-2, mode pro)", error.Message, StringComparison.Ordinal);
    }
}
