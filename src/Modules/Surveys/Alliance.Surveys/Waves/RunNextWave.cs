using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Surveys.Builder;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Waves;

/// <summary>
/// "Run again": the next wave of a published or closed survey — a draft in the same series, wave + 1, pointing back
/// at this one, with the same questions, so results can be compared question by question. Only from the latest
/// wave (409 otherwise; the database's unique series/wave decides between two clicks).
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record RunNextWave(Guid SurveyId) : IRequest<Guid>;

internal sealed class RunNextWaveHandler(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text, TimeProvider clock)
    : IRequestHandler<RunNextWave, Guid>
{
    public async Task<Guid> Handle(RunNextWave request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        if (survey.Status == SurveyStatus.Draft)
        {
            throw new ConflictException(text["Wave_DraftCannotRepeat"]);
        }

        if (await db.Surveys.AnyAsync(s => s.SeriesId == survey.SeriesId && s.Wave > survey.Wave, cancellationToken))
        {
            throw new ConflictException(text["Wave_NotLatest"]);
        }

        var source = await SurveyDefinition.LoadAsync(db, survey, cancellationToken);
        var today = AllianceTime.Today(clock);
        var next = new Survey
        {
            Id = Guid.NewGuid(),
            SeriesId = survey.SeriesId,
            Wave = survey.Wave + 1,
            PreviousWaveId = survey.Id,
            TitleDe = survey.TitleDe,
            TitleEn = survey.TitleEn,
            Status = SurveyStatus.Draft,
            OpensOn = today,
            ClosesOn = today.AddDays(CreateSurveyHandler.DefaultOpenDays),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Surveys.Add(next);
        SurveyCopier.CopyContent(db, source, next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException(text["Wave_NotLatest"]);
        }

        return next.Id;
    }
}
