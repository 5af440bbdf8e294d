using System.Diagnostics;

namespace ContractFirst.Runtime;

/// <summary>
/// The <see cref="ActivitySource"/> of generated clients: one activity per call, around all its
/// attempts (HttpClient adds one per attempt beneath it). Listen with OpenTelemetry's
/// <c>AddSource("ContractFirst.Runtime")</c>.
/// </summary>
public static class ContractActivitySource
{
    /// <summary>The source name: <c>ContractFirst.Runtime</c>.</summary>
    public const string Name = "ContractFirst.Runtime";

    internal static readonly ActivitySource Source = new(Name, typeof(ContractActivitySource).Assembly.GetName().Version?.ToString(3));
}
