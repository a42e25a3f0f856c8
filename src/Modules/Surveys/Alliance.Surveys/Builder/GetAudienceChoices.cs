using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.SurveysCore;
using MediatR;

namespace Alliance.Surveys.Builder;

/// <summary>What staff can choose the audience from (labs, organisations, sectors in use, people), with the current choice.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetAudienceChoices(Guid SurveyId) : IRequest<AudienceChoices>;

/// <summary>The audience form's choices.</summary>
internal sealed record AudienceChoices(
    string TitleDe,
    string TitleEn,
    bool CanEdit,
    SurveyAudience Current,
    IReadOnlyList<NamedItem> Labs,
    IReadOnlyList<NamedItem> Organizations,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<NamedItem> People);

internal sealed class GetAudienceChoicesHandler(SurveyPermissions permissions, IMediator mediator, ModuleCatalog modules)
    : IRequestHandler<GetAudienceChoices, AudienceChoices>
{
    public async Task<AudienceChoices> Handle(GetAudienceChoices request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        var labs = modules.Handles(typeof(GetLabs))
            ? (await mediator.Send(new GetLabs(), cancellationToken)).Where(l => l.Status != LabStatus.Concluded).Select(l => new NamedItem(l.Id, l.Title)).ToList()
            : [];
        var organizations = await mediator.Send(new GetActiveOrganizations(), cancellationToken);
        var people = await mediator.Send(new GetMemberContacts(null), cancellationToken);
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true);
        return new AudienceChoices(survey.TitleDe, survey.TitleEn, permissions.CanEdit(survey), survey.Audience, labs,
            organizations.Select(o => new NamedItem(o.Id, o.Name)).ToList(),
            organizations.Where(o => !string.IsNullOrWhiteSpace(o.Sector)).Select(o => o.Sector!).Distinct(comparer).Order(comparer).ToList(),
            people.Select(p => new NamedItem(p.Id, p.DisplayName)).ToList());
    }
}
