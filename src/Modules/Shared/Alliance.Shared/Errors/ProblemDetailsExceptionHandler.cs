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
        if (!path.StartsWithSegments("/api"))
        {
            // Pages: the exception handler middleware shows the error page, with StatusOf(exception) as status.
            return false;
        }

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
        BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 2 } path } } => new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [ToCamelCase(FieldOf(path))] = [text["Problem_InvalidValue"]] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["Problem_Validation"],
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = ProblemDetailsExceptionHandler.StatusOf(exception),
            Title = text["Problem_BadRequest"],
            Detail = bad.Message,
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

    /// <summary>"$.partnerGroup" or "$.lines[2].amount" → the top-level field the value belongs to.</summary>
    private static string FieldOf(string jsonPath) => jsonPath[2..].Split('.', '[')[0];

    private static string ToCamelCase(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? string.Empty : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
