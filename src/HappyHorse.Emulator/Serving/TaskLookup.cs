using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Serving;

/// <summary>How the contract's tasks are looked up (the contract library's rule, shared with the generated client).</summary>
internal sealed record TaskLookup(SingleLookupSpec? Single, BatchLookupSpec? Batch)
{
    public static TaskLookup From(ContractSpec contract) => new(contract.FindSingleLookup(), contract.FindBatchLookup());
}
