using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Serving;

/// <summary>The situations the emulator answers with an error.</summary>
internal enum ApiProblem
{
    BadRequest,
    NoToken,
    InvalidToken,
    InsufficientBalance,
    ContentRejected,
    UnknownTask,
    UnknownPath,
    MethodNotAllowed,
    BodyTooLarge,
    TooManyRequests,
    ServerError,
    BadGateway,
    ServiceUnavailable,
    GatewayTimeout,
}

/// <summary>
/// The error answers of one contract: each situation gets the contract's status and, when the contract lists codes
/// for it, the listed code (the service's own word); otherwise a conventional code. Bodies follow the contract's
/// error layout (<c>errors.body</c>: dotted paths of code, message and trace id).
/// </summary>
internal sealed class ErrorCatalog
{
    private readonly ErrorsSpec _errors;
    private readonly Dictionary<ApiProblem, (int Status, string Code)> _answers = [];

    public ErrorCatalog(ErrorsSpec errors)
    {
        _errors = errors;
        _answers[ApiProblem.BadRequest] = (400, Listed(400, "bad_request"));
        _answers[ApiProblem.NoToken] = (401, Listed(401, "no_token", "invalid_token"));
        _answers[ApiProblem.InvalidToken] = (401, Listed(401, "invalid_token"));
        _answers[ApiProblem.InsufficientBalance] = (403, Listed(403, "used_up"));

        // The contracts document content review as "any other 403" without a code, so the emulator names one.
        _answers[ApiProblem.ContentRejected] = (403, "content_rejected");

        // Not documented by the APIs: an unknown task id gets 404 not_found, so callers can tell it from a bad request.
        _answers[ApiProblem.UnknownTask] = (404, "not_found");
        _answers[ApiProblem.UnknownPath] = (404, Listed(404, "no_api"));
        _answers[ApiProblem.MethodNotAllowed] = (405, "method_not_allowed");
        _answers[ApiProblem.BodyTooLarge] = (413, Listed(413, "request_too_large"));
        _answers[ApiProblem.TooManyRequests] = (429, Listed(429, "too_many_requests"));
        _answers[ApiProblem.ServerError] = (500, Listed(500, "api_error"));
        _answers[ApiProblem.BadGateway] = (502, Listed(502, "bad_gateway"));
        _answers[ApiProblem.ServiceUnavailable] = (503, Listed(503, "service_unavailable"));
        _answers[ApiProblem.GatewayTimeout] = (504, Listed(504, "timeout"));
    }

    public int StatusOf(ApiProblem problem) => _answers[problem].Status;

    public string CodeOf(ApiProblem problem) => _answers[problem].Code;

    /// <summary>The problem a 5xx status stands for (injected faults name statuses).</summary>
    public static ApiProblem ForStatus(int status) => status switch
    {
        502 => ApiProblem.BadGateway,
        503 => ApiProblem.ServiceUnavailable,
        504 => ApiProblem.GatewayTimeout,
        _ => ApiProblem.ServerError,
    };

    /// <summary>The error body: code, message and trace id at the contract's paths.</summary>
    public JsonObject Body(ApiProblem problem, string message, string traceId)
    {
        var body = new JsonObject();
        Put(body, _errors.CodePath, CodeOf(problem));
        Put(body, _errors.MessagePath, message);
        Put(body, _errors.TraceIdPath, traceId);
        return body;
    }

    /// <summary>A code the contract lists for the status (the first of <paramref name="preferred"/> it lists, else its first), or the conventional one.</summary>
    private string Listed(int status, params string[] preferred)
    {
        var codes = _errors.Cases.Where(c => c.Status == status).SelectMany(c => c.Codes).ToList();
        return preferred.FirstOrDefault(codes.Contains) ?? codes.FirstOrDefault() ?? preferred[0];
    }

    private static void Put(JsonObject body, string path, string value)
    {
        var parts = path.Split('.');
        var target = body;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (target[parts[i]] is not JsonObject next)
            {
                next = new JsonObject();
                target[parts[i]] = next;
            }

            target = next;
        }

        target[parts[^1]] = value;
    }
}
