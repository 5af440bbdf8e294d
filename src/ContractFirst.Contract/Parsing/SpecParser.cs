using System.Globalization;
using System.Threading;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// Reads a contract into a <see cref="ContractSpec"/>. Never throws for a bad contract: every
/// problem becomes a diagnostic with the file, line and column, and the spec is null when any
/// error was found, so nothing half-valid is emitted.
/// </summary>
internal sealed partial class SpecParser
{
    private static readonly string[] s_builtInTypes = ["string", "url", "integer", "number", "boolean", "timestamp", "array"];

    private readonly ParseContext _context;
    private readonly Dictionary<string, EnumSpec> _enums = new(StringComparer.Ordinal);
    private readonly HashSet<string> _modelNames = new(StringComparer.Ordinal);

    /// <summary>The API's name once read; the exception types are named after it.</summary>
    private string _apiName = "";
    private MappingView? _modelsView;

    private SpecParser(ParseContext context) => _context = context;

    /// <summary>The contract's format version, 1 or 2; version 1 files are read with its defaults (spec/README.md, "Format versions").</summary>
    private int _version = 2;

    public static SpecParseResult Parse(ContractInput input, CancellationToken cancellationToken)
    {
        var context = new ParseContext(input.Path, cancellationToken);
        ContractSpec? spec = null;
        SpecParser? parser = null;
        try
        {
            // Numbers from YAML become C# literals: every parse and format names the invariant culture.
            var root = YamlTreeReader.Read(input.Path, input.Text, context.Diagnostics, cancellationToken);
            if (!context.HasErrors)
            {
                parser = new SpecParser(context);
                spec = parser.ParseRoot(root, input);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Placed at the start of the contract, so that even a bug in the generator points at the file.
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, new LocationInfo(input.Path, default, default), "reading " + System.IO.Path.GetFileName(input.Path), ex.Message));
        }

        var valid = context.HasErrors ? null : spec;
        return new SpecParseResult(valid, context.Diagnostics.ToEquatableArray())
        {
            Types = valid is null || parser is null ? EquatableArray<string>.Empty : parser._generatedTypes.Select(t => t.Name).ToEquatableArray(),
        };
    }

    private ContractSpec? ParseRoot(YamlNode? rootNode, ContractInput input)
    {
        if (rootNode is null)
        {
            _context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MissingKey, new LocationInfo(input.Path, default, default), "The contract (an empty file)", "contract"));
            return null;
        }

        var root = _context.Mapping(rootNode, ContractKeys.RootKeys);
        if (root is null)
        {
            return null;
        }

        var version = _context.String(root, "contract", required: true);
        switch (version)
        {
            case "1":
                _version = 1;
                break;
            case "2" or null:
                break;
            default:
                _context.Report(DiagnosticDescriptors.UnsupportedVersion, root["contract"]!, version);
                break;
        }

        var api = ParseApi(root);
        _apiName = api?.Name ?? "";
        if (api is not null)
        {
            ClaimApiTypeNames(api, root, input, root.Has("billing"));
        }

        CollectEnums(root);
        CollectModelNames(root);
        CollectObjectNames(root);
        var models = ParseModels();
        var objects = ParseObjects();
        var endpoints = ParseEndpoints(root, models);
        var polling = ParsePolling(root, endpoints, models);
        var errors = ParseErrors(root);
        var billing = ParseBilling(root, endpoints);
        if (api is null || errors is null || _context.HasErrors)
        {
            return null;
        }

        var spec = new ContractSpec(
            input.Namespace ?? api.Name,
            input.ClientName ?? api.Name + "Client",
            api,
            _enums.Values.ToEquatableArray(),
            endpoints.Select(e => e.Spec).ToEquatableArray(),
            models.Values.Select(m => m.ToSpec(polling)).ToEquatableArray(),
            objects.ToEquatableArray(),
            polling,
            errors,
            billing);
        return spec;
    }

    private ApiInfo? ParseApi(MappingView root)
    {
        var api = _context.Mapping(root["api"], root.KeyNode("api"), ContractKeys.ApiKeys);
        if (api is null)
        {
            if (!root.Has("api"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, root.Node, root.Node.Path, "api");
            }

            return null;
        }

        var name = _context.String(api, "name", required: true);
        if (name is not null && !_context.CheckIdentifier(api["name"]!, name))
        {
            name = null;
        }

        var baseUrl = _context.String(api, "base_url", required: true);
        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")))
        {
            _context.Report(DiagnosticDescriptors.NotAnHttpUrl, api["base_url"]!, api["base_url"]!.Path, baseUrl);
            baseUrl = null;
        }

        string? tokenEnv = null;
        var auth = _context.Mapping(api["auth"], api.KeyNode("auth"), ContractKeys.AuthKeys);
        if (auth is not null)
        {
            var scheme = _context.String(auth, "scheme");
            if (scheme is not null && scheme != "bearer")
            {
                _context.Report(DiagnosticDescriptors.NotAllowedValue, auth["scheme"]!, auth["scheme"]!.Path, scheme, "bearer");
            }

            tokenEnv = _context.String(auth, "token_env");
        }

        var title = _context.String(api, "title");
        return name is null || baseUrl is null
            ? null
            : new ApiInfo(name, title ?? name, _context.String(api, "description"), baseUrl.TrimEnd('/'), tokenEnv);
    }

    private void ClaimApiTypeNames(ApiInfo api, MappingView root, ContractInput input, bool hasBilling)
    {
        var node = root["api"]!;
        CheckContractOptions(input, node);
        var clientName = input.ClientName ?? api.Name + "Client";
        ClaimTypeName(clientName, node);
        ClaimTypeName(clientName + "Options", node);
        ClaimTypeName(api.Name + "Exception", node);
        ClaimTypeName(api.Name + "Errors", node);
        ClaimTypeName(api.Name + "ModelFactory", node);
        if (hasBilling)
        {
            ClaimTypeName(api.Name + "Pricing", node);
        }

        if (root.Has("polling"))
        {
            // The generated operation type of a contract that polls its tasks.
            ClaimTypeName(api.Name + "Operation", node);
        }
    }
}
