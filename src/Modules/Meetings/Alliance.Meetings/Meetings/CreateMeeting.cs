using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>A single meeting outside a series. Start and end are local times in <see cref="TimeZone"/>.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CreateMeeting(
    string Title,
    MeetingKind Kind,
    DateTime StartsAtLocal,
    DateTime EndsAtLocal,
    string? TimeZone,
    string? Place,
    string? OnlineLink,
    int Capacity,
    int? DelegateLimit = null,
    AudienceKind Audience = AudienceKind.AllMembers,
    Guid? LabId = null,
    IReadOnlyList<Guid>? OrganizationIds = null,
    IReadOnlyList<int>? ReminderDaysBefore = null,
    DateTime? TopicDeadlineLocal = null) : IRequest<Guid>, IMeetingFields;

internal sealed class CreateMeetingValidator : AbstractValidator<CreateMeeting>
{
    public CreateMeetingValidator(IStringLocalizer<MeetingsText> text, IMediator mediator, ModuleCatalog catalog, TimeProvider clock)
    {
        Include(new MeetingFieldsValidator(text, mediator, catalog));
        RuleFor(m => m.EndsAtLocal).Cascade(CascadeMode.Stop).InPlanningRange(clock, text)
            .GreaterThan(m => m.StartsAtLocal).WithMessage(_ => text["Validation_EndBeforeStart"]);
        RuleFor(m => m.StartsAtLocal).Cascade(CascadeMode.Stop).InPlanningRange(clock, text)
            .Must((m, start) => Recurrence.FindZone(m.TimeZone ?? Recurrence.DefaultTimeZone) is null
                || Recurrence.ToInstant(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), m.TimeZone ?? Recurrence.DefaultTimeZone) > clock.GetUtcNow())
            .WithMessage(_ => text["Validation_StartInPast"]);
        RuleFor(m => m.TopicDeadlineLocal).Cascade(CascadeMode.Stop).InPlanningRange(clock, text)
            .Must((m, deadline) => Recurrence.FindZone(m.TimeZone ?? Recurrence.DefaultTimeZone) is null
                || Recurrence.ToInstant(DateOnly.FromDateTime(deadline!.Value), TimeOnly.FromDateTime(deadline.Value), m.TimeZone ?? Recurrence.DefaultTimeZone) > clock.GetUtcNow())
            .When(m => m.TopicDeadlineLocal is not null).WithMessage(_ => text["Validation_DateOutOfRange"])
            .LessThan(m => m.StartsAtLocal).When(m => m.TopicDeadlineLocal is not null)
            .WithMessage(_ => text["Validation_DeadlineAfterStart"]);
        RuleFor(m => m.Kind).IsInEnum();
    }
}

internal sealed class CreateMeetingHandler(MeetingsDbContext db, MeetingPermissions access, Invitations invitations, TimeProvider clock)
    : IRequestHandler<CreateMeeting, Guid>
{
    public async Task<Guid> Handle(CreateMeeting request, CancellationToken cancellationToken)
    {
        if (!await access.CanManageAsync(request.LabId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? Recurrence.DefaultTimeZone : request.TimeZone.Trim();
        var now = clock.GetUtcNow();
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(),
            Title = request.Title.Trim(),
            Kind = request.Kind,
            StartsAt = Instant(request.StartsAtLocal, zone),
            EndsAt = Instant(request.EndsAtLocal, zone),
            TimeZone = zone,
            Place = request.Place?.Trim(),
            OnlineLink = request.OnlineLink?.Trim(),
            Capacity = request.Capacity,
            DelegateLimit = request.DelegateLimit,
            Audience = request.Audience,
            LabId = request.LabId,
            AudienceOrganizationIds = request.Audience == AudienceKind.ChosenOrganizations ? [.. request.OrganizationIds ?? []] : [],
            ReminderDaysBefore = [.. (request.ReminderDaysBefore ?? [7, 1]).Distinct().OrderDescending()],
            TopicDeadline = request.TopicDeadlineLocal is { } deadline ? Instant(deadline, zone) : null,
            CreatedAt = now,
            ChangedAt = now,
        };
        db.Meetings.Add(meeting);
        await invitations.InviteAsync(meeting, cancellationToken);
        return meeting.Id;
    }

    private static DateTimeOffset Instant(DateTime local, string zone) =>
        Recurrence.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
}
