namespace ContractFirst.Runtime.Tests;

/// <summary>Shaped like generated <c>XClientOptions</c>: sets defaults in its constructor and adds a setting.</summary>
internal sealed class DerivedClientOptions : ApiClientOptions
{
    private string _region = "eu";

    public DerivedClientOptions()
    {
        PollingInterval = TimeSpan.FromSeconds(2);
        Retry.MaxRetries = 5;
    }

    public string Region
    {
        get => _region;
        set
        {
            AssertNotFrozen();
            _region = value;
        }
    }
}
