using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>Reads one <typeparamref name="T"/>: the shape of a generated model's <c>ReadJson</c>.</summary>
/// <typeparam name="T">The type read.</typeparam>
/// <param name="reader">A reader on the value's first token; on return, on its last.</param>
/// <param name="context">Strict or tolerant, the secret to scrub; collects the issues met.</param>
/// <returns>The value read.</returns>
public delegate T JsonReadFunc<T>(ref Utf8JsonReader reader, JsonReadContext context);
