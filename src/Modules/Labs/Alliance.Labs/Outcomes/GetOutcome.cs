using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Outcomes;

/// <summary>An outcome with its partner organisations and its timeline of progress notes (newest first).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetOutcome(Guid OutcomeId) : IRequest<OutcomeView>;

internal sealed record OutcomeView(
    Guid Id, Guid LabId, string LabTitle, string Title, string? Description, OutcomeKind Kind, OutcomeStatus Status, int Percent,
    IReadOnlyList<string> Partners, IReadOnlyList<OutcomeNoteItem> Notes, bool CanManage, uint Version);

internal sealed record OutcomeNoteItem(DateOnly Date, string Text, string Author);

internal sealed class GetOutcomeHandler(LabsDbContext db, LabPermissions permissions, PeopleNames people) : IRequestHandler<GetOutcome, OutcomeView>
{
    public async Task<OutcomeView> Handle(GetOutcome request, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OutcomeId, cancellationToken)
            ?? throw NotFoundException.For("Outcome", request.OutcomeId);
        var labTitle = await db.Labs.AsNoTracking().Where(l => l.Id == outcome.LabId).Select(l => l.Title).FirstAsync(cancellationToken);
        var partners = await db.Organizations.AsNoTracking().Where(o => outcome.PartnerOrganizationIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken);
        var notes = await db.OutcomeNotes.AsNoTracking().Where(n => n.OutcomeId == outcome.Id)
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var names = await people.NamesAsync(notes.Select(n => n.AuthorPersonId), cancellationToken);
        return new OutcomeView(
            outcome.Id, outcome.LabId, labTitle, outcome.Title, outcome.Description, outcome.Kind, outcome.Status, outcome.Percent, partners,
            notes.Select(n => new OutcomeNoteItem(n.Date, n.Text, n.AuthorPersonId is { } a && names.TryGetValue(a, out var name) ? name : "—")).ToList(),
            await permissions.CanManageAsync(outcome.LabId, cancellationToken), outcome.Version);
    }
}
