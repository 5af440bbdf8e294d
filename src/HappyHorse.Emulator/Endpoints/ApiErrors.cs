using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;
using Microsoft.AspNetCore.Http;

namespace HappyHorse.Emulator.Endpoints;

/// <summary>The error answers the emulator gives, in the contract's error body layout.</summary>
internal static class ApiErrors
{
    public const string BadRequest = "bad_request";
    public const string InvalidToken = "invalid_token";
    public const string UsedUp = "used_up";

    /// <summary>
    /// The contract documents content review as "any other 403" without a code, so the emulator picks
    /// one; the SDK maps every 403 that is not used_up to its content-rejected exception.
    /// </summary>
    public const string ContentRejected = "content_rejected";
    public const string TooManyRequests = "too_many_requests";
    public const string ApiError = "api_error";

    /// <summary>Not documented by the API: the emulator answers an unknown task id with 404 not_found.</summary>
    public const string NotFound = "not_found";

    /// <summary>Checks that every code the emulator sends is one the contract lists for that status.</summary>
    public static void EnsureDocumented(ContractSpec contract)
    {
        Check(contract, 400, BadRequest);
        Check(contract, 401, InvalidToken);
        Check(contract, 403, UsedUp);
        Check(contract, 429, TooManyRequests);
        Check(contract, 500, ApiError);
        if (!contract.Errors.Cases.Any(c => c.Status == 403 && c.Codes.Count == 0))
        {
            throw new InvalidOperationException("The contract has no catch-all 403 case for content review.");
        }

        if (contract.Errors is not { CodePath: "error.code", MessagePath: "error.message", TraceIdPath: "trace_id" })
        {
            throw new InvalidOperationException("The emulator writes error bodies as { error: { code, message }, trace_id }; the contract says otherwise.");
        }
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string message, string traceId, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            // Whole seconds, at least one: the header's delta form has no fractions.
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
            ["trace_id"] = traceId,
        };
        return Json.WriteAsync(context, body);
    }

    private static void Check(ContractSpec contract, int status, string code)
    {
        if (!contract.Errors.Cases.Any(c => c.Status == status && c.Codes.Contains(code)))
        {
            throw new InvalidOperationException($"The contract no longer lists error code {code} for status {status}.");
        }
    }
}
