using Alliance.Shared.Contracts;
using System.Security.Cryptography;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>Creates a recurring series and its occurrences within the horizon in one transaction, e.g. "Allianztreffen", FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3 at 18:00 for 150 minutes.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CreateSeries(
    string Title,
    MeetingKind Kind,
    string RecurrenceRule,
    DateOnly FirstDate,
    TimeOnly StartTime,
    int DurationMinutes,
    string? TimeZone,
    string? Place,
    string? OnlineLink,
    int Capacity,
    int? DelegateLimit = null,
    AudienceKind Audience = AudienceKind.AllMembers,
    Guid? LabId = null,
    IReadOnlyList<Guid>? OrganizationIds = null,
    IReadOnlyList<int>? ReminderDaysBefore = null,
    int NumberOffset = 0) : IRequest<Guid>, IMeetingFields, ISeriesSchedule;

internal sealed class CreateSeriesValidator : AbstractValidator<CreateSeries>
{
    public CreateSeriesValidator(IStringLocalizer<MeetingsText> text, IMediator mediator, ModuleCatalog catalog, TimeProvider clock)
    {
        // A series starts today or later (held meetings before it are counted by NumberOffset); flagged with every other error.
        // A date outside the planning range (1999) already has the range's message ("from today up to ten years
        // ahead"): one message per fault, not two under the field.
        RuleFor(s => s.FirstDate).Must(date => date >= AllianceTime.Today(clock) || !MeetingDates.InRange(date, clock))
            .WithMessage(_ => text["Validation_FirstDateInPast"]);
        Include(new MeetingFieldsValidator(text, mediator, catalog));
        Include(new SeriesScheduleValidator(text, clock));
        RuleFor(s => s.Kind).IsInEnum();
    }
}

internal sealed class CreateSeriesHandler(MeetingsDbContext db, MeetingPermissions access, OccurrenceScheduler scheduler, TimeProvider clock) : IRequestHandler<CreateSeries, Guid>
{
    public async Task<Guid> Handle(CreateSeries request, CancellationToken cancellationToken)
    {
        if (!await access.CanManageAsync(request.LabId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        var now = clock.GetUtcNow();
        var series = new MeetingSeries
        {
            Id = Guid.NewGuid(),
            Title = request.Title.Trim(),
            Kind = request.Kind,
            RecurrenceRule = request.RecurrenceRule.Trim().ToUpperInvariant(),
            FirstDate = request.FirstDate,
            StartTime = request.StartTime,
            DurationMinutes = request.DurationMinutes,
            TimeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? TimeZoneChoices.Default : request.TimeZone.Trim(),
            Place = request.Place?.Trim(),
            OnlineLink = request.OnlineLink?.Trim(),
            Capacity = request.Capacity,
            DelegateLimit = request.DelegateLimit,
            Audience = request.Audience,
            LabId = request.LabId,
            AudienceOrganizationIds = request.Audience == AudienceKind.ChosenOrganizations ? [.. request.OrganizationIds ?? []] : [],
            ReminderDaysBefore = [.. (request.ReminderDaysBefore ?? [7, 1]).Distinct().OrderDescending()],
            NumberOffset = request.NumberOffset,
            FeedToken = NewToken(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Series.Add(series);
        // The series and its first occurrences (with their invitations) are saved together: all or nothing.
        await scheduler.AddOccurrencesAsync(series, cancellationToken);
        return series.Id;
    }

    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
}
