namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>
/// A small valid contract around request fields under test: endpoint <c>things</c> with the given fields, one per
/// line from line 8, an action <c>create</c> whose field overrides (when given) start on the fourth line after
/// them (line 12 after one field), an enum <c>Color</c> (red, green), a model and an error case.
/// </summary>
internal static class FieldContract
{
    public static string With(string fields, string createFields = "") =>
        "contract: 2\n"
        + "api: { name: Demo, base_url: https://demo.example }\n"
        + "endpoints:\n"
        + "  things:\n"
        + "    path: /things\n"
        + "    response: Thing\n"
        + "    fields:\n"
        + Indented(fields, 6)
        + "    actions:\n"
        + "      create:\n"
        + (createFields.Length == 0 ? "" : "        fields:\n" + Indented(createFields, 10))
        + "enums:\n"
        + "  Color: { values: [red, green] }\n"
        + "models:\n"
        + "  Thing:\n"
        + "    fields:\n"
        + "      id: { type: string }\n"
        + "errors:\n"
        + "  cases:\n"
        + "    - { status: 400, exception: BadRequest }\n";

    private static string Indented(string lines, int indent) =>
        string.Concat(lines.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => new string(' ', indent) + l + "\n"));
}
