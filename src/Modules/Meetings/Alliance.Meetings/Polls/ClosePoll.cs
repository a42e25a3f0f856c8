using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Polls;

/// <summary>Closes a poll; its result ("option: votes") is written into the minutes.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ClosePoll(Guid PollId) : IRequest<IReadOnlyList<PollOptionResult>>;

internal sealed record PollOptionResult(int Index, string Option, int Votes);

internal sealed class ClosePollHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<ClosePoll, IReadOnlyList<PollOptionResult>>
{
    public async Task<IReadOnlyList<PollOptionResult>> Handle(ClosePoll request, CancellationToken cancellationToken)
    {
        var poll = await db.Polls.FirstOrDefaultAsync(p => p.Id == request.PollId, cancellationToken) ?? throw NotFoundException.For("Poll", request.PollId);
        await access.ManagedMeetingAsync(poll.MeetingId, cancellationToken);
        if (poll.IsClosed)
        {
            throw new ConflictException(text["Conflict_PollAlreadyClosed"]);
        }

        var results = await PollResults.CountAsync(db, poll, cancellationToken);
        poll.IsClosed = true;
        poll.ClosedAt = clock.GetUtcNow();
        poll.ResultSummary = string.Join("\n", results.Select(r => $"{r.Option}: {r.Votes}"));
        return results;
    }
}

internal static class PollResults
{
    /// <summary>Votes per option, counted in SQL (unnest of the chosen indexes).</summary>
    public static async Task<IReadOnlyList<PollOptionResult>> CountAsync(MeetingsDbContext db, Domain.Poll poll, CancellationToken cancellationToken) =>
        (await CountAsync(db, [poll], cancellationToken))[poll.Id];

    /// <summary>Votes per option of several polls (a meeting's page) in one query, not one per poll.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PollOptionResult>>> CountAsync(
        MeetingsDbContext db, IReadOnlyList<Domain.Poll> polls, CancellationToken cancellationToken)
    {
        var ids = polls.Select(p => p.Id).ToList();
        var counts = await db.PollVotes.Where(v => ids.Contains(v.PollId))
            .SelectMany(v => v.OptionIndexes, (v, index) => new { v.PollId, Index = index })
            .GroupBy(x => new { x.PollId, x.Index }).Select(g => new { g.Key.PollId, g.Key.Index, Votes = g.Count() })
            .ToListAsync(cancellationToken);
        return polls.ToDictionary(poll => poll.Id, IReadOnlyList<PollOptionResult> (poll) => poll.Options
            .Select((option, index) => new PollOptionResult(index, option,
                counts.FirstOrDefault(c => c.PollId == poll.Id && c.Index == index)?.Votes ?? 0))
            .ToList());
    }
}
