using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.SurveysCore;
using MediatR;

namespace Alliance.Surveys.Builder;

/// <summary>
/// What staff can choose the audience from (open labs, sectors in use), with the current choice. Organisations and people
/// are picked through the search pickers and sectors come as distinct values, so the form never loads those tables whole.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetAudienceChoices(Guid SurveyId) : IRequest<AudienceChoices>;

/// <summary>The audience form's choices.</summary>
internal sealed record AudienceChoices(
    string TitleDe,
    string TitleEn,
    bool CanEdit,
    SurveyAudience Current,
    IReadOnlyList<NamedItem> Labs,
    IReadOnlyList<string> Sectors);

internal sealed class GetAudienceChoicesHandler(SurveyPermissions permissions, IMediator mediator, ModuleCatalog modules)
    : IRequestHandler<GetAudienceChoices, AudienceChoices>
{
    public async Task<AudienceChoices> Handle(GetAudienceChoices request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        var labs = modules.Handles(typeof(GetLabs))
            ? (await mediator.Send(new GetLabs(), cancellationToken)).Where(l => l.Status != LabStatus.Concluded).Select(l => new NamedItem(l.Id, l.Title)).ToList()
            : [];
        var sectors = await mediator.Send(new GetSectorsInUse(), cancellationToken);
        return new AudienceChoices(survey.TitleDe, survey.TitleEn, permissions.CanEdit(survey), survey.Audience, labs, sectors);
    }
}
