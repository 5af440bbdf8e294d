namespace ContractFirst.Runtime;

/// <summary>
/// A value in a response that could not be read losslessly into its field: the field was left
/// unset (or the array item skipped) and reading went on.
/// </summary>
/// <param name="Path">The field, as <c>Model.json_name</c> (for example <c>VideoResult.duration</c>).</param>
/// <param name="Problem">What was wrong, for example <c>expected an integer but found a fractional number</c>.</param>
/// <param name="RawJson">
/// The value as JSON text, at most <see cref="JsonReadContext.MaxRawJsonLength"/> characters (longer
/// values end in "…"), with the context's secret replaced by <see cref="Redaction.Placeholder"/>.
/// </param>
public sealed record JsonReadIssue(string Path, string Problem, string RawJson)
{
    /// <summary>The issue as one line: path, problem and value.</summary>
    /// <returns>For example <c>VideoResult.duration: expected a number but found a string (value: "five")</c>.</returns>
    public override string ToString() => $"{Path}: {Problem} (value: {RawJson})";
}
