using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits the interface every request of an endpoint implements, carrying the endpoint's shared
/// fields, so callers can set them once for any action (<c>IVideosRequest.Seed = 42</c>).
/// </summary>
internal static class RequestInterfaceEmitter
{
    public static string Emit(string ns, EndpointSpec endpoint, IReadOnlyList<string> implementations)
    {
        var w = Header.Start(ns);
        var implementedBy = string.Join(", ", implementations);
        w.Summary($"A request to POST {endpoint.Path}: the fields every action of the endpoint shares.",
            $"Implemented by {implementedBy}.");
        w.Line(Header.GeneratedCode);
        w.Open($"public interface {endpoint.RequestInterfaceName} : {CSharpTypes.Runtime}IJsonWritable, {CSharpTypes.Runtime}IValidatable");
        var first = true;
        foreach (var field in endpoint.Shared)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line("/// <summary>" + FieldDocs.Summary(field) + " Omitted from the request when null.</summary>");
            w.Line($"{CSharpTypes.RequestProperty(field)} {field.PropertyName} {{ get; set; }}");
        }

        w.Close();
        return w.ToString();
    }
}
