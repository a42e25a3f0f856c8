using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Reminders;

/// <summary>Daily: closes running surveys whose closing day has passed. Idempotent (only published ones change).</summary>
[AllowedFor(Who.Internal)]
internal sealed record CloseDueSurveys : IRequest<int>;

internal sealed class CloseDueSurveysHandler(SurveysDbContext db, TimeProvider clock) : IRequestHandler<CloseDueSurveys, int>
{
    public async Task<int> Handle(CloseDueSurveys request, CancellationToken cancellationToken)
    {
        var today = AllianceTime.Today(clock);
        var now = clock.GetUtcNow();
        return await db.Surveys
            .Where(s => s.Status == SurveyStatus.Published && s.ClosesOn < today)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SurveyStatus.Closed).SetProperty(s => s.ClosedAt, now), cancellationToken);
    }
}
