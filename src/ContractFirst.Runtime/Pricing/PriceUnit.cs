namespace ContractFirst.Runtime;

/// <summary>What a price counts: the contract's <c>unit</c> of the price.</summary>
public enum PriceUnit
{
    /// <summary>Seconds of output, from a duration field of the request.</summary>
    Second,

    /// <summary>Items made (images, videos, songs), from a count field of the request, else one.</summary>
    Item,

    /// <summary>One request, whatever it asks for.</summary>
    Request,
}
