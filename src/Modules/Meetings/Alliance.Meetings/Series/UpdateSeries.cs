using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>
/// Changes a series' time, duration, place, capacity and reminders. Only future occurrences that still follow the
/// series change (past ones and ones moved or cancelled by hand stay as they are); their registrants are told.
/// The rule itself stays, so the numbering of the series stays stable.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateSeries(
    Guid SeriesId, TimeOnly StartTime, int DurationMinutes, string? Place, string? OnlineLink, int Capacity, int? DelegateLimit,
    IReadOnlyList<int>? ReminderDaysBefore, uint Version) : IRequest<int>;

internal sealed class UpdateSeriesValidator : AbstractValidator<UpdateSeries>
{
    public UpdateSeriesValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(s => s.DurationMinutes).InclusiveBetween(1, 24 * 60).WithMessage(_ => text["Validation_EndBeforeStart"]);
        RuleFor(s => s.Capacity).GreaterThan(0).WithMessage(_ => text["Validation_CapacityPositive"]);
        RuleFor(s => s.DelegateLimit).GreaterThan(0).When(s => s.DelegateLimit is not null).WithMessage(_ => text["Validation_DelegateLimitPositive"]);
        RuleFor(s => s.Place).NotEmpty().When(s => string.IsNullOrWhiteSpace(s.OnlineLink)).WithMessage(_ => text["Validation_PlaceOrLink"]).MaximumLength(300);
        RuleFor(s => s.OnlineLink).MaximumLength(500)
            .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(s => !string.IsNullOrWhiteSpace(s.OnlineLink)).WithMessage(_ => text["Validation_OnlineLink"]);
        RuleForEach(s => s.ReminderDaysBefore).InclusiveBetween(1, 60).WithMessage(_ => text["Validation_ReminderDays"]);
    }
}

internal sealed class UpdateSeriesHandler(MeetingsDbContext db, MeetingPermissions access, MeetingMails mails, TimeProvider clock) : IRequestHandler<UpdateSeries, int>
{
    public async Task<int> Handle(UpdateSeries request, CancellationToken cancellationToken)
    {
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == request.SeriesId, cancellationToken) ?? throw NotFoundException.For("Series", request.SeriesId);
        if (!await access.CanManageAsync(series.LabId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        var now = clock.GetUtcNow();
        db.Entry(series).Property(s => s.Version).OriginalValue = request.Version;
        series.StartTime = request.StartTime;
        series.DurationMinutes = request.DurationMinutes;
        series.Place = request.Place?.Trim();
        series.OnlineLink = request.OnlineLink?.Trim();
        series.Capacity = request.Capacity;
        series.DelegateLimit = request.DelegateLimit;
        series.ReminderDaysBefore = [.. (request.ReminderDaysBefore ?? []).Distinct().OrderDescending()];
        series.UpdatedAt = now;

        var zone = Recurrence.FindZone(series.TimeZone)!;
        var future = await db.Meetings.Where(m => m.SeriesId == series.Id && m.StartsAt > now && !m.IsDetached && !m.IsCancelled).ToListAsync(cancellationToken);
        foreach (var meeting in future)
        {
            var local = Recurrence.ToLocal(meeting.OccurrenceStart ?? meeting.StartsAt, series.TimeZone);
            var date = DateOnly.FromDateTime(local);
            var start = Recurrence.ToInstant(date, series.StartTime, series.TimeZone);
            var moved = start != meeting.StartsAt || meeting.Place != series.Place || meeting.OnlineLink != series.OnlineLink;
            meeting.StartsAt = start;
            meeting.EndsAt = Recurrence.ToInstant(new NodaTime.LocalDateTime(date.Year, date.Month, date.Day, series.StartTime.Hour, series.StartTime.Minute)
                .PlusMinutes(series.DurationMinutes), zone);
            meeting.OccurrenceStart = start;
            meeting.Place = series.Place;
            meeting.OnlineLink = series.OnlineLink;
            meeting.Capacity = series.Capacity;
            meeting.DelegateLimit = series.DelegateLimit;
            meeting.ReminderDaysBefore = [.. series.ReminderDaysBefore];
            if (!moved)
            {
                continue;
            }

            meeting.Sequence++;
            var told = await db.Registrations.Where(r => r.MeetingId == meeting.Id
                && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted || r.Status == RegistrationStatus.Invited)).ToListAsync(cancellationToken);
            await mails.RefreshContactsAsync(told, cancellationToken);
            foreach (var registration in told)
            {
                if (mails.Compose(registration, meeting, "Mail_Moved_Subject", "Mail_Moved_Body") is { } mail)
                {
                    db.AddIntegrationEvent(mail, now);
                }
            }
        }

        return future.Count;
    }
}
