using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Changes a single meeting's title, capacity and delegate limit after creation. A higher capacity moves people up from
/// the waitlist in order (with the "you moved up" mail); a capacity below the confirmed registrations is refused.
/// Stale versions answer 409.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateMeeting(Guid MeetingId, string Title, int Capacity, int? DelegateLimit, uint Version) : IRequest;

internal sealed class UpdateMeetingValidator : AbstractValidator<UpdateMeeting>
{
    public UpdateMeetingValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(m => m.Title).NotEmpty().WithMessage(_ => text["Validation_TitleRequired"]).MaximumLength(TextLimits.MeetingTitle);
        RuleFor(m => m.Capacity).GreaterThan(0).WithMessage(_ => text["Validation_CapacityPositive"]).LessThanOrEqualTo(100_000);
        RuleFor(m => m.DelegateLimit).GreaterThan(0).When(m => m.DelegateLimit is not null).WithMessage(_ => text["Validation_DelegateLimitPositive"]);
    }
}

internal sealed class UpdateMeetingHandler(MeetingsDbContext db, MeetingPermissions access, Waitlist waitlist, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<UpdateMeeting, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(UpdateMeeting request, CancellationToken cancellationToken)
    {
        await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.LockAsync(request.MeetingId, cancellationToken) ?? throw NotFoundException.For("Meeting", request.MeetingId);
        var now = clock.GetUtcNow();
        if (meeting.IsCancelled || meeting.StartsAt <= now)
        {
            throw new ConflictException(text["Conflict_MeetingNotChangeable"]);
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = request.Version;
        await waitlist.EnsureCapacityAsync(meeting, request.Capacity, nameof(UpdateMeeting.Capacity), cancellationToken);
        meeting.Title = request.Title.Trim();
        meeting.Capacity = request.Capacity;
        meeting.DelegateLimit = request.DelegateLimit;
        await db.SaveChangesAsync(cancellationToken);
        await waitlist.PromoteAsync(meeting, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MediatR.Unit.Value;
    }
}
