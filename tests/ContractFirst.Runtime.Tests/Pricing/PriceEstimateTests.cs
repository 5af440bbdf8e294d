namespace ContractFirst.Runtime.Tests;

public sealed class PriceEstimateTests
{
    [Fact]
    public void DescribesAmountQuantityRateTheRatesKeyAndAssumptions()
    {
        var estimate = Pricing.Estimate("USD", PriceUnit.Second, 5, 0.14m, "model kling-v1, mode std", ["duration 5 s"]);

        Assert.Equal(0.7m, estimate.Amount);
        Assert.Equal("5 s × 0.14/s; model kling-v1, mode std; assumed: duration 5 s", estimate.Basis);
        Assert.Equal("USD 0.70 (5 s × 0.14/s; model kling-v1, mode std; assumed: duration 5 s)", estimate.ToString());
    }

    [Fact]
    public void LeavesOutTheKeyAndAssumptionsWhenThereAreNone()
    {
        var estimate = Pricing.Estimate("USD", PriceUnit.Second, 12.5m, 0.18m, null, []);

        Assert.Equal("USD 2.25 (12.5 s × 0.18/s)", estimate.ToString());
    }

    [Theory]
    [InlineData(PriceUnit.Item, 1, "USD 0.04 (1 item × 0.04/item)")]
    [InlineData(PriceUnit.Item, 3, "USD 0.12 (3 items × 0.04/item)")]
    [InlineData(PriceUnit.Request, 1, "USD 0.04 (1 request × 0.04/request)")]
    public void NamesTheUnitItCounts(PriceUnit unit, int quantity, string expected) =>
        Assert.Equal(expected, Pricing.Estimate("USD", unit, quantity, 0.04m, null, []).ToString());

    [Fact]
    public void KeepsItsOwnCopyOfTheAssumptions()
    {
        var assumptions = new List<string> { "n 1" };
        var estimate = Pricing.Estimate("USD", PriceUnit.Item, 1, 0.04m, null, assumptions);

        assumptions.Add("size small");

        Assert.Equal(["n 1"], estimate.Assumptions);
    }

    [Theory]
    [InlineData(-1d)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void AQuantityThatCannotBeCountedNamesTheFieldAndTheValue(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Pricing.Quantity(value, "duration"));

        Assert.Equal("duration", error.ParamName);
        Assert.StartsWith("duration must be a number from 0 to ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(was {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuantityIsTheFieldsValue()
    {
        Assert.Equal(4.5m, Pricing.Quantity(4.5, "length"));
        Assert.Equal(0m, Pricing.Quantity(0, "n"));
    }

    [Fact]
    public void NoRateNamesEveryFieldAndValue()
    {
        var error = Pricing.NoRate("request", ("model", "kling-v9"), ("mode", null));

        Assert.Equal("request", error.ParamName);
        Assert.StartsWith("The contract has no rate for model 'kling-v9', mode not set.", error.Message, StringComparison.Ordinal);
    }
}
