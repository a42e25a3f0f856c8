using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Minutes;

/// <summary>The minutes' notes of one agenda item. Stale versions → 409; approved minutes → 409.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SaveItemNotes(Guid AgendaItemId, string? Notes, uint Version) : IRequest;

internal sealed class SaveItemNotesValidator : AbstractValidator<SaveItemNotes>
{
    public SaveItemNotesValidator() => RuleFor(n => n.Notes).MaximumLength(20_000);
}

internal sealed class SaveItemNotesHandler(MeetingsDbContext db, MeetingPermissions access) : IRequestHandler<SaveItemNotes, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(SaveItemNotes request, CancellationToken cancellationToken)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == request.AgendaItemId, cancellationToken)
            ?? throw NotFoundException.For("Agenda item", request.AgendaItemId);
        var meeting = await access.MeetingWithEditableMinutesAsync(item.MeetingId, cancellationToken);
        db.Entry(item).Property(a => a.Version).OriginalValue = request.Version;
        item.Notes = request.Notes?.Trim();
        return MediatR.Unit.Value;
    }
}
