using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Organizations;

/// <summary>The fields create and update share, so both validate and apply them the same way.</summary>
internal interface IOrganizationFields
{
    string Name { get; }
    PartnerGroup PartnerGroup { get; }
    string? Sector { get; }
    int? EmployeeCount { get; }
    string? District { get; }
    string? Street { get; }
    string? PostalCode { get; }
    string? City { get; }
    string? Website { get; }
    DateOnly? MemberSince { get; }
    DateOnly? MemberUntil { get; }
}

internal sealed class OrganizationFieldsValidator : AbstractValidator<IOrganizationFields>
{
    public OrganizationFieldsValidator(IStringLocalizer<MembersText> text)
    {
        RuleFor(o => o.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Organization_NameRequired"])
            .MaximumLength(OrganizationLengths.Name).WithMessage(_ => text["Field_TooLong", OrganizationLengths.Name]);
        RuleFor(o => o.PartnerGroup).IsInEnum().WithMessage(_ => text["Organization_PartnerGroupUnknown"]);
        RuleFor(o => o.Sector).MaximumLength(OrganizationLengths.Sector).WithMessage(_ => text["Field_TooLong", OrganizationLengths.Sector]);
        RuleFor(o => o.District).MaximumLength(OrganizationLengths.District).WithMessage(_ => text["Field_TooLong", OrganizationLengths.District]);
        RuleFor(o => o.Street).MaximumLength(OrganizationLengths.Street).WithMessage(_ => text["Field_TooLong", OrganizationLengths.Street]);
        RuleFor(o => o.PostalCode).Matches("^[0-9A-Za-z -]{3,10}$").When(o => !string.IsNullOrWhiteSpace(o.PostalCode))
            .WithMessage(_ => text["Organization_PostalCodeInvalid"]);
        RuleFor(o => o.City).MaximumLength(OrganizationLengths.City).WithMessage(_ => text["Field_TooLong", OrganizationLengths.City]);
        RuleFor(o => o.EmployeeCount).InclusiveBetween(0, 1_000_000).When(o => o.EmployeeCount is not null)
            .WithMessage(_ => text["Organization_EmployeesInvalid"]);
        RuleFor(o => o.Website).Cascade(CascadeMode.Stop)
            .MaximumLength(OrganizationLengths.Website).WithMessage(_ => text["Field_TooLong", OrganizationLengths.Website])
            .Must(BeAnHttpUrl).When(o => !string.IsNullOrWhiteSpace(o.Website))
            .WithMessage(_ => text["Organization_WebsiteInvalid"]);
        RuleFor(o => o.MemberUntil).GreaterThanOrEqualTo(o => o.MemberSince)
            .When(o => o.MemberSince is not null && o.MemberUntil is not null)
            .WithMessage(_ => text["Organization_MembershipEndBeforeStart"]);
    }

    private static bool BeAnHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

internal static class OrganizationFieldsExtensions
{
    public static void ApplyTo(this IOrganizationFields fields, Organization organization, DateTimeOffset now)
    {
        organization.Name = fields.Name;
        organization.PartnerGroup = fields.PartnerGroup;
        organization.Sector = Clean(fields.Sector);
        organization.EmployeeCount = fields.EmployeeCount;
        organization.SizeClass = Organization.ClassifySize(fields.EmployeeCount);
        organization.District = Clean(fields.District);
        organization.Street = Clean(fields.Street);
        organization.PostalCode = Clean(fields.PostalCode);
        organization.City = Clean(fields.City);
        organization.Website = Clean(fields.Website);
        organization.MemberSince = fields.MemberSince;
        organization.MemberUntil = fields.MemberUntil;
        organization.Touch(now);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
