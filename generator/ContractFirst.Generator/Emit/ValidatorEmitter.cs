using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits <c>Validate()</c>: every contract rule of the action, all violations reported at once.
/// The error list is created on the first violation, so a valid request allocates nothing.
/// </summary>
internal static class ValidatorEmitter
{
    private const string Error = CSharpTypes.Runtime + "ValidationError";
    private const string Add = CSharpTypes.Runtime + "Validate.Add(ref errors, ";

    public static string Emit(string ns, EndpointSpec endpoint, ActionSpec action)
    {
        var w = Header.Start(ns);
        w.Open($"public sealed partial class {action.RequestTypeName}");
        w.Summary("Checks every rule the contract sets for this action and reports all violations at once (field, rule and value); allocates nothing when the request is valid.");
        w.Doc("<returns>The violations; <see cref=\"global::ContractFirst.Runtime.ValidationResult.Success\"/> when there are none.</returns>");
        w.Open($"public {CSharpTypes.Runtime}ValidationResult Validate()");
        w.Line($"{CSharpTypes.Collections}List<{Error}>? errors = null;");
        if (endpoint.ModelField is not null && !action.Models.IsEmpty)
        {
            var property = Naming.ToPascalCase(endpoint.ModelField);
            if (!endpoint.Models.IsEmpty && action.Models.Count < endpoint.Models.Count)
            {
                // The action accepts some of the endpoint's models: check its own list, and name it in the message.
                var accepted = string.Join(" or ", action.Models.Select(m => CSharpTypes.String(m.Value)));
                var allowed = string.Join(", ", action.Models.Select(m => m.Value));
                w.Open($"if ({property} is {{ }} modelValue && modelValue.Value is not ({accepted}))");
                w.Line($"{Add}{Error}.NotAllowed({CSharpTypes.String(endpoint.ModelField)}, {CSharpTypes.String(allowed)}, modelValue.Value));");
            }
            else
            {
                w.Open($"if ({property} is {{ }} modelValue && !modelValue.IsKnown)");
                w.Line($"{Add}{Error}.NotAllowed({CSharpTypes.String(endpoint.ModelField)}, {CSharpTypes.Qualified(ns, action.ModelTypeName)}.AllowedValues, modelValue.Value));");
            }

            w.Close();
        }

        var model = endpoint.ModelField is { } modelField && !action.Models.IsEmpty
            ? new RuleModel(modelField, Naming.ToPascalCase(modelField), action.DefaultModel)
            : null;
        return EndValidate(w, ns, action.Fields, action.Rules, model);
    }

    /// <summary>
    /// A request object's <c>Validate()</c>: its errors name fields relative to the object; the
    /// request (or the object holding it) puts them under the object's place with <c>AddWithin</c>.
    /// </summary>
    public static string Emit(string ns, ObjectSpec obj)
    {
        var w = Header.Start(ns);
        w.Open($"public sealed partial class {obj.Name}");
        w.Summary($"Checks every rule the contract sets for a {obj.Name}, its nested objects included, and reports all violations at once (field, rule and value); allocates nothing when it is valid.");
        w.Doc("<returns>The violations, each naming its field relative to this object; <see cref=\"global::ContractFirst.Runtime.ValidationResult.Success\"/> when there are none.</returns>");
        w.Open($"public {CSharpTypes.Runtime}ValidationResult Validate()");
        w.Line($"{CSharpTypes.Collections}List<{Error}>? errors = null;");
        return EndValidate(w, ns, obj.Fields, obj.Rules, model: null);
    }

    /// <summary>The checks of every field, the method's end, and the compiled patterns the checks use.</summary>
    private static string EndValidate(SourceWriter w, string ns, EquatableArray<FieldSpec> fields, EquatableArray<RuleSpec> rules, RuleModel? model)
    {
        EmitFields(w, ns, fields);
        RuleEmitter.Emit(w, rules, fields, model);
        w.Gap();
        w.Line($"return {CSharpTypes.Runtime}ValidationResult.From(errors);");
        w.Close();
        EmitPatternFields(w, fields);
        w.Close();
        return w.ToString();
    }

    private static void EmitFields(SourceWriter w, string ns, IEnumerable<FieldSpec> fields)
    {
        foreach (var field in fields)
        {
            if (field.Type.IsArray)
            {
                EmitArray(w, ns, field);
            }
            else
            {
                EmitScalar(w, ns, field);
            }
        }
    }

    private static void EmitScalar(SourceWriter w, string ns, FieldSpec field)
    {
        var name = CSharpTypes.String(field.JsonName);
        var local = CSharpTypes.Local(field);
        w.Gap();
        if (field.Required && field.Type.Kind is FieldKind.String or FieldKind.Url)
        {
            w.Open($"if (string.IsNullOrWhiteSpace({field.PropertyName}))");
            w.Line($"{Add}{Error}.Required({name}));");
            w.Close();
            if (field.Type.Kind == FieldKind.Url && !HasTextRules(field))
            {
                EmitUrlCheck(w, "else if", name, field.PropertyName, Surrogate(field));
                return;
            }

            EmitSurrogateCheck(w, "else if", name, field.PropertyName, Surrogate(field));
            if (HasTextRules(field))
            {
                w.Open("else");
                EmitTextRules(w, field, name, field.PropertyName);
                w.Close();
            }

            return;
        }

        if (field.Type.Kind == FieldKind.Object)
        {
            EmitNested(w, field.Required, name, field.PropertyName, local);
            return;
        }

        if (HasTextRules(field))
        {
            // Optional text with length or pattern rules: well-formed first, then every rule it breaks.
            w.Open($"if ({field.PropertyName} is {{ }} {local})");
            EmitSurrogateCheck(w, "if", name, local, Surrogate(field));
            w.Open("else");
            EmitTextRules(w, field, name, local);
            w.Close();
            w.Close();
            return;
        }

        var binding = Binding(field, local);
        switch (field.Type.Kind)
        {
            case FieldKind.Url:
                w.Open($"if ({binding})");
                EmitUrlCheck(w, "if", name, local, Surrogate(field));
                w.Close();
                break;
            case FieldKind.String:
                // A string with an unpaired surrogate has no UTF-8 form: it would be sent as U+FFFD.
                w.Open($"if ({binding} && {CSharpTypes.Runtime}Validate.IndexOfUnpairedSurrogate({local}) is var {Surrogate(field)} && {Surrogate(field)} >= 0)");
                w.Line($"{Add}{Error}.UnpairedSurrogate({name}, {local}, {Surrogate(field)}));");
                w.Close();
                break;
            case FieldKind.Enum:
                w.Open($"if ({binding} && !{local}.IsKnown)");
                w.Line($"{Add}{Error}.NotAllowed({name}, {CSharpTypes.Qualified(ns, field.Type.Name!)}.AllowedValues, {local}.Value));");
                w.Close();
                break;
            case FieldKind.Number:
                // NaN compares false with every bound, and JSON can't carry NaN or infinities.
                w.Open($"if ({binding})");
                w.Open($"if (double.IsNaN({local}) || double.IsInfinity({local}))"); // not double.IsFinite: netstandard2.0 lacks it
                w.Line($"{Add}{Error}.NotFinite({name}, {local}));");
                w.Close();
                if (!field.Values.IsEmpty)
                {
                    EmitValuesCheck(w, "else if (", field, name, local);
                }
                else if (Bounds(local, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } numberChecks)
                {
                    w.Open($"else if ({numberChecks})");
                    w.Line($"{Add}{Error}.OutOfRange({name}, {Bound(field.Min, field)}, {Bound(field.Max, field)}, {local}));");
                    w.Close();
                }

                w.Close();
                break;
            case FieldKind.Integer when !field.Values.IsEmpty:
                // The listed values lie within min and max (the parser checks), so membership is the whole rule.
                EmitValuesCheck(w, $"if ({binding} && ", field, name, local);
                break;
            case FieldKind.Integer when Bounds(local, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } checks:
                w.Open($"if ({binding} && ({checks}))");
                w.Line($"{Add}{Error}.OutOfRange({name}, {Bound(field.Min, field)}, {Bound(field.Max, field)}, {local}));");
                w.Close();
                break;
            default:
                return;
        }
    }

    private static void EmitArray(SourceWriter w, string ns, FieldSpec field)
    {
        var name = CSharpTypes.String(field.JsonName);
        var local = CSharpTypes.Local(field);
        w.Gap();
        if (field.Required)
        {
            w.Open($"if ({field.PropertyName} is null)");
            w.Line($"{Add}{Error}.Required({name}));");
            w.Close();
        }

        w.Open($"{(field.Required ? "else if" : "if")} ({field.PropertyName} is {{ }} {local})");
        var countChecks = Bounds($"{local}.Count", field.MinItems, field.MaxItems, v => v.ToString(CultureInfo.InvariantCulture));
        if (countChecks is not null)
        {
            w.Open($"if ({countChecks})");
            w.Line($"{Add}{Error}.ItemCount({name}, {Optional(field.MinItems)}, {Optional(field.MaxItems)}, {local}.Count));");
            w.Close();
        }

        var item = $"{local}[i]";
        var itemName = $"{CSharpTypes.String(field.JsonName + "[")} + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"";
        var itemChecks = new SourceWriter();
        switch (field.Type.Kind)
        {
            case FieldKind.String or FieldKind.Url:
                itemChecks.Open($"if (string.IsNullOrWhiteSpace({item}))");
                itemChecks.Line($"{Add}{Error}.Required({itemName}));");
                itemChecks.Close();
                if (field.Type.Kind == FieldKind.Url)
                {
                    EmitUrlCheck(itemChecks, "else if", itemName, item, Surrogate(field));
                }
                else
                {
                    EmitSurrogateCheck(itemChecks, "else if", itemName, item, Surrogate(field));
                }

                break;
            case FieldKind.Enum:
                itemChecks.Open($"if (!{item}.IsKnown)");
                itemChecks.Line($"{Add}{Error}.NotAllowed({itemName}, {CSharpTypes.Qualified(ns, field.Type.Name!)}.AllowedValues, {item}.Value));");
                itemChecks.Close();
                break;
            case FieldKind.Number:
                itemChecks.Open($"if (double.IsNaN({item}) || double.IsInfinity({item}))");
                itemChecks.Line($"{Add}{Error}.NotFinite({itemName}, {item}));");
                itemChecks.Close();
                if (Bounds(item, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } numberChecks)
                {
                    itemChecks.Open($"else if ({numberChecks})");
                    itemChecks.Line($"{Add}{Error}.OutOfRange({itemName}, {Bound(field.Min, field)}, {Bound(field.Max, field)}, {item}));");
                    itemChecks.Close();
                }

                break;
            case FieldKind.Integer when Bounds(item, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } checks:
                itemChecks.Open($"if ({checks})");
                itemChecks.Line($"{Add}{Error}.OutOfRange({itemName}, {Bound(field.Min, field)}, {Bound(field.Max, field)}, {item}));");
                itemChecks.Close();
                break;
            case FieldKind.Object:
                // A null item could not be written: every item of a list of objects is required.
                EmitNested(itemChecks, required: true, itemName, item, "item");
                break;
        }

        var body = itemChecks.ToString();
        if (body.Length > 0)
        {
            // An indexed loop: foreach over IList<T> would box an enumerator on every call.
            w.Gap();
            w.Open($"for (var i = 0; i < {local}.Count; i++)");
            w.Lines(body.TrimEnd('\n'));
            w.Close();
        }

        w.Close();
    }

    /// <summary>
    /// A nested request object: missing when required, else its own <c>Validate()</c>, whose errors
    /// go under <paramref name="name"/>. The object validates itself, so any depth and reuse come free.
    /// </summary>
    private static void EmitNested(SourceWriter w, bool required, string name, string value, string local)
    {
        var result = local + "Result";
        if (required)
        {
            w.Open($"if ({value} is null)");
            w.Line($"{Add}{Error}.Required({name}));");
            w.Close();
            w.Open($"else if ({value}.Validate() is {{ IsValid: false }} {result})");
        }
        else
        {
            w.Open($"if ({value} is {{ }} {local} && {local}.Validate() is {{ IsValid: false }} {result})");
        }

        w.Line($"{CSharpTypes.Runtime}Validate.AddWithin(ref errors, {name}, {result});");
        w.Close();
    }

    /// <summary>
    /// Emits the well-formed UTF-16 check of a string or URL value: an unpaired surrogate has no UTF-8
    /// form, so the value could only be sent altered (as U+FFFD). The error names the field and the index.
    /// </summary>
    private static void EmitSurrogateCheck(SourceWriter w, string keyword, string name, string value, string index)
    {
        w.Open($"{keyword} ({CSharpTypes.Runtime}Validate.IndexOfUnpairedSurrogate({value}) is var {index} && {index} >= 0)");
        w.Line($"{Add}{Error}.UnpairedSurrogate({name}, {value}, {index}));");
        w.Close();
    }

    /// <summary>
    /// Emits the check of a URL value: an absolute http(s) URL, or the reason it is not. A URL that passes is ASCII, so
    /// the surrogate scan runs only for a value that fails, to report an unpaired surrogate as what it is.
    /// </summary>
    private static void EmitUrlCheck(SourceWriter w, string keyword, string name, string value, string index)
    {
        w.Open($"{keyword} (!{CSharpTypes.Runtime}Validate.IsHttpUrl({value}))");
        EmitSurrogateCheck(w, "if", name, value, index);
        w.Open("else");
        w.Line($"{Add}{Error}.NotHttpUrl({name}, {value}));");
        w.Close();
        w.Close();
    }

    private static string Surrogate(FieldSpec field) => Naming.ToCamelCase(field.PropertyName) + "Surrogate";

    /// <summary>Whether a string or URL field has rules beyond being well-formed (and a URL).</summary>
    private static bool HasTextRules(FieldSpec field) =>
        field.MinLength is not null || field.MaxLength is not null || field.Pattern is not null;

    /// <summary>The field holding a field's compiled pattern; lower case, so no property (PascalCase) can take its name.</summary>
    private static string PatternField(FieldSpec field) => "s_" + Naming.ToCamelCase(field.PropertyName) + "Pattern";

    /// <summary>
    /// Emits the rules of a well-formed string or URL <paramref name="value"/>, each reported on its own: a URL's
    /// form, the length in code points (as JSON Schema counts it) and the pattern.
    /// </summary>
    private static void EmitTextRules(SourceWriter w, FieldSpec field, string name, string value)
    {
        if (field.Type.Kind == FieldKind.Url)
        {
            w.Open($"if (!{CSharpTypes.Runtime}Validate.IsHttpUrl({value}))");
            w.Line($"{Add}{Error}.NotHttpUrl({name}, {value}));");
            w.Close();
        }

        var length = Naming.ToCamelCase(field.PropertyName) + "Length";
        w.Gap();
        if (Bounds(length, field.MinLength, field.MaxLength, v => v.ToString(CultureInfo.InvariantCulture)) is { } lengthChecks)
        {
            w.Open($"if ({CSharpTypes.Runtime}Validate.CodePointCount({value}) is var {length} && ({lengthChecks}))");
            w.Line($"{Add}{Error}.Length({name}, {Optional(field.MinLength)}, {Optional(field.MaxLength)}, {length}));");
            w.Close();
        }

        w.Gap();
        if (field.Pattern is not null)
        {
            w.Open($"if (!{CSharpTypes.Runtime}Validate.IsMatch({PatternField(field)}, {value}))");
            w.Line($"{Add}{Error}.PatternMismatch({name}, {PatternField(field)}, {value}));");
            w.Close();
        }
    }

    /// <summary>
    /// Emits the membership check of a number field with <c>values</c>, opened by <paramref name="condition"/> and a
    /// constant pattern (<c>is not (5 or 10)</c>), so nothing allocates.
    /// </summary>
    private static void EmitValuesCheck(SourceWriter w, string condition, FieldSpec field, string name, string value)
    {
        var literals = string.Join(" or ", field.Values.Select(v => CSharpTypes.Literal(v, field)));
        var allowed = string.Join(", ", field.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        w.Open($"{condition}{value} is not ({literals}))");
        w.Line($"{Add}{Error}.NotAllowed({name}, {CSharpTypes.String(allowed)}, {value}));");
        w.Close();
    }

    /// <summary>Emits the compiled pattern of each field that has one, built on first use (see <c>Validate.Pattern</c>).</summary>
    private static void EmitPatternFields(SourceWriter w, IEnumerable<FieldSpec> fields)
    {
        foreach (var field in fields.Where(f => f.Pattern is not null))
        {
            w.Gap();
            w.Line($"/// <summary>The pattern {Docs.Code(field.JsonName)} must match: {Docs.Code(field.Pattern!)}.</summary>");
            w.Line($"private static readonly global::System.Text.RegularExpressions.Regex {PatternField(field)} = {CSharpTypes.Runtime}Validate.Pattern({CSharpTypes.String(field.Pattern!)});");
        }
    }

    /// <summary>The pattern that reads a field into <paramref name="local"/>: required value types can't be missing; optional ones are checked only when set.</summary>
    internal static string Binding(FieldSpec field, string local) =>
        CSharpTypes.IsAlwaysSet(field) ? $"{field.PropertyName} is var {local}" : $"{field.PropertyName} is {{ }} {local}";

    /// <summary>The out-of-bounds condition for <paramref name="value"/>, or null when neither bound is set.</summary>
    internal static string? Bounds<T>(string value, T? min, T? max, Func<T, string> literal)
        where T : struct
    {
        var checks = new List<string>();
        if (min is { } low)
        {
            checks.Add($"{value} < {literal(low)}");
        }

        if (max is { } high)
        {
            checks.Add($"{value} > {literal(high)}");
        }

        return checks.Count == 0 ? null : string.Join(" || ", checks);
    }

    internal static string Optional(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    /// <summary>The bound passed to the message; an open side is null so the message says "at least" or "at most".</summary>
    internal static string Bound(decimal? value, FieldSpec field) =>
        value is null ? "null" : CSharpTypes.Literal(value.Value, field);
}
