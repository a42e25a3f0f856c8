using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using Alliance.Meetings.Resources;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Minutes;

/// <summary>
/// The minutes' notes of one agenda item, edited, not replaced blind: the request names the version its text was based
/// on; if someone saved in between, 409 with the other version in the message (nothing stored). Approved minutes → 409.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SaveItemNotes(Guid AgendaItemId, string? Notes, uint Version) : IRequest;

internal sealed class SaveItemNotesValidator : AbstractValidator<SaveItemNotes>
{
    public SaveItemNotesValidator() => RuleFor(n => n.Notes).MaximumLength(TextLimits.Notes);
}

internal sealed class SaveItemNotesHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text) : IRequestHandler<SaveItemNotes, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(SaveItemNotes request, CancellationToken cancellationToken)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == request.AgendaItemId, cancellationToken)
            ?? throw NotFoundException.For("Agenda item", request.AgendaItemId);
        await access.MeetingWithEditableMinutesAsync(item.MeetingId, cancellationToken);
        if (item.Version != request.Version)
        {
            throw new ConflictException(text["Conflict_NotesChanged", string.IsNullOrWhiteSpace(item.Notes) ? text["Minutes_NotesEmpty"] : item.Notes]);
        }

        // The same check for a save that lands between the read above and the commit.
        db.Entry(item).Property(a => a.Version).OriginalValue = request.Version;
        item.Notes = request.Notes?.Trim();
        return MediatR.Unit.Value;
    }
}
