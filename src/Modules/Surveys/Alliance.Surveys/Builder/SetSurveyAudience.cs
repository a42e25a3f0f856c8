using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>
/// Staff choose whom a draft goes to: organisations by partner group, sector and size class (when
/// <paramref name="ByAttributes"/>; an empty list does not restrict), member organisations of labs, hand-picked
/// organisations and people. The targets are the union; publishing turns them into invitations.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record SetSurveyAudience(
    Guid SurveyId,
    bool ByAttributes,
    IReadOnlyList<PartnerGroup>? PartnerGroups = null,
    IReadOnlyList<string>? Sectors = null,
    IReadOnlyList<SizeClass>? SizeClasses = null,
    IReadOnlyList<Guid>? LabIds = null,
    IReadOnlyList<Guid>? OrganizationIds = null,
    IReadOnlyList<Guid>? PersonIds = null) : IRequest<Unit>;

internal sealed class SetSurveyAudienceValidator : AbstractValidator<SetSurveyAudience>
{
    public SetSurveyAudienceValidator(IStringLocalizer<SurveysText> text)
    {
        RuleFor(a => a.PartnerGroups).Must(l => l is null || l.Count <= RequestCaps.AudienceItems).WithMessage(_ => string.Format(text["Input_TooMany"], RequestCaps.AudienceItems));
        RuleForEach(a => a.PartnerGroups).IsInEnum();
        RuleFor(a => a.Sectors).MaxItems(RequestCaps.AudienceItems);
        RuleForEach(a => a.Sectors).NotEmpty().MaximumLength(TextLimits.Sector);
        RuleFor(a => a.SizeClasses).Must(l => l is null || l.Count <= RequestCaps.AudienceItems).WithMessage(_ => string.Format(text["Input_TooMany"], RequestCaps.AudienceItems));
        RuleForEach(a => a.SizeClasses).IsInEnum();
        RuleFor(a => a.LabIds).Must(l => l is null || l.Count <= RequestCaps.AudienceItems).WithMessage(_ => string.Format(text["Input_TooMany"], RequestCaps.AudienceItems));
        RuleFor(a => a.OrganizationIds).Must(l => l is null || l.Count <= RequestCaps.AudienceItems).WithMessage(_ => string.Format(text["Input_TooMany"], RequestCaps.AudienceItems));
        RuleFor(a => a.PersonIds).Must(l => l is null || l.Count <= RequestCaps.AudienceItems).WithMessage(_ => string.Format(text["Input_TooMany"], RequestCaps.AudienceItems));
    }
}

internal sealed class SetSurveyAudienceHandler(SurveyPermissions permissions, IMediator mediator, IStringLocalizer<SurveysText> text)
    : IRequestHandler<SetSurveyAudience, Unit>
{
    public async Task<Unit> Handle(SetSurveyAudience request, CancellationToken cancellationToken)
    {
        var survey = await permissions.EditableSurveyAsync(request.SurveyId, cancellationToken);
        var labIds = (request.LabIds ?? []).Distinct().ToList();
        var organizationIds = (request.OrganizationIds ?? []).Distinct().ToList();
        var personIds = (request.PersonIds ?? []).Distinct().ToList();

        // Every chosen id must exist, so publishing never meets an unknown one.
        if (organizationIds.Count > 0 && (await mediator.Send(new GetOrganizationsByIds(organizationIds), cancellationToken)).Count != organizationIds.Count)
        {
            throw Invalid.Field(nameof(SetSurveyAudience.OrganizationIds), text["Audience_UnknownOrganization"]);
        }

        if (personIds.Count > 0 && (await mediator.Send(new GetPeopleByIds(personIds), cancellationToken)) is var people
            && (people.Count != personIds.Count || people.Any(p => p.IsErased)))
        {
            throw Invalid.Field(nameof(SetSurveyAudience.PersonIds), text["Audience_UnknownPerson"]);
        }

        foreach (var lab in labIds)
        {
            if (await mediator.Send(new GetLabDetails(lab), cancellationToken) is null)
            {
                throw Invalid.Field(nameof(SetSurveyAudience.LabIds), text["Audience_UnknownLab"]);
            }
        }

        survey.Audience = new SurveyAudience
        {
            ByAttributes = request.ByAttributes,
            PartnerGroups = (request.PartnerGroups ?? []).Distinct().Order().ToList(),
            Sectors = (request.Sectors ?? []).Select(s => s.Trim()).Distinct().Order().ToList(),
            SizeClasses = (request.SizeClasses ?? []).Distinct().Order().ToList(),
            LabIds = labIds,
            OrganizationIds = organizationIds,
            PersonIds = personIds,
        };
        return Unit.Value;
    }
}
