using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Publishing;

/// <summary>Staff close a published survey before its closing date: no more answers, no more reminders.</summary>
[AllowedFor(Who.Staff)]
internal sealed record CloseSurvey(Guid SurveyId) : IRequest<Unit>;

internal sealed class CloseSurveyHandler(SurveyPermissions permissions, IStringLocalizer<SurveysText> text, TimeProvider clock) : IRequestHandler<CloseSurvey, Unit>
{
    public async Task<Unit> Handle(CloseSurvey request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        if (survey.Status != SurveyStatus.Published)
        {
            throw new ConflictException(text["Close_NotPublished"]);
        }

        survey.Status = SurveyStatus.Closed;
        survey.ClosedAt = clock.GetUtcNow();
        return Unit.Value;
    }
}
