namespace HappyHorse.Cli.Batch;

/// <summary>Why a jobs-file line was not run: the field (empty for the whole line), the rule, the value and a sentence.</summary>
internal sealed record LineProblem(string Field, string Rule, string? Value, string Message);

/// <summary>A jobs-file line that was not run, with every problem found in it.</summary>
/// <param name="Line">The 1-based line number in the jobs file.</param>
/// <param name="Id">The job id, when the line got that far.</param>
/// <param name="Problems">The problems.</param>
internal sealed record BadLine(int Line, string? Id, IReadOnlyList<LineProblem> Problems)
{
    public string Describe() =>
        $"line {Line}{(Id is null || Id == Line.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "" : $" (id {Id})")}: "
        + string.Join("; ", Problems.Select(p => p.Field.Length == 0 ? p.Message : $"{p.Message} [field: {p.Field}, rule: {p.Rule}, value: {p.Value ?? "(none)"}]"));
}
