using Alliance.Shared.Contracts;
using Alliance.Members.Accounts;
using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Me;

/// <summary>
/// A person edits their own profile. Consents carry the date they were given; withdrawing clears it.
/// <see cref="Version"/> is the one they read: a stale write is a 409.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateMyProfile(
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Function,
    string? PreferredLanguage,
    bool ConsentContactByEmail,
    bool ConsentNameVisible,
    uint Version) : IRequest;

internal sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfile>
{
    public UpdateMyProfileValidator(IStringLocalizer<AccountText> text)
    {
        RuleFor(c => c.FirstName)
            .NotEmpty().WithMessage(_ => text["Field_FirstNameRequired"])
            .MaximumLength(PersonLengths.FirstName).WithMessage(_ => string.Format(text["Field_TooLong"], PersonLengths.FirstName));
        RuleFor(c => c.LastName)
            .NotEmpty().WithMessage(_ => text["Field_LastNameRequired"])
            .MaximumLength(PersonLengths.LastName).WithMessage(_ => string.Format(text["Field_TooLong"], PersonLengths.LastName));
        RuleFor(c => c.Phone)
            .MaximumLength(PersonLengths.Phone).WithMessage(_ => string.Format(text["Field_TooLong"], PersonLengths.Phone))
            .Matches(@"^[0-9+()/ \-.]*$").WithMessage(_ => text["Field_PhoneInvalid"]);
        RuleFor(c => c.Function)
            .MaximumLength(PersonLengths.Function).WithMessage(_ => string.Format(text["Field_TooLong"], PersonLengths.Function));
        RuleFor(c => c.PreferredLanguage)
            .Must(language => language is not null && Cultures.Supported.Contains(language))
            .WithMessage(_ => text["Field_LanguageUnknown"]);
    }
}

/// <summary>
/// Saves, then renews the login cookie (it carries the display name) and the language cookie, so the next page shows
/// the new name in the new language — for the API and the profile page alike.
/// </summary>
internal sealed class UpdateMyProfileHandler(
    MembersDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    SignInManager<UserAccount> signIn,
    IHttpContextAccessor http) : AsyncRequestHandler<UpdateMyProfile>
{
    protected override async Task Handle(UpdateMyProfile request, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.ErasedAt == null, cancellationToken)
            ?? throw NotFoundException.For("Person", personId);
        db.Entry(person).Property(p => p.Version).OriginalValue = request.Version;

        var now = clock.GetUtcNow();
        person.FirstName = request.FirstName!.Trim();
        person.LastName = request.LastName!.Trim();
        person.Phone = Blank(request.Phone);
        person.Function = Blank(request.Function);
        person.PreferredLanguage = Cultures.Normalize(request.PreferredLanguage);
        if (request.ConsentContactByEmail != person.ConsentContactByEmail)
        {
            person.ConsentContactByEmail = request.ConsentContactByEmail;
            person.ConsentContactByEmailAt = request.ConsentContactByEmail ? now : null;
        }

        if (request.ConsentNameVisible != person.ConsentNameVisible)
        {
            person.ConsentNameVisible = request.ConsentNameVisible;
            person.ConsentNameVisibleAt = request.ConsentNameVisible ? now : null;
        }

        person.Touch(now);
        db.AddIntegrationEvent(person.ChangedEvent(hasAccount: true), now);

        // Saved before the cookie is renewed: the claims factory reads the new name from the database.
        await db.SaveChangesAsync(cancellationToken);
        if (user.UserId is { } accountId && await signIn.UserManager.FindByIdAsync(accountId.ToString()) is { } account)
        {
            await signIn.RefreshSignInAsync(account);
        }

        if (http.HttpContext is { } context)
        {
            AccountEndpoints.SetLanguageCookie(context, person.PreferredLanguage);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
