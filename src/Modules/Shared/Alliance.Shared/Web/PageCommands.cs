using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Web;

/// <summary>
/// What became of a request a page sent: its value, or the localized problem the API would have answered with —
/// field errors by request property name and one general message.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, int status, string? message, IReadOnlyDictionary<string, string[]> fieldErrors)
    {
        Value = value;
        Status = status;
        Message = message;
        FieldErrors = fieldErrors;
    }

    /// <summary>True when the request was handled without a problem.</summary>
    public bool Succeeded => Status < 300;

    /// <summary>The handler's answer; default when the request failed.</summary>
    public T? Value { get; }

    /// <summary>The HTTP status the API would have answered with (200 on success, 400/403/404/409 otherwise).</summary>
    public int Status { get; }

    /// <summary>A localized message for the whole form (conflict, forbidden, not found), or the validation title.</summary>
    public string? Message { get; }

    /// <summary>Localized validation messages by request property name (e.g. <c>Title</c>, <c>ActionItems[0].Owner</c>).</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; }

    internal static Outcome<T> Success(T value) =>
        new(value, StatusCodes.Status200OK, null, new Dictionary<string, string[]>());

    internal static Outcome<T> Failure(int status, string? message, IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new(default, status, message, fieldErrors);
}

/// <summary>
/// The one way a page sends a command: validation, not-found, forbidden and conflict outcomes come back as an
/// <see cref="Outcome{T}"/> (the same mapping as the API's problem details), so pages need no catch blocks.
/// Anything else (a bug, the database gone) still throws and shows the error page.
/// </summary>
public sealed class PageCommands(
    IMediator mediator, ProblemMapper mapper, FlashMessages flash, NavigationManager navigation, IServiceProvider services,
    Microsoft.Extensions.Localization.IStringLocalizer<Alliance.Shared.Localization.SharedText> sharedText)
{
    /// <summary>A reader for this form's typed fields (numbers, dates, times, choices): <c>var form = Commands.Fields();</c>.</summary>
    public FormFields Fields() => new(sharedText);

    /// <summary>
    /// Sends <paramref name="request"/> built with <paramref name="form"/>. When a field could not be read, nothing is
    /// sent: the outcome holds that field's message and the validator's messages for every other field, so the user sees
    /// all of them at once, in her language.
    /// </summary>
    public async Task<Outcome<T>> SendAsync<T>(IRequest<T> request, FormFields form, CancellationToken cancellationToken = default)
    {
        if (!form.HasErrors)
        {
            return await SendAsync(request, cancellationToken);
        }

        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var validatorType = typeof(IValidator<>).MakeGenericType(request.GetType());
        foreach (var validator in services.GetServices(validatorType).OfType<IValidator>())
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(request), cancellationToken);
            foreach (var group in result.Errors.GroupBy(e => e.PropertyName))
            {
                fields[group.Key] = [.. (fields.GetValueOrDefault(group.Key) ?? []).Concat(group.Select(e => e.ErrorMessage)).Distinct()];
            }
        }

        // What could not be read replaces whatever the validator said about the placeholder value.
        foreach (var (field, message) in form.Errors)
        {
            fields[field] = [message];
        }

        return Outcome<T>.Failure(StatusCodes.Status400BadRequest, null, fields);
    }

    /// <summary>As <see cref="SendAsync{T}(IRequest{T}, FormFields, CancellationToken)"/>, with a success message and target as the overload without a form.</summary>
    public async Task<Outcome<T>> SendAsync<T>(IRequest<T> request, FormFields form, string successText, Func<T, string> targetUrl, CancellationToken cancellationToken = default) =>
        form.HasErrors ? await SendAsync(request, form, cancellationToken) : await SendAsync(request, successText, targetUrl, cancellationToken);

    /// <summary>As above, with a fixed target address.</summary>
    public Task<Outcome<T>> SendAsync<T>(IRequest<T> request, FormFields form, string successText, string targetUrl, CancellationToken cancellationToken = default) =>
        SendAsync(request, form, successText, _ => targetUrl, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/>; on success leaves <paramref name="successText"/> as the next page's success
    /// message (role="status") and goes to <paramref name="targetUrl"/>. On failure returns the outcome for
    /// <c>ServerValidator.Show</c> / <c>OutcomeAlert</c>: <c>_errors!.Show(await Commands.SendAsync(new X(…), T["X_Saved"], "/x"));</c>
    /// </summary>
    public Task<Outcome<T>> SendAsync<T>(IRequest<T> request, string successText, string targetUrl, CancellationToken cancellationToken = default) =>
        SendAsync(request, successText, _ => targetUrl, cancellationToken);

    /// <summary>As the overload with a fixed address, for a target that depends on the answer (the new id).</summary>
    public async Task<Outcome<T>> SendAsync<T>(IRequest<T> request, string successText, Func<T, string> targetUrl, CancellationToken cancellationToken = default)
    {
        var outcome = await SendAsync(request, cancellationToken);
        if (outcome.Succeeded)
        {
            flash.Success(successText);
            // In static SSR this ends the request with a redirect (it throws NavigationException by design).
            navigation.NavigateTo(targetUrl(outcome.Value!));
        }

        return outcome;
    }

    /// <summary>Sends <paramref name="request"/> and returns its outcome.</summary>
    public async Task<Outcome<T>> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken = default)
    {
        try
        {
            return Outcome<T>.Success(await mediator.Send(request, cancellationToken));
        }
        catch (Exception exception) when (ProblemDetailsExceptionHandler.StatusOf(exception) is >= 400 and < 500)
        {
            var problem = mapper.Map(exception);
            var fields = exception is ValidationException validation
                ? validation.Errors
                    .GroupBy(e => e.PropertyName)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())
                : new Dictionary<string, string[]>();
            var message = problem is HttpValidationProblemDetails ? null : problem.Detail ?? problem.Title;
            return Outcome<T>.Failure(problem.Status ?? StatusCodes.Status400BadRequest, message, fields);
        }
    }
}
