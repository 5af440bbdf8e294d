using Siblings.Kling;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// The sibling's SDK prices its requests from its own contract's billing: by model and mode, the first matching rate
/// winning, per second or per request. kling.yaml's rates are illustrative, not the provider's; these tests hold the
/// generated estimates to them.
/// </summary>
public sealed class KlingPricingTests
{
    [Fact]
    public void TheDefaultModelAndTheAssumedModeAndLengthPriceAnEmptyRequest()
    {
        var estimate = KlingPricing.Estimate(new Text2videoRequest("a mug on marble"));

        Assert.Equal("USD 0.14 (5 s × 0.028/s; model kling-v1, mode std; assumed: mode std, duration 5 s)", estimate.ToString());
        Assert.Equal(["mode std", "duration 5 s"], estimate.Assumptions);
    }

    [Theory]
    [InlineData("kling-v2-master", "pro", 10, 2.8, "model kling-v2-master")]
    [InlineData("kling-v2-master", "std", 5, 1.4, "model kling-v2-master")]
    [InlineData("kling-v1", "std", 10, 0.28, "model kling-v1, mode std")]
    [InlineData("kling-v1", "pro", 10, 0.98, "mode pro")]
    [InlineData("kling-v1-6", "pro", 5, 0.49, "mode pro")]
    [InlineData("kling-v1-6", "std", 5, 0.28, null)]
    public void TheFirstMatchingRateApplies(string model, string mode, int seconds, decimal amount, string? key)
    {
        var estimate = KlingPricing.Estimate(new Text2videoRequest("a mug") { Model = model, Mode = mode, Duration = seconds });

        Assert.Equal((PriceUnit.Second, (decimal)seconds, amount, key), (estimate.Unit, estimate.Quantity, estimate.Amount, estimate.RateKey));
        Assert.Empty(estimate.Assumptions);
    }

    [Fact]
    public void ImageToVideoSharesThePrice() =>
        Assert.Equal(0.49m, KlingPricing.Estimate(new Image2videoRequest("https://cdn.example.com/a.png") { Mode = Mode.Pro }).Amount);

    [Fact]
    public void AnExtensionIsPricedPerRequestByMode()
    {
        var estimate = KlingPricing.Estimate(new ExtendRequest("video-1") { Mode = Mode.Pro });

        Assert.Equal((PriceUnit.Request, 1m, 0.49m, "mode pro"), (estimate.Unit, estimate.Quantity, estimate.Amount, estimate.RateKey));
        Assert.Equal("USD 0.14 (1 request × 0.14/request; mode std; assumed: mode std)", KlingPricing.Estimate(new ExtendRequest("video-1")).ToString());
    }
}
