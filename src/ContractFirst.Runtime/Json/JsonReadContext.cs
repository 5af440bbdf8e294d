using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// How a response is read, and what reading it found: tolerant (the default) or strict, the secret
/// to scrub from every string read, and the <see cref="Issues"/> met on the way.
/// </summary>
/// <remarks>
/// Tolerant reading converts a value of another JSON type when nothing is lost (<c>5.0</c> or
/// <c>"5"</c> for an integer, <c>123</c> for a string, an ISO-8601 string for a timestamp); any other
/// value that does not fit its field becomes a <see cref="JsonReadIssue"/>, the field stays unset and
/// reading continues, so one bad field never costs the rest of the answer. Strict reading throws a
/// <see cref="JsonException"/> on the first issue instead. A context collects the issues of every read
/// it is passed to; use a new one per read. Not thread-safe.
/// </remarks>
public sealed class JsonReadContext
{
    /// <summary>The most characters of a value an issue keeps; longer values are cut and end in "…".</summary>
    public const int MaxRawJsonLength = 256;

    [ThreadStatic]
    private static JsonReadContext? s_cachedTolerant;

    private List<JsonReadIssue>? _issues;

    /// <summary>Creates a context.</summary>
    /// <param name="strict">Throw a <see cref="JsonException"/> on the first issue instead of recording it.</param>
    /// <param name="secret">
    /// A secret (the API token) to replace with <see cref="Redaction.Placeholder"/> in every string read
    /// and in every issue's value; <see langword="null"/> for none.
    /// </param>
    public JsonReadContext(bool strict = false, string? secret = null)
    {
        Strict = strict;
        Secret = secret;
    }

    /// <summary>Whether the first issue throws a <see cref="JsonException"/>.</summary>
    public bool Strict { get; }

    /// <summary>The secret scrubbed from strings and issues, or <see langword="null"/>.</summary>
    public string? Secret { get; }

    /// <summary>Every issue recorded so far, in document order; empty when none.</summary>
    public IReadOnlyList<JsonReadIssue> Issues => (IReadOnlyList<JsonReadIssue>?)_issues ?? Array.Empty<JsonReadIssue>();

    /// <summary>How many issues have been recorded; a model notes it before reading its fields.</summary>
    public int IssueCount => _issues?.Count ?? 0;

    /// <summary>The issues recorded since <see cref="IssueCount"/> was <paramref name="start"/>, for a model's <c>ReadIssues</c>.</summary>
    /// <param name="start">An earlier <see cref="IssueCount"/>.</param>
    /// <returns>A copy of those issues; an empty array, allocated once, when there are none.</returns>
    public IReadOnlyList<JsonReadIssue> IssuesSince(int start)
    {
        if (_issues is null || start >= _issues.Count)
        {
            return Array.Empty<JsonReadIssue>();
        }

        var issues = new JsonReadIssue[_issues.Count - start];
        _issues.CopyTo(start, issues, 0, issues.Length);
        return issues;
    }

    /// <summary>Records that a value could not be read into its field; in strict mode, throws instead.</summary>
    /// <param name="path">The field, as <c>Model.json_name</c>.</param>
    /// <param name="problem">What was wrong.</param>
    /// <param name="rawJson">The value as JSON text; it is scrubbed of <see cref="Secret"/> and cut to <see cref="MaxRawJsonLength"/> characters here.</param>
    /// <exception cref="JsonException"><see cref="Strict"/> is set; the message names the field, the problem and the value.</exception>
    public void Report(string path, string problem, string rawJson)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(rawJson);

        // Scrub before cutting, so a secret that straddles the cut cannot leave a prefix behind.
        var raw = ErrorBodyFormat.Cut(Redaction.Scrub(rawJson, Secret), MaxRawJsonLength - 1)!;

        var issue = new JsonReadIssue(path, problem, raw);
        if (Strict)
        {
            throw new JsonException(issue.ToString());
        }

        (_issues ??= []).Add(issue);
    }

    /// <summary>
    /// A tolerant, secret-less context for reads that were given none, reused per thread so the
    /// success path allocates nothing for it. <see cref="Release"/> clears it after the read.
    /// </summary>
    internal static JsonReadContext RentTolerant()
    {
        var context = s_cachedTolerant ?? new JsonReadContext();
        s_cachedTolerant = null; // a nested read on this thread gets a fresh one
        return context;
    }

    internal static void Release(JsonReadContext context)
    {
        context._issues?.Clear();
        s_cachedTolerant = context;
    }
}
