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
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Agenda;

/// <summary>A member proposes a topic for the meeting's agenda, before the topic deadline (or the start).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SubmitTopic(Guid MeetingId, string Title, string? Description) : IRequest<Guid>;

internal sealed class SubmitTopicValidator : AbstractValidator<SubmitTopic>
{
    public SubmitTopicValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(t => t.Title).NotEmpty().WithMessage(_ => text["Validation_TitleRequired"]).MaximumLength(TextLimits.AgendaTitle);
        RuleFor(t => t.Description).MaximumLength(TextLimits.TopicDescription);
    }
}

internal sealed class SubmitTopicHandler(MeetingsDbContext db, MeetingPermissions access, ICurrentUser user, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<SubmitTopic, Guid>
{
    public async Task<Guid> Handle(SubmitTopic request, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException();
        var meeting = await access.VisibleMeetingAsync(request.MeetingId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!access.CanSubmitTopic(meeting, now))
        {
            throw new ValidationException([new ValidationFailure(nameof(SubmitTopic.Title), text["Validation_TopicDeadlinePassed"])]);
        }

        var topic = new TopicSubmission
        {
            Id = Guid.NewGuid(), MeetingId = meeting.Id, PersonId = personId, OrganizationId = user.OrganizationId, SubmitterName = user.DisplayName ?? "—",
            Title = request.Title.Trim(), Description = request.Description?.Trim(), SubmittedAt = now,
        };
        db.Topics.Add(topic);
        return topic.Id;
    }
}
