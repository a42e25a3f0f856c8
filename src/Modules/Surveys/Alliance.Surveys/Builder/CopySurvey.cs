using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>
/// "New version": a published survey cannot change, so staff copy it (questions, settings, audience) into a new
/// draft of its own (a new survey, wave 1) and change that.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record CopySurvey(Guid SurveyId) : IRequest<Guid>;

internal sealed class CopySurveyHandler(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text, TimeProvider clock)
    : IRequestHandler<CopySurvey, Guid>
{
    public async Task<Guid> Handle(CopySurvey request, CancellationToken cancellationToken)
    {
        var source = await SurveyDefinition.LoadAsync(db, await permissions.SurveyAsync(request.SurveyId, cancellationToken), cancellationToken);
        var today = AllianceTime.Today(clock);
        var copy = new Survey
        {
            Id = Guid.NewGuid(),
            TitleDe = Fit(string.Format(text.InLanguage(Cultures.German)["Survey_CopyTitle"], source.Survey.TitleDe)),
            TitleEn = Fit(string.Format(text.InLanguage(Cultures.English)["Survey_CopyTitle"], source.Survey.TitleEn)),
            Status = SurveyStatus.Draft,
            OpensOn = today,
            ClosesOn = today.AddDays(CreateSurveyHandler.DefaultOpenDays),
            CreatedAt = clock.GetUtcNow(),
        };
        copy.SeriesId = copy.Id;
        db.Surveys.Add(copy);
        SurveyCopier.CopyContent(db, source, copy);
        return copy.Id;
    }

    private static string Fit(string title) => title.Length <= TextLimits.Title ? title : title[..TextLimits.Title];
}
