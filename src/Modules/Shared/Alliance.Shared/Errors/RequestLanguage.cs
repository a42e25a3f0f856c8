using System.Globalization;
using Alliance.Shared.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Errors;

/// <summary>
/// Error answers are written by middlewares outside the request localization (exception handler, status code
/// pages), where the request's language is no longer the current culture. These helpers bring it back and put
/// localized titles on the problems that only carry a status (401, 404, 405, 413, 429 …).
/// </summary>
public static class RequestLanguage
{
    /// <summary>Makes the language the request localization chose the current culture again.</summary>
    public static void Apply(HttpContext context)
    {
        if (context.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            CultureInfo.CurrentUICulture = feature.RequestCulture.UICulture;
            CultureInfo.CurrentCulture = Cultures.Formatting(feature.RequestCulture.UICulture.TwoLetterISOLanguageName);
        }
    }

    /// <summary>For ProblemDetailsOptions.CustomizeProblemDetails: a localized title instead of the English reason phrase.</summary>
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title is { Length: > 0 } title && title != ReasonPhrases.GetReasonPhrase(status) && title != "Content Too Large")
        {
            return;
        }

        Apply(context.HttpContext);
        var key = status switch
        {
            StatusCodes.Status400BadRequest => "Problem_BadRequest",
            StatusCodes.Status401Unauthorized => "Problem_Unauthorized",
            StatusCodes.Status403Forbidden => "Problem_Forbidden",
            StatusCodes.Status404NotFound => "Problem_NotFound",
            StatusCodes.Status405MethodNotAllowed => "Problem_MethodNotAllowed",
            StatusCodes.Status409Conflict => "Problem_Conflict",
            StatusCodes.Status413PayloadTooLarge => "Problem_TooLarge",
            StatusCodes.Status415UnsupportedMediaType => "Problem_UnsupportedMediaType",
            StatusCodes.Status429TooManyRequests => "Problem_TooManyRequests",
            >= 500 => "Problem_Unexpected",
            _ => "Problem_BadRequest",
        };
        problem.Title = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>()[key];
    }
}
