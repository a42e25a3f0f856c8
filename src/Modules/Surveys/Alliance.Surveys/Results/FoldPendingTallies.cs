using Alliance.Shared.Contracts;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Results;

/// <summary>
/// Every minute: folds the responses still pending into their surveys' tallies (those whose signal was lost in a crash
/// or a shutdown — normally none; <see cref="TallyFolding"/> takes them within milliseconds). Idempotent.
/// </summary>
/// <returns>How many responses were folded in.</returns>
[AllowedFor(Who.Internal)]
internal sealed record FoldPendingTallies : IRequest<int>;

internal sealed class FoldPendingTalliesHandler(SurveysDbContext db) : IRequestHandler<FoldPendingTallies, int>
{
    public async Task<int> Handle(FoldPendingTallies request, CancellationToken cancellationToken)
    {
        // The partial index IX_responses_pending holds only pending rows, so this reads nothing when all is folded.
        var surveys = await db.Responses.Where(r => !r.Tallied).Select(r => r.SurveyId).Distinct().ToListAsync(cancellationToken);
        var folded = 0;
        foreach (var survey in surveys)
        {
            folded += await AnswerTallies.FoldAsync(db, survey, cancellationToken);
        }

        return folded;
    }
}
