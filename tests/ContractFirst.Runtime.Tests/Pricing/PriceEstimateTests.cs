namespace ContractFirst.Runtime.Tests;

public sealed class PriceEstimateTests
{
    [Fact]
    public void DescribesAmountRateAndAssumptions()
    {
        var estimate = new PriceEstimate("USD", 0.105m, 5, 0.525m, ["resolution 720P"]);

        Assert.Equal("USD 0.53 (5 s at 0.105/s; assumed: resolution 720P)", estimate.ToString());
    }

    [Fact]
    public void LeavesOutAssumptionsWhenThereAreNone()
    {
        var estimate = new PriceEstimate("USD", 0.180m, 12.5, 2.25m, []);

        Assert.Equal("USD 2.25 (12.5 s at 0.18/s)", estimate.ToString());
    }
}
