using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Modules;
using Alliance.Surveys.Domain;
using MediatR;

namespace Alliance.Surveys.Publishing;

/// <summary>Who a survey's audience invites: used when publishing and, before that, to tell how many get no mail.</summary>
internal sealed class SurveyAudience(IMediator mediator, ModuleCatalog modules)
{
    /// <summary>
    /// The audience as (organisation, person) pairs: per organisation (person null) the union of the organisations
    /// chosen by attributes, by lab and by hand, plus the organisations of hand-picked people; per person every
    /// contact of those organisations plus the hand-picked people. Only active organisations, no erased people.
    /// </summary>
    public async Task<List<(Guid? Organization, Guid? Person)>> TargetsAsync(Survey survey, CancellationToken ct)
    {
        var audience = survey.Audience;
        var organizations = new HashSet<Guid>();
        if (audience.ByAttributes)
        {
            organizations.UnionWith(await mediator.Send(new FindOrganizationsByAttributes(audience.PartnerGroups, audience.Sectors, audience.SizeClasses), ct));
        }

        if (audience.LabIds.Count > 0 && modules.Handles(typeof(GetLabDetails)))
        {
            foreach (var lab in audience.LabIds)
            {
                if (await mediator.Send(new GetLabDetails(lab), ct) is { } details)
                {
                    organizations.UnionWith(details.MemberOrganizationIds);
                }
            }
        }

        var picked = audience.PersonIds.Count == 0 ? [] : (await mediator.Send(new GetPeopleByIds(audience.PersonIds), ct)).Where(p => !p.IsErased).ToList();
        var chosen = organizations.Concat(audience.OrganizationIds).ToHashSet();
        if (survey.ResponseUnit == ResponseUnit.Organization)
        {
            chosen.UnionWith(picked.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value));
        }

        // Only organisations that are still active members.
        var active = chosen.Count == 0 ? [] : (await mediator.Send(new GetOrganizationsByIds(chosen), ct)).Where(o => o.IsActive).Select(o => o.Id).ToHashSet();
        if (survey.ResponseUnit == ResponseUnit.Organization)
        {
            return active.Select(o => ((Guid?)o, (Guid?)null)).ToList();
        }

        var people = active.Count == 0 ? [] : (await mediator.Send(new GetMemberContacts(active), ct)).ToList();
        return people.Concat(picked).DistinctBy(p => p.Id)
            .Select(p => (p.OrganizationId, (Guid?)p.Id)).ToList();
    }
}
