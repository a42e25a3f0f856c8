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
/// What staff can choose the audience from (sectors in use, whether labs can be named), with the current choice. Labs,
/// organisations and people are picked through the search pickers and sectors come as distinct values, so the form
/// never loads those tables whole.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetAudienceChoices(Guid SurveyId) : IRequest<AudienceChoices>;

/// <summary>The audience form's choices.</summary>
internal sealed record AudienceChoices(
    string TitleDe,
    string TitleEn,
    bool CanEdit,
    SurveyAudience Current,
    bool HasLabs,
    IReadOnlyList<string> Sectors);

internal sealed class GetAudienceChoicesHandler(SurveyPermissions permissions, IMediator mediator, ModuleCatalog modules)
    : IRequestHandler<GetAudienceChoices, AudienceChoices>
{
    public async Task<AudienceChoices> Handle(GetAudienceChoices request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        // Labs are chosen with the lab picker, whose search the Labs module serves: only whether it is installed matters here.
        var hasLabs = modules.Handles(typeof(GetLabDetails));
        var sectors = await mediator.Send(new GetSectorsInUse(), cancellationToken);
        return new AudienceChoices(survey.TitleDe, survey.TitleEn, permissions.CanEdit(survey), survey.Audience, hasLabs, sectors);
    }
}
