using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Polls;

/// <summary>Staff open a straw poll during the meeting: a question, two or more options, single or multiple choice.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record OpenPoll(Guid MeetingId, Guid? AgendaItemId, string Question, IReadOnlyList<string> Options, bool MultipleChoice = false) : IRequest<Guid>;

internal sealed class OpenPollValidator : AbstractValidator<OpenPoll>
{
    public OpenPollValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(p => p.Question).NotEmpty().WithMessage(_ => text["Validation_TextRequired"]).MaximumLength(TextLimits.PollQuestion);
        RuleFor(p => p.Options).Must(o => o is not null && o.Count(x => !string.IsNullOrWhiteSpace(x)) >= 2 && o.Count <= TextLimits.PollOptions)
            .WithMessage(_ => text["Validation_PollOptions"]);
        RuleForEach(p => p.Options).MaximumLength(TextLimits.PollOption);
    }
}

internal sealed class OpenPollHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<OpenPoll, Guid>
{
    public async Task<Guid> Handle(OpenPoll request, CancellationToken cancellationToken)
    {
        var meeting = await access.MeetingWithEditableMinutesAsync(request.MeetingId, cancellationToken);
        if (request.AgendaItemId is { } itemId && !await db.AgendaItems.AnyAsync(a => a.Id == itemId && a.MeetingId == meeting.Id, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure(nameof(OpenPoll.AgendaItemId), text["Validation_AgendaItemOfOtherMeeting"])]);
        }

        var poll = new Poll
        {
            Id = Guid.NewGuid(), MeetingId = meeting.Id, AgendaItemId = request.AgendaItemId, Question = request.Question.Trim(),
            Options = [.. request.Options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim())],
            MultipleChoice = request.MultipleChoice, OpenedAt = clock.GetUtcNow(),
        };
        db.Polls.Add(poll);
        return poll.Id;
    }
}
