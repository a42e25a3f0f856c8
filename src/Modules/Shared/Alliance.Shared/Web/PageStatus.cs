using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Alliance.Shared.Web;

/// <summary>Pages that answer with an error status and explain it themselves.</summary>
public static class PageStatus
{
    /// <summary>
    /// Sets <paramref name="status"/> (e.g. 404 for an unknown link, 410 for a closed survey) and keeps this page's own
    /// explanation instead of the host's generic status page, which would otherwise replace an error response.
    /// </summary>
    public static void AnswerWith(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }
}
