using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Minutes;

/// <summary>A correction to approved minutes: appended with author and time, never an edit in place.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record AddAddendum(Guid MeetingId, string Text) : IRequest<Guid>;

internal sealed class AddAddendumValidator : AbstractValidator<AddAddendum>
{
    public AddAddendumValidator(IStringLocalizer<MeetingsText> text) =>
        RuleFor(a => a.Text).NotEmpty().WithMessage(_ => text["Validation_TextRequired"]).MaximumLength(TextLimits.AddendumText);
}

internal sealed class AddAddendumHandler(MeetingsDbContext db, MeetingPermissions access, ICurrentUser user, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<AddAddendum, Guid>
{
    public async Task<Guid> Handle(AddAddendum request, CancellationToken cancellationToken)
    {
        var meeting = await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        if (meeting.MinutesStatus != MinutesStatus.Approved)
        {
            throw new ConflictException(text["Conflict_MinutesDraft"]);
        }

        var addendum = new MinutesAddendum
        {
            Id = Guid.NewGuid(), MeetingId = meeting.Id, Text = request.Text.Trim(), AuthorName = user.DisplayName ?? "—", AuthorPersonId = user.PersonId, AddedAt = clock.GetUtcNow(),
        };
        db.Addenda.Add(addendum);
        return addendum.Id;
    }
}
