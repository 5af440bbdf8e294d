namespace HappyHorse.Cli.Batch;

/// <summary>
/// The fields of one jobs-file line by their contract JSON names, typed on demand: a JSON Lines object and a CSV
/// row are read the same way. Every getter returns null for an absent (or, in CSV, empty) field and throws
/// <see cref="JobFieldException"/> for a value of the wrong type.
/// </summary>
internal interface IJobFields
{
    /// <summary>Gets the names of the fields present (non-empty), for rejecting unknown ones.</summary>
    IEnumerable<string> Names { get; }

    string? GetString(string name);

    int? GetInt(string name);

    double? GetNumber(string name);

    bool? GetBool(string name);

    IReadOnlyList<string>? GetStringList(string name);
}
