using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.People;

/// <summary>The fields create and update share, so both validate and apply them the same way.</summary>
internal interface IPersonFields
{
    string FirstName { get; }
    string LastName { get; }
    string Email { get; }
    string? Phone { get; }
    string? Function { get; }
    Guid? OrganizationId { get; }
    string PreferredLanguage { get; }
    bool ConsentContactByEmail { get; }
    bool ConsentNameVisible { get; }
}

internal sealed class PersonFieldsValidator : AbstractValidator<IPersonFields>
{
    public static readonly string[] Languages = ["de", "en"];

    public PersonFieldsValidator(MembersDbContext db, IStringLocalizer<DirectoryText> text)
    {
        RuleFor(p => p.FirstName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Person_FirstNameRequired"])
            .MaximumLength(PersonLengths.FirstName).WithMessage(_ => text["Field_TooLong", PersonLengths.FirstName]);
        RuleFor(p => p.LastName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Person_LastNameRequired"])
            .MaximumLength(PersonLengths.LastName).WithMessage(_ => text["Field_TooLong", PersonLengths.LastName]);
        RuleFor(p => p.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Person_EmailRequired"])
            .MaximumLength(PersonLengths.Email).WithMessage(_ => text["Field_TooLong", PersonLengths.Email])
            .Must(BeAnEmailAddress).WithMessage(_ => text["Person_EmailInvalid"]);
        RuleFor(p => p.Phone).Cascade(CascadeMode.Stop)
            .MaximumLength(PersonLengths.Phone).WithMessage(_ => text["Field_TooLong", PersonLengths.Phone])
            .Matches(@"^\+?[0-9 ()/.\-]{3,50}$").When(p => !string.IsNullOrWhiteSpace(p.Phone))
            .WithMessage(_ => text["Person_PhoneInvalid"]);
        RuleFor(p => p.Function).MaximumLength(PersonLengths.Function).WithMessage(_ => text["Field_TooLong", PersonLengths.Function]);
        RuleFor(p => p.PreferredLanguage).Must(language => Languages.Contains(language))
            .WithMessage(_ => text["Person_LanguageUnknown"]);
        RuleFor(p => p.OrganizationId)
            .MustAsync(async (id, ct) => await db.Organizations.AnyAsync(o => o.Id == id, ct))
            .When(p => p.OrganizationId is not null)
            .WithMessage(_ => text["Person_OrganizationUnknown"]);
    }

    /// <summary>One @, a dot in the domain, no blanks: what a mail server will accept, without a full RFC parser.</summary>
    private static bool BeAnEmailAddress(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1
            && !trimmed.Any(char.IsWhiteSpace)
            && trimmed[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !trimmed.EndsWith('.')
            && System.Net.Mail.MailAddress.TryCreate(trimmed, out _);
    }

    /// <summary>E-mail addresses are unique regardless of case; <paramref name="except"/> is the person being edited.</summary>
    public static Task<bool> EmailIsFreeAsync(MembersDbContext db, string? email, Guid? except, CancellationToken ct)
    {
        var normalized = (email ?? "").Trim().ToLowerInvariant();
        return db.People.AllAsync(p => p.Email == null || p.Email.ToLower() != normalized || p.Id == except, ct);
    }
}

internal static class PersonFieldsExtensions
{
    /// <summary>Copies the fields; a consent's date is set when it is given and cleared when it is withdrawn.</summary>
    public static void ApplyTo(this IPersonFields fields, Person person, DateTimeOffset now)
    {
        person.FirstName = fields.FirstName.Trim();
        person.LastName = fields.LastName.Trim();
        person.Email = fields.Email.Trim();
        person.Phone = Clean(fields.Phone);
        person.Function = Clean(fields.Function);
        person.OrganizationId = fields.OrganizationId;
        person.PreferredLanguage = fields.PreferredLanguage;
        if (fields.ConsentContactByEmail != person.ConsentContactByEmail)
        {
            person.ConsentContactByEmail = fields.ConsentContactByEmail;
            person.ConsentContactByEmailAt = fields.ConsentContactByEmail ? now : null;
        }

        if (fields.ConsentNameVisible != person.ConsentNameVisible)
        {
            person.ConsentNameVisible = fields.ConsentNameVisible;
            person.ConsentNameVisibleAt = fields.ConsentNameVisible ? now : null;
        }

        person.Touch(now);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
