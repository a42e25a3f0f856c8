using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Invitations;

/// <summary>
/// Staff invite a person to set a password: an existing person without account (<see cref="PersonId"/>) or a new
/// one (names, e-mail, organisation, language). The mail with the one-time link commits with the invitation.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record InvitePerson(
    Guid? PersonId,
    string? FirstName,
    string? LastName,
    string? Email,
    Guid? OrganizationId,
    string? PreferredLanguage,
    string? Role = Roles.Representative) : IRequest<InvitationCreated>;

internal sealed record InvitationCreated(Guid InvitationId, Guid PersonId, DateTimeOffset ExpiresAt);

internal sealed class InvitePersonValidator : AbstractValidator<InvitePerson>
{
    public InvitePersonValidator(MembersDbContext db, IStringLocalizer<AccountText> text)
    {
        RuleFor(c => c.Role)
            .Must(role => role is not null && Roles.All.Contains(role))
            .WithMessage(_ => text["Invite_RoleUnknown"]);

        When(c => c.PersonId is null, () =>
        {
            RuleFor(c => c.FirstName)
                .NotEmpty().WithMessage(_ => text["Field_FirstNameRequired"])
                .MaximumLength(PersonLengths.FirstName).WithMessage(_ => string.Format(text["Field_TooLong"], PersonLengths.FirstName));
            RuleFor(c => c.LastName)
                .NotEmpty().WithMessage(_ => text["Field_LastNameRequired"])
                .MaximumLength(PersonLengths.LastName).WithMessage(_ => string.Format(text["Field_TooLong"], PersonLengths.LastName));
            RuleFor(c => c.Email)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Field_EmailRequired"])
                .MaximumLength(PersonLengths.Email).WithMessage(_ => string.Format(text["Field_TooLong"], PersonLengths.Email))
                .EmailAddress().WithMessage(_ => text["Field_EmailInvalid"])
                .MustAsync(async (email, ct) =>
                {
                    var normalized = email!.Trim().ToLowerInvariant();
                    return !await db.People.AnyAsync(p => p.Email != null && p.Email.ToLower() == normalized, ct)
                        && !await db.Users.AnyAsync(u => u.NormalizedEmail == normalized.ToUpperInvariant(), ct);
                })
                .WithMessage(_ => text["Invite_EmailTaken"]);
            RuleFor(c => c.PreferredLanguage)
                .Must(language => language is null || Cultures.Supported.Contains(language))
                .WithMessage(_ => text["Field_LanguageUnknown"]);
            RuleFor(c => c.OrganizationId)
                .MustAsync(async (id, ct) => id is null || await db.Organizations.AnyAsync(o => o.Id == id && o.IsActive, ct))
                .WithMessage(_ => text["Invite_OrganizationUnknown"]);
        });
    }
}

internal sealed class InvitePersonHandler(
    MembersDbContext db,
    MemberPermissions permissions,
    ICurrentUser user,
    TimeProvider clock,
    EmailComposer composer,
    IStringLocalizer<AccountText> text) : IRequestHandler<InvitePerson, InvitationCreated>
{
    public async Task<InvitationCreated> Handle(InvitePerson request, CancellationToken cancellationToken)
    {
        var role = request.Role ?? Roles.Representative;
        if (!permissions.MayGrantRole(role))
        {
            throw new ForbiddenException(text["Invite_AdministratorOnlyByAdministrators"]);
        }

        var now = clock.GetUtcNow();
        var person = request.PersonId is { } personId
            ? await ExistingPersonAsync(personId, cancellationToken)
            : NewPerson(request, now);

        // A new invitation replaces the open ones: only the newest link works.
        var open = await db.Invitations
            .Where(i => i.PersonId == person.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var older in open)
        {
            older.ExpiresAt = now;
        }

        var token = InvitationTokens.NewToken();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            PersonId = person.Id,
            TokenHash = InvitationTokens.Hash(token),
            Role = role,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
            InvitedByPersonId = user.PersonId,
        };
        db.Invitations.Add(invitation);

        var language = Cultures.Normalize(person.PreferredLanguage);
        string expires;
        using (Cultures.Use(language))
        {
            // The alliance's wall-clock time, as the page that sent it shows it (a UTC day would be wrong after 23:00 in winter).
            expires = AllianceTime.DateTime(invitation.ExpiresAt);
        }

        var mail = composer.Compose(text, language, person.Email!, person.DisplayName,
            "Mail_Invitation_Subject", "Mail_Invitation_Body",
            [composer.Link(InvitationTokens.Path(token, language)), expires], "invitation");
        db.AddIntegrationEvent(mail, now);

        return new InvitationCreated(invitation.Id, person.Id, invitation.ExpiresAt);
    }

    private async Task<Person> ExistingPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.ErasedAt == null, cancellationToken)
            ?? throw NotFoundException.For("Person", personId);
        if (await db.Users.AnyAsync(u => u.PersonId == personId, cancellationToken))
        {
            throw new ConflictException(text["Invite_PersonHasAccount"]);
        }

        if (string.IsNullOrWhiteSpace(person.Email))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(InvitePerson.Email), text["Invite_PersonWithoutEmail"])]);
        }

        return person;
    }

    private Person NewPerson(InvitePerson request, DateTimeOffset now)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            FirstName = request.FirstName!.Trim(),
            LastName = request.LastName!.Trim(),
            Email = request.Email!.Trim(),
            OrganizationId = request.OrganizationId,
            PreferredLanguage = Cultures.Normalize(request.PreferredLanguage),
            CreatedAt = now,
        };
        person.Touch(now);
        db.People.Add(person);
        return person;
    }
}
