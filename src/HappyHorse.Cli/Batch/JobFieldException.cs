namespace HappyHorse.Cli.Batch;

/// <summary>A field of a jobs-file line that can't become part of a request: its name, the rule it breaks and its value.</summary>
internal sealed class JobFieldException(string field, string rule, string? value, string message) : Exception(message)
{
    public string Field { get; } = field;

    public string Rule { get; } = rule;

    public string? Value { get; } = value;
}
