using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Alliance.Shared.Web;

/// <summary>Pages that answer with an error status and explain it themselves.</summary>
public static class PageStatus
{
    /// <summary>
    /// Sets <paramref name="status"/> (e.g. 410 for a closed survey, 409 for answers sent again) and keeps this page's
    /// own explanation instead of the host's generic status page, which would otherwise replace an error response.
    /// A 404 (an unknown link) is answered by the host's localized "not found" page instead: Blazor's static rendering
    /// stops at a 404 and leaves the body to the status code pages (.NET 10), so with them off the answer was empty.
    /// </summary>
    public static void AnswerWith(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (status != StatusCodes.Status404NotFound && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }
}
