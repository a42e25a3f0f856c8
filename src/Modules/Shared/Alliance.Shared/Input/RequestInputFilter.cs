using Alliance.Shared.Localization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Alliance.Shared.Input;

/// <summary>
/// Holds the path, the query string and form posts to <see cref="InputText"/> right after routing, for every request
/// (after routing, because the form is read here: the matched endpoint's <see cref="UploadLimitAttribute"/> must
/// already have raised the body and multipart limits, or a page upload above 1 MiB would be a 413).
/// The API refuses a refused character with a 400 problem naming the field (a client should learn its input was
/// wrong). Pages drop the characters from query and form values and go on: the characters are invisible and mean
/// nothing to a person, and a status page instead of the form would throw away everything else they typed; the
/// cleaned form then meets the use case's validators like any other input. A refused character in the path itself
/// is a 400 for both (no route can match it). JSON bodies are checked field by field by <see cref="JsonInputRules"/>.
/// </summary>
public static class RequestInputFilter
{
    /// <summary>Adds the filter; place it after the error handlers, the request localization and <c>UseRouting</c>.</summary>
    public static IApplicationBuilder UseRequestInputFilter(this IApplicationBuilder app) => app.Use(FilterAsync);

    private static async Task FilterAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The error handler re-runs the pipeline for a request this filter already passed (or refused); reading
            // its form again would throw (e.g. after a failed antiforgery check) and hide the original answer.
            await next(context);
            return;
        }

        var api = request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
        if (!InputText.IsClean(request.Path.Value) || !InputText.IsClean(request.PathBase.Value))
        {
            throw new BadHttpRequestException(RefusedPath, StatusCodes.Status400BadRequest);
        }

        if (request.QueryString.HasValue && request.Query.Any(q => !IsClean(q.Key, q.Value)))
        {
            if (api)
            {
                throw Refused(context, request.Query.Where(q => !IsClean(q.Key, q.Value)).Select(q => q.Key));
            }

            request.QueryString = QueryString.Create(request.Query.Select(q =>
                new KeyValuePair<string, StringValues>(InputText.Strip(q.Key), new StringValues(q.Value.Select(v => v is null ? v : InputText.Strip(v)).ToArray()))));
        }

        if (request.HasFormContentType && IsWrite(request.Method))
        {
            var nulFields = await DropEncodedNulAsync(request, context.RequestAborted);
            if (api && nulFields.Count > 0)
            {
                throw Refused(context, nulFields);
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // Too many values, a value too long, or an undecodable value: a bad request, not a server error.
                throw new BadHttpRequestException("The form could not be read.", StatusCodes.Status400BadRequest);
            }

            if (form.Any(f => !IsClean(f.Key, f.Value)))
            {
                if (api)
                {
                    throw Refused(context, form.Where(f => !IsClean(f.Key, f.Value)).Select(f => f.Key));
                }

                request.Form = new FormCollection(
                    form.ToDictionary(f => InputText.Strip(f.Key), f => new StringValues(f.Value.Select(v => v is null ? v : InputText.Strip(v)).ToArray())),
                    form.Files);
            }
        }

        await next(context);
    }

    /// <summary>
    /// ASP.NET Core's form reader throws on an encoded NUL ("%00") instead of reading it, so an url-encoded body is
    /// read first and every "%00" taken out; returns the names of the fields that had one.
    /// </summary>
    private static async Task<List<string>> DropEncodedNulAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        // Latin-1 keeps every byte as one char, so the body goes back byte for byte.
        var body = System.Text.Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var fields = body.Split('&').Where(pair => pair.Contains("%00", StringComparison.Ordinal))
            .Select(pair => Uri.UnescapeDataString(pair.Split('=')[0].Replace("%00", "", StringComparison.Ordinal).Replace('+', ' ')))
            .ToList();
        var cleaned = fields.Count == 0 ? buffer.ToArray() : System.Text.Encoding.Latin1.GetBytes(body.Replace("%00", "", StringComparison.Ordinal));
        request.Body = new MemoryStream(cleaned);
        request.ContentLength = cleaned.Length;
        return fields;
    }

    /// <summary>The message of the 400 for a path with a refused character (mapped to a localized problem).</summary>
    public const string RefusedPath = "The path contains a refused character.";

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static bool IsClean(string key, StringValues values) => InputText.IsClean(key) && values.All(InputText.IsClean);

    private static ValidationException Refused(HttpContext context, IEnumerable<string> fields)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        return new ValidationException(fields.Select(f => new ValidationFailure(InputText.Strip(f), text[RefusedInputException.RefusedCharacters])).ToList());
    }
}
