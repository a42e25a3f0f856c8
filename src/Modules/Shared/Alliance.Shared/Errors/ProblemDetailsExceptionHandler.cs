using Alliance.Shared.Input;
using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Alliance.Shared.Errors;

/// <summary>
/// The one place exceptions become RFC 9457 problem details, in every environment:
/// validation 400 with per-field errors, 403, 404, 409 for stale or conflicting writes.
/// Anything else is a 500 without internals.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ProblemMapper mapper,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // Worth a look when it happens often (a form that needs more?), but the client's doing: a warning, not an error.
            logger.LogWarning("Request body over the limit on {Path}", path);
        }

        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            // A HEAD answer has no body, so the status is all there is to say; the error page (GET and POST only) would
            // turn a 404 into a 405 — calendar apps and link checkers ask feeds with HEAD.
            httpContext.Response.StatusCode = StatusOf(exception);
            return true;
        }

        if (!path.StartsWithSegments("/api"))
        {
            // Pages: the exception handler middleware shows the error page, with StatusOf(exception) as status.
            return false;
        }

        // The exception left the request localization middleware: take the request's language back from its feature.
        RequestLanguage.Apply(httpContext);
        var problem = mapper.Map(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The status an exception stands for (also used for pages, which show the error page with it).</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        ValidationException => StatusCodes.Status400BadRequest,
        BadHttpRequestException bad => bad.StatusCode,
        NotFoundException => StatusCodes.Status404NotFound,
        ForbiddenException => StatusCodes.Status403Forbidden,
        ConflictException or DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>
/// Turns an exception into localized problem details. The API's exception handler and the pages' <c>PageCommands</c>
/// both use it, so a user reads the same message on either path.
/// </summary>
public sealed class ProblemMapper(IStringLocalizer<SharedText> text)
{
    /// <summary>The localized problem an exception stands for (status from <see cref="ProblemDetailsExceptionHandler.StatusOf"/>).</summary>
    public ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors
                .GroupBy(e => ToCamelCase(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_Validation"],
        },
        BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => new HttpValidationProblemDetails(FieldErrorsOf(json))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["Problem_Validation"],
        },
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = text["Problem_TooLarge"],
        },
        BadHttpRequestException { Message: RequestInputFilter.RefusedPath } => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["Problem_InvalidPath"],
        },
        BadHttpRequestException bad when BindingFieldErrorsOf(bad) is { } errors => new HttpValidationProblemDetails(errors)
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_Validation"],
        },
        // Never the framework's own message: it is English, and it names parameters and types of the code.
        BadHttpRequestException => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_BadRequest"],
        },
        NotFoundException notFound => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_NotFound"],
            Detail = notFound.HasMessage ? notFound.Message : null,
        },
        ForbiddenException forbidden => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_Forbidden"],
            Detail = forbidden.HasMessage ? forbidden.Message : null,
        },
        ConflictException conflict => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_Conflict"],
            Detail = conflict.Message,
        },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_Conflict"],
            Detail = text["Problem_StaleWrite"],
        },
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_Conflict"],
            Detail = text["Problem_Duplicate"],
        },
        _ => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_Unexpected"],
        },
    };

    /// <summary>
    /// The field errors of an unreadable JSON body: the field the serializer's path or the input rule names, or, when
    /// required members are missing, each of them; a body that is no JSON at all is an error of "body".
    /// </summary>
    private Dictionary<string, string[]> FieldErrorsOf(System.Text.Json.JsonException json)
    {
        var field = json.Path is { Length: > 2 } path && FieldOf(path) is { Length: > 0 } top ? top : (json as RefusedInputException)?.Field;
        if (field is not null)
        {
            var key = json is RefusedInputException refused ? refused.MessageKey : "Problem_InvalidValue";
            return new Dictionary<string, string[]> { [ToCamelCase(field)] = [text[key]] };
        }

        // "JSON deserialization for type 'X' was missing required properties including: 'a', 'b'."
        var marker = json.Message.IndexOf("including:", StringComparison.Ordinal);
        if (marker >= 0)
        {
            var missing = System.Text.RegularExpressions.Regex.Matches(json.Message[marker..], "'([^']+)'")
                .Select(m => ToCamelCase(m.Groups[1].Value)).Distinct().ToList();
            if (missing.Count > 0)
            {
                return missing.ToDictionary(m => m, _ => new[] { text[RefusedInputException.Required].Value });
            }
        }

        return new Dictionary<string, string[]> { ["body"] = [text["Input_MalformedBody"]] };
    }

    /// <summary>
    /// Route, query and body binding failures of minimal APIs, which carry the parameter only in their (English)
    /// message: a missing body, 'Failed to bind parameter "int page" from "x"', 'Required parameter "Guid id" was not provided'.
    /// </summary>
    private Dictionary<string, string[]>? BindingFieldErrorsOf(BadHttpRequestException bad)
    {
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("body was provided", StringComparison.Ordinal)
            || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) && bad.Message.Contains("from the request body", StringComparison.Ordinal))
        {
            return new Dictionary<string, string[]> { ["body"] = [text["Input_BodyRequired"]] };
        }

        var match = System.Text.RegularExpressions.Regex.Match(bad.Message, "^(Failed to bind|Required) parameter \"(?:[^\" ]+ )?([^\"]+)\"");
        if (!match.Success)
        {
            return null;
        }

        var key = match.Groups[1].Value == "Required" ? RefusedInputException.Required : "Problem_InvalidValue";
        return new Dictionary<string, string[]> { [ToCamelCase(match.Groups[2].Value)] = [text[key]] };
    }

    /// <summary>"$.partnerGroup" or "$.lines[2].amount" → the top-level field the value belongs to.</summary>
    private static string FieldOf(string jsonPath) => jsonPath[2..].Split('.', '[')[0];

    private static string ToCamelCase(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? string.Empty : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
