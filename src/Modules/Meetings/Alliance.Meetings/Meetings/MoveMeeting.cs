using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>Moves one meeting (also one occurrence of a series, which then no longer follows the series). Registrants are told of any change of start, end or place (SEQUENCE and DTSTAMP go up).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record MoveMeeting(Guid MeetingId, DateTime StartsAtLocal, DateTime EndsAtLocal, string? Place, string? OnlineLink, uint Version) : IRequest;

internal sealed class MoveMeetingValidator : AbstractValidator<MoveMeeting>
{
    public MoveMeetingValidator(IStringLocalizer<MeetingsText> text, TimeProvider clock)
    {
        RuleFor(m => m.StartsAtLocal).InPlanningRange(clock, text);
        RuleFor(m => m.EndsAtLocal).Cascade(CascadeMode.Stop).InPlanningRange(clock, text).GreaterThan(m => m.StartsAtLocal).WithMessage(_ => text["Validation_EndBeforeStart"]);
        RuleFor(m => m.Place).NotEmpty().When(m => string.IsNullOrWhiteSpace(m.OnlineLink)).WithMessage(_ => text["Validation_PlaceOrLink"]).MaximumLength(TextLimits.Place);
        RuleFor(m => m.OnlineLink).MaximumLength(TextLimits.Link)
            .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(m => !string.IsNullOrWhiteSpace(m.OnlineLink)).WithMessage(_ => text["Validation_OnlineLink"]);
    }
}

internal sealed class MoveMeetingHandler(MeetingsDbContext db, MeetingPermissions access, MeetingChanges changes, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<MoveMeeting, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(MoveMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        var now = clock.GetUtcNow();
        if (meeting.IsCancelled || meeting.StartsAt < now)
        {
            throw new ConflictException(text["Conflict_NotMovable"]);
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = request.Version;
        var startsAt = Recurrence.ToInstant(DateOnly.FromDateTime(request.StartsAtLocal), TimeOnly.FromDateTime(request.StartsAtLocal), meeting.TimeZone);
        var endsAt = Recurrence.ToInstant(DateOnly.FromDateTime(request.EndsAtLocal), TimeOnly.FromDateTime(request.EndsAtLocal), meeting.TimeZone);
        if (startsAt <= now)
        {
            // The validator checked the range; only here, in the meeting's zone, is "in the past" exact.
            throw new ValidationException([new ValidationFailure(nameof(MoveMeeting.StartsAtLocal), text["Validation_StartInPast"])]);
        }

        var significant = MeetingChanges.IsSignificant(meeting, startsAt, endsAt, request.Place?.Trim(), request.OnlineLink?.Trim());
        meeting.StartsAt = startsAt;
        meeting.EndsAt = endsAt;
        meeting.Place = request.Place?.Trim();
        meeting.OnlineLink = request.OnlineLink?.Trim();
        meeting.IsDetached = true;
        if (significant)
        {
            await changes.MovedAsync(meeting, now, cancellationToken);
        }

        return MediatR.Unit.Value;
    }
}
