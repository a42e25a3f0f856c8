using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>What series and single meetings share: place, capacity, audience, time zone, reminders.</summary>
internal interface IMeetingFields
{
    string Title { get; }
    string? TimeZone { get; }
    string? Place { get; }
    string? OnlineLink { get; }
    int Capacity { get; }
    int? DelegateLimit { get; }
    AudienceKind Audience { get; }
    Guid? LabId { get; }
    IReadOnlyList<Guid>? OrganizationIds { get; }
    IReadOnlyList<int>? ReminderDaysBefore { get; }
}

internal sealed class MeetingFieldsValidator : AbstractValidator<IMeetingFields>
{
    public MeetingFieldsValidator(IStringLocalizer<MeetingsText> text, IMediator mediator, ModuleCatalog catalog)
    {
        RuleFor(m => m.Title).NotEmpty().WithMessage(_ => text["Validation_TitleRequired"]).MaximumLength(TextLimits.MeetingTitle);
        RuleFor(m => m.TimeZone)
            .Must(zone => zone is null || Recurrence.FindZone(zone) is not null)
            .WithMessage(_ => text["Validation_UnknownTimeZone"]);
        RuleFor(m => m.Capacity).GreaterThan(0).WithMessage(_ => text["Validation_CapacityPositive"]).LessThanOrEqualTo(100_000);
        RuleFor(m => m.DelegateLimit).GreaterThan(0).When(m => m.DelegateLimit is not null).WithMessage(_ => text["Validation_DelegateLimitPositive"]);
        RuleFor(m => m.Place).MaximumLength(TextLimits.Place);
        RuleFor(m => m.Place).NotEmpty().When(m => string.IsNullOrWhiteSpace(m.OnlineLink)).WithMessage(_ => text["Validation_PlaceOrLink"]);
        RuleFor(m => m.OnlineLink)
            .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(m => !string.IsNullOrWhiteSpace(m.OnlineLink))
            .WithMessage(_ => text["Validation_OnlineLink"])
            .MaximumLength(TextLimits.Link);
        RuleFor(m => m.Audience).IsInEnum();
        RuleFor(m => m.OrganizationIds).Must(ids => ids is null || ids.Count <= RequestCaps.OrganizationsPerMeeting)
            .WithMessage(_ => string.Format(text["Validation_TooManyOrganizations"], RequestCaps.OrganizationsPerMeeting));
        RuleFor(m => m.ReminderDaysBefore).Must(days => days is null || days.Count <= RequestCaps.RemindersPerMeeting)
            .WithMessage(_ => string.Format(text["Validation_TooManyReminders"], RequestCaps.RemindersPerMeeting));
        RuleFor(m => m.OrganizationIds).NotEmpty().When(m => m.Audience == AudienceKind.ChosenOrganizations)
            .WithMessage(_ => text["Validation_OrganizationsRequired"]);
        RuleFor(m => m.LabId)
            .NotNull().When(m => m.Audience == AudienceKind.Lab).WithMessage(_ => text["Validation_LabRequired"])
            .MustAsync(async (labId, ct) => catalog.Handles(typeof(GetLabDetails)) && await mediator.Send(new GetLabDetails(labId!.Value), ct) is not null)
            .When(m => m.LabId is not null).WithMessage(_ => text["Validation_UnknownLab"]);
        RuleForEach(m => m.ReminderDaysBefore).InclusiveBetween(1, 60).WithMessage(_ => text["Validation_ReminderDays"]);
    }
}
