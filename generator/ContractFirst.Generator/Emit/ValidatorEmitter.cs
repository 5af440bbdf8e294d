using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits <c>Validate()</c>: every contract rule of the action, all violations reported at once. Each check's rule is a
/// static field (<see cref="RuleFields"/>) and a violation is recorded as that rule and the value given, into one array
/// made at the first violation: a valid request allocates nothing, an invalid one an entry per violation and no text.
/// </summary>
internal static class ValidatorEmitter
{

    public static string Emit(string ns, EndpointSpec endpoint, ActionSpec action)
    {
        var w = Header.Start(ns);
        w.Open($"public sealed partial class {action.RequestTypeName}");
        w.Summary("Checks every rule the contract sets for this action and reports all violations at once (field, rule and value); allocates nothing when the request is valid.");
        w.Doc("<returns>The violations; <see cref=\"global::ContractFirst.Runtime.ValidationResult.Success\"/> when there are none.</returns>");
        w.Open($"public {CSharpTypes.Runtime}ValidationResult Validate()");
        var checks = new ValidatorChecks(new SourceWriter(), new RuleFields());
        if (endpoint.ModelField is not null && !action.Models.IsEmpty)
        {
            var property = Naming.ToPascalCase(endpoint.ModelField);
            if (!endpoint.Models.IsEmpty && action.Models.Count < endpoint.Models.Count)
            {
                // The action accepts some of the endpoint's models: check its own list, and name it in the message.
                var accepted = string.Join(" or ", action.Models.Select(m => CSharpTypes.String(m.Value)));
                var allowed = string.Join(", ", action.Models.Select(m => m.Value));
                checks.W.Open($"if ({property} is {{ }} modelValue && modelValue.Value is not ({accepted}))");
                checks.Add(new ValidationTarget(endpoint.ModelField, "model"), $"Allowed({CSharpTypes.String(endpoint.ModelField)}, {CSharpTypes.String(allowed)})", "modelValue.Value");
            }
            else
            {
                checks.W.Open($"if ({property} is {{ }} modelValue && !modelValue.IsKnown)");
                checks.Add(new ValidationTarget(endpoint.ModelField, "model"), $"Allowed({CSharpTypes.String(endpoint.ModelField)}, {CSharpTypes.Qualified(ns, action.ModelTypeName)}.AllowedValues)", "modelValue.Value");
            }

            checks.W.Close();
        }

        var model = endpoint.ModelField is { } modelField && !action.Models.IsEmpty
            ? new RuleModel(modelField, Naming.ToPascalCase(modelField), action.DefaultModel)
            : null;
        return EndValidate(w, checks, ns, action.Fields, action.Rules, model);
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
        return EndValidate(w, new ValidatorChecks(new SourceWriter(), new RuleFields()), ns, obj.Fields, obj.Rules, model: null);
    }

    /// <summary>The checks of every field, the method's end, the rules the checks record and the compiled patterns they use.</summary>
    private static string EndValidate(SourceWriter w, ValidatorChecks checks, string ns, EquatableArray<FieldSpec> fields, EquatableArray<RuleSpec> rules, RuleModel? model)
    {
        // Room, once the first violation is found, for one per field with checks and per rule (a field's checks mostly
        // exclude each other: missing, malformed, out of range), up to 16; lists and nested objects may add more, and the
        // array grows.
        var capacity = (checks.W.Length > 0 ? 1 : 0) + EmitFields(checks, ns, fields) + rules.Count;
        RuleEmitter.Emit(checks, rules, fields, model);
        capacity = Math.Min(Math.Max(capacity, 1), 16);
        w.Line($"var errors = new {CSharpTypes.Runtime}ValidationErrors({capacity.ToString(CultureInfo.InvariantCulture)});");
        var body = checks.W.ToString();
        if (body.Length > 0)
        {
            w.Gap();
            w.Lines(body.TrimEnd('\n'));
        }

        w.Gap();
        w.Line("return errors.ToResult();");
        w.Close();

        // Patterns first: static fields are initialized in text order, and a pattern's rule reads its pattern.
        EmitPatternFields(w, fields);
        checks.Rules.Emit(w);
        w.Close();
        return w.ToString();
    }

    /// <summary>Emits each field's checks; returns how many fields have any.</summary>
    private static int EmitFields(ValidatorChecks c, string ns, IEnumerable<FieldSpec> fields)
    {
        var checkedFields = 0;
        foreach (var field in fields)
        {
            var before = c.W.Length;
            if (field.Type.IsArray)
            {
                EmitArray(c, ns, field);
            }
            else
            {
                EmitScalar(c, ns, field);
            }

            checkedFields += c.W.Length > before ? 1 : 0;
        }

        return checkedFields;
    }

    private static void EmitScalar(ValidatorChecks c, string ns, FieldSpec field)
    {
        var w = c.W;
        var target = new ValidationTarget(field.JsonName, Naming.ToCamelCase(field.PropertyName));
        var local = CSharpTypes.Local(field);
        w.Gap();
        if (field.Required && field.Type.Kind is FieldKind.String or FieldKind.Url)
        {
            w.Open($"if (string.IsNullOrWhiteSpace({field.PropertyName}))");
            c.Required(target);
            w.Close();
            if (field.Type.Kind == FieldKind.Url && !HasTextRules(field))
            {
                EmitUrlCheck(c, "else if", target, field.PropertyName, Surrogate(field));
                return;
            }

            EmitSurrogateCheck(c, "else if", target, field.PropertyName, Surrogate(field));
            if (HasTextRules(field))
            {
                w.Open("else");
                EmitTextRules(c, field, target, field.PropertyName);
                w.Close();
            }

            return;
        }

        if (field.Type.Kind == FieldKind.Object)
        {
            EmitNested(c, field.Required, target, CSharpTypes.String(field.JsonName), field.PropertyName, local);
            return;
        }

        if (HasTextRules(field))
        {
            // Optional text with length or pattern rules: well-formed first, then every rule it breaks.
            w.Open($"if ({field.PropertyName} is {{ }} {local})");
            EmitSurrogateCheck(c, "if", target, local, Surrogate(field));
            w.Open("else");
            EmitTextRules(c, field, target, local);
            w.Close();
            w.Close();
            return;
        }

        var binding = Binding(field, local);
        switch (field.Type.Kind)
        {
            case FieldKind.Url:
                w.Open($"if ({binding})");
                EmitUrlCheck(c, "if", target, local, Surrogate(field));
                w.Close();
                break;
            case FieldKind.String:
                // A string with an unpaired surrogate has no UTF-8 form: it would be sent as U+FFFD.
                w.Open($"if ({binding} && {CSharpTypes.Runtime}Validate.IndexOfUnpairedSurrogate({local}) is var {Surrogate(field)} && {Surrogate(field)} >= 0)");
                c.UnpairedSurrogate(target, local, Surrogate(field));
                w.Close();
                break;
            case FieldKind.Enum:
                w.Open($"if ({binding} && !{local}.IsKnown)");
                c.Add(target, $"Allowed({target.Name}, {CSharpTypes.Qualified(ns, field.Type.Name!)}.AllowedValues)", $"{local}.Value");
                w.Close();
                break;
            case FieldKind.Number:
                // NaN compares false with every bound, and JSON can't carry NaN or infinities.
                w.Open($"if ({binding})");
                w.Open($"if (double.IsNaN({local}) || double.IsInfinity({local}))"); // not double.IsFinite: netstandard2.0 lacks it
                c.Add(target, $"Finite({target.Name})", local);
                w.Close();
                if (!field.Values.IsEmpty)
                {
                    EmitValuesCheck(c, "else if (", field, target, local);
                }
                else if (Bounds(local, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } numberChecks)
                {
                    w.Open($"else if ({numberChecks})");
                    c.Add(target, $"Range({target.Name}, {Bound(field.Min, field)}, {Bound(field.Max, field)})", local);
                    w.Close();
                }

                w.Close();
                break;
            case FieldKind.Integer when !field.Values.IsEmpty:
                // The listed values lie within min and max (the parser checks), so membership is the whole rule.
                EmitValuesCheck(c, $"if ({binding} && ", field, target, local);
                break;
            case FieldKind.Integer when Bounds(local, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } checks:
                w.Open($"if ({binding} && ({checks}))");
                c.Add(target, $"Range({target.Name}, {Bound(field.Min, field)}, {Bound(field.Max, field)})", local);
                w.Close();
                break;
            default:
                return;
        }
    }

    private static void EmitArray(ValidatorChecks c, string ns, FieldSpec field)
    {
        var w = c.W;
        var target = new ValidationTarget(field.JsonName, Naming.ToCamelCase(field.PropertyName));
        var local = CSharpTypes.Local(field);
        w.Gap();
        if (field.Required)
        {
            w.Open($"if ({field.PropertyName} is null)");
            c.Required(target);
            w.Close();
        }

        w.Open($"{(field.Required ? "else if" : "if")} ({field.PropertyName} is {{ }} {local})");
        var countChecks = Bounds($"{local}.Count", field.MinItems, field.MaxItems, v => v.ToString(CultureInfo.InvariantCulture));
        if (countChecks is not null)
        {
            w.Open($"if ({countChecks})");
            c.Add(target, $"ItemCount({target.Name}, {Optional(field.MinItems)}, {Optional(field.MaxItems)})", $"{local}.Count");
            w.Close();
        }

        // An item's violations name it by index (image_urls[2]); its rules are the list's, made once.
        var item = $"{local}[i]";
        var itemTarget = target with { Stem = target.Stem + "Item", Item = "i" };
        var items = c with { W = new SourceWriter() };
        switch (field.Type.Kind)
        {
            case FieldKind.String or FieldKind.Url:
                items.W.Open($"if (string.IsNullOrWhiteSpace({item}))");
                items.Required(itemTarget);
                items.W.Close();
                if (field.Type.Kind == FieldKind.Url)
                {
                    EmitUrlCheck(items, "else if", itemTarget, item, Surrogate(field));
                }
                else
                {
                    EmitSurrogateCheck(items, "else if", itemTarget, item, Surrogate(field));
                }

                break;
            case FieldKind.Enum:
                items.W.Open($"if (!{item}.IsKnown)");
                items.Add(itemTarget, $"Allowed({target.Name}, {CSharpTypes.Qualified(ns, field.Type.Name!)}.AllowedValues)", $"{item}.Value");
                items.W.Close();
                break;
            case FieldKind.Number:
                items.W.Open($"if (double.IsNaN({item}) || double.IsInfinity({item}))");
                items.Add(itemTarget, $"Finite({target.Name})", item);
                items.W.Close();
                if (Bounds(item, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } numberChecks)
                {
                    items.W.Open($"else if ({numberChecks})");
                    items.Add(itemTarget, $"Range({target.Name}, {Bound(field.Min, field)}, {Bound(field.Max, field)})", item);
                    items.W.Close();
                }

                break;
            case FieldKind.Integer when Bounds(item, field.Min, field.Max, v => CSharpTypes.Literal(v, field)) is { } checks:
                items.W.Open($"if ({checks})");
                items.Add(itemTarget, $"Range({target.Name}, {Bound(field.Min, field)}, {Bound(field.Max, field)})", item);
                items.W.Close();
                break;
            case FieldKind.Object:
                // A null item could not be written: every item of a list of objects is required.
                var itemPath = $"{CSharpTypes.String(field.JsonName + "[")} + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"";
                EmitNested(items, required: true, itemTarget, itemPath, item, "item");
                break;
        }

        var body = items.W.ToString();
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
    /// go under <paramref name="path"/> (an expression). The object validates itself, so any depth and reuse come free.
    /// </summary>
    private static void EmitNested(ValidatorChecks c, bool required, ValidationTarget target, string path, string value, string local)
    {
        var w = c.W;
        var result = local + "Result";
        if (required)
        {
            w.Open($"if ({value} is null)");
            c.Required(target);
            w.Close();
            w.Open($"else if ({value}.Validate() is {{ IsValid: false }} {result})");
        }
        else
        {
            w.Open($"if ({value} is {{ }} {local} && {local}.Validate() is {{ IsValid: false }} {result})");
        }

        w.Line($"errors.AddWithin({path}, {result});");
        w.Close();
    }

    /// <summary>
    /// Emits the well-formed UTF-16 check of a string or URL value: an unpaired surrogate has no UTF-8
    /// form, so the value could only be sent altered (as U+FFFD). The error names the field and the index.
    /// </summary>
    private static void EmitSurrogateCheck(ValidatorChecks c, string keyword, ValidationTarget target, string value, string index)
    {
        c.W.Open($"{keyword} ({CSharpTypes.Runtime}Validate.IndexOfUnpairedSurrogate({value}) is var {index} && {index} >= 0)");
        c.UnpairedSurrogate(target, value, index);
        c.W.Close();
    }

    /// <summary>
    /// Emits the check of a URL value: an absolute http(s) URL, or the reason it is not. A URL that passes is ASCII, so
    /// the surrogate scan runs only for a value that fails, to report an unpaired surrogate as what it is.
    /// </summary>
    private static void EmitUrlCheck(ValidatorChecks c, string keyword, ValidationTarget target, string value, string index)
    {
        c.W.Open($"{keyword} (!{CSharpTypes.Runtime}Validate.IsHttpUrl({value}))");
        EmitSurrogateCheck(c, "if", target, value, index);
        c.W.Open("else");
        c.Add(target, $"HttpUrl({target.Name})", value);
        c.W.Close();
        c.W.Close();
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
    private static void EmitTextRules(ValidatorChecks c, FieldSpec field, ValidationTarget target, string value)
    {
        var w = c.W;
        if (field.Type.Kind == FieldKind.Url)
        {
            w.Open($"if (!{CSharpTypes.Runtime}Validate.IsHttpUrl({value}))");
            c.Add(target, $"HttpUrl({target.Name})", value);
            w.Close();
        }

        var length = Naming.ToCamelCase(field.PropertyName) + "Length";
        w.Gap();
        if (Bounds(length, field.MinLength, field.MaxLength, v => v.ToString(CultureInfo.InvariantCulture)) is { } lengthChecks)
        {
            w.Open($"if ({CSharpTypes.Runtime}Validate.CodePointCount({value}) is var {length} && ({lengthChecks}))");
            c.Add(target, $"Length({target.Name}, {Optional(field.MinLength)}, {Optional(field.MaxLength)})", length);
            w.Close();
        }

        w.Gap();
        if (field.Pattern is not null)
        {
            w.Open($"if (!{CSharpTypes.Runtime}Validate.IsMatch({PatternField(field)}, {value}))");
            c.Add(target, $"Pattern({target.Name}, {PatternField(field)})", value);
            w.Close();
        }
    }

    /// <summary>
    /// Emits the membership check of a number field with <c>values</c>, opened by <paramref name="condition"/> and a
    /// constant pattern (<c>is not (5 or 10)</c>), so nothing allocates.
    /// </summary>
    private static void EmitValuesCheck(ValidatorChecks c, string condition, FieldSpec field, ValidationTarget target, string value)
    {
        var literals = string.Join(" or ", field.Values.Select(v => CSharpTypes.Literal(v, field)));
        var allowed = string.Join(", ", field.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        c.W.Open($"{condition}{value} is not ({literals}))");
        c.Add(target, $"Allowed({target.Name}, {CSharpTypes.String(allowed)})", value);
        c.W.Close();
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
