using Alliance.Shared.Contracts;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>Staff change a draft's titles, intro, anonymity, response unit, dates, reminders and minimum group size; 409 when published or stale.</summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdateSurveySettings(
    Guid SurveyId,
    uint Version,
    string TitleDe,
    string TitleEn,
    string? IntroDe,
    string? IntroEn,
    bool Anonymous,
    ResponseUnit ResponseUnit,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int ReminderMax,
    int ReminderIntervalDays,
    int MinGroupSize) : IRequest<Unit>, ISurveySettings;

internal sealed class UpdateSurveySettingsValidator : AbstractValidator<UpdateSurveySettings>
{
    public UpdateSurveySettingsValidator(IStringLocalizer<SurveysText> text) => Include(new SurveySettingsValidator(text));
}

internal sealed class UpdateSurveySettingsHandler(SurveysDbContext db, SurveyPermissions permissions) : IRequestHandler<UpdateSurveySettings, Unit>
{
    public async Task<Unit> Handle(UpdateSurveySettings request, CancellationToken cancellationToken)
    {
        var survey = await permissions.EditableSurveyAsync(request.SurveyId, cancellationToken);
        db.Entry(survey).Property(s => s.Version).OriginalValue = request.Version;
        SurveySettingsWriter.Apply(survey, request);
        return Unit.Value;
    }
}
