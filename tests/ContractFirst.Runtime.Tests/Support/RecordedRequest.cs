namespace ContractFirst.Runtime.Tests;

/// <summary>What the loopback server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
