namespace HappyHorse.Tests;

/// <summary>Price estimates from the contract's billing rates and assumptions.</summary>
public class PricingTests
{
    [Fact]
    public void GenerateAt1080pFor10SecondsCosts180Usd()
    {
        var estimate = HappyHorsePricing.Estimate(new GenerateRequest("a horse") { Resolution = Resolution.P1080, Duration = 10 });

        Assert.Equal("USD", estimate.Currency);
        Assert.Equal(0.18m, estimate.Rate);
        Assert.Equal(10m, estimate.Quantity);
        Assert.Equal(1.8m, estimate.Amount);
        Assert.Empty(estimate.Assumptions);
    }

    [Fact]
    public void UnsetResolutionAndDurationUseTheContractsAssumptionsAndListThem()
    {
        var estimate = HappyHorsePricing.Estimate(new GenerateRequest("a horse"));

        Assert.Equal(0.105m, estimate.Rate);
        Assert.Equal(5m, estimate.Quantity);
        Assert.Equal(0.525m, estimate.Amount);
        Assert.Equal(2, estimate.Assumptions.Count);
        Assert.Contains(estimate.Assumptions, a => a.Contains("720P", StringComparison.Ordinal));
        Assert.Contains(estimate.Assumptions, a => a.Contains("5 s", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheUnsetValueIsAssumed()
    {
        var estimate = HappyHorsePricing.Estimate(new ImageToVideoRequest("https://cdn.example.com/a.png") { Duration = 8 });

        Assert.Equal(0.84m, estimate.Amount);
        var assumption = Assert.Single(estimate.Assumptions);
        Assert.Contains("720P", assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceToVideoIsPricedLikeGenerate() =>
        Assert.Equal(
            0.54m,
            HappyHorsePricing.Estimate(new ReferenceToVideoRequest("character1", ["https://cdn.example.com/a.png"]) { Resolution = "1080P", Duration = 3 }).Amount);

    [Fact]
    public void VideoEditBillsInputPlusOutputSeconds()
    {
        var estimate = HappyHorsePricing.Estimate(new VideoEditRequest("make it snow", "https://cdn.example.com/in.mp4"), inputSeconds: 4);

        Assert.Equal(8m, estimate.Quantity);
        Assert.Equal(0.84m, estimate.Amount);
        Assert.Contains("720P", Assert.Single(estimate.Assumptions), StringComparison.Ordinal);
    }

    [Fact]
    public void VideoEditAt1080pUsesThe1080pRate() =>
        Assert.Equal(
            1.44m,
            HappyHorsePricing.Estimate(new VideoEditRequest("p", "https://cdn.example.com/in.mp4") { Resolution = Resolution.P1080 }, inputSeconds: 4).Amount);

    [Fact]
    public void TheEstimateSaysWhatChoseTheRateAndWhatItAssumed()
    {
        var estimate = HappyHorsePricing.Estimate(new GenerateRequest("a horse") { Resolution = Resolution.P1080 });

        Assert.Equal(PriceUnit.Second, estimate.Unit);
        Assert.Equal("resolution 1080P", estimate.RateKey);
        Assert.Equal(["duration 5 s"], estimate.Assumptions);
        Assert.Equal("USD 0.90 (5 s × 0.18/s; resolution 1080P; assumed: duration 5 s)", estimate.ToString());
    }

    [Fact]
    public void AResolutionTheContractHasNoRateForIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HappyHorsePricing.Estimate(new GenerateRequest("a horse") { Resolution = "4K" }));

        Assert.Equal("request", error.ParamName);
        Assert.StartsWith("The contract has no rate for resolution '4K'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeInputLengthIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HappyHorsePricing.Estimate(new VideoEditRequest("p", "https://cdn.example.com/in.mp4"), inputSeconds: -1));
}
