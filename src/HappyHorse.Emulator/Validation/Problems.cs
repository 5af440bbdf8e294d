namespace HappyHorse.Emulator.Validation;

/// <summary>
/// What a body breaks, in the order found, each problem once. A message spells out the first <see cref="Listed"/>; a
/// hostile body with thousands of bad fields gets a message of bounded size.
/// </summary>
internal sealed class Problems
{
    public const int Listed = 50;

    private readonly List<string> _listed = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public int Count => _seen.Count;

    public void Add(string problem)
    {
        if (_seen.Add(problem) && _listed.Count < Listed)
        {
            _listed.Add(problem);
        }
    }

    /// <summary>The message of a refused request: <c>Invalid generate request: prompt is required; duration must be …</c>.</summary>
    public string Describe(string action) =>
        $"Invalid {action} request: {string.Join("; ", _listed)}{(Count > _listed.Count ? $"; and {Count - _listed.Count} more" : "")}.";
}
