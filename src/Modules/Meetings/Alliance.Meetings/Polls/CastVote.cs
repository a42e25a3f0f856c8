using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Alliance.Meetings.Polls;

/// <summary>
/// A delegate votes for their organisation (present at the meeting). One vote per organisation — a second vote is
/// refused (409), the database's unique key decides; <see cref="Change"/> replaces the organisation's vote until the poll closes.
/// Staff may record a vote for a present organisation given by hand.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CastVote(Guid PollId, IReadOnlyList<int> OptionIndexes, Guid? OrganizationId = null, bool Change = false) : IRequest;

internal sealed class CastVoteHandler(MeetingsDbContext db, ICurrentUser user, MeetingPermissions access, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<CastVote, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(CastVote request, CancellationToken cancellationToken)
    {
        var poll = await db.Polls.FirstOrDefaultAsync(p => p.Id == request.PollId, cancellationToken) ?? throw NotFoundException.For("Poll", request.PollId);
        var meeting = await access.VisibleMeetingAsync(poll.MeetingId, cancellationToken);
        var manages = await access.CanManageAsync(meeting.LabId, cancellationToken);
        var organizationId = request.OrganizationId ?? user.OrganizationId ?? throw new ForbiddenException();
        if (!access.MayVoteFor(organizationId, manages))
        {
            throw new ForbiddenException(text["Forbidden_VoteOthers"]);
        }

        if (poll.IsClosed)
        {
            throw new ConflictException(text["Conflict_PollClosed"]);
        }

        var options = request.OptionIndexes?.Distinct().ToList() ?? [];
        if (options.Count == 0 || options.Any(i => i < 0 || i >= poll.Options.Count) || (!poll.MultipleChoice && options.Count != 1))
        {
            throw new ValidationException([new ValidationFailure(nameof(CastVote.OptionIndexes), text["Validation_VoteOptions"])]);
        }

        var present = await db.Registrations.AnyAsync(r => r.MeetingId == meeting.Id && r.OrganizationId == organizationId && r.CheckedInAt != null, cancellationToken);
        if (!present)
        {
            throw new ValidationException([new ValidationFailure(nameof(CastVote.OrganizationId), text["Validation_OrganizationNotPresent"])]);
        }

        var existing = await db.PollVotes.FirstOrDefaultAsync(v => v.PollId == poll.Id && v.OrganizationId == organizationId, cancellationToken);
        if (existing is not null && !request.Change)
        {
            throw new ConflictException(text["Conflict_AlreadyVoted"]);
        }

        var now = clock.GetUtcNow();
        if (existing is null)
        {
            db.PollVotes.Add(new PollVote { Id = Guid.NewGuid(), PollId = poll.Id, OrganizationId = organizationId, PersonId = user.PersonId ?? Guid.Empty, OptionIndexes = options, CastAt = now });
        }
        else
        {
            existing.OptionIndexes = options;
            existing.PersonId = user.PersonId ?? existing.PersonId;
            existing.CastAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two delegates of one organisation at the same moment: the first vote counts.
            throw new ConflictException(text["Conflict_AlreadyVoted"]);
        }

        return MediatR.Unit.Value;
    }
}
