using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.ActionItems;

/// <summary>
/// An action item's owner is stored apart — a person id and/or an organisation id, never a composed name — so no
/// copy can outgrow a column; the two names are joined only for display.
/// </summary>
internal static class ActionItemOwner
{
    /// <summary>"Person · Organisation", either part alone, or "—".</summary>
    public static string Display(string? person, string? organization) =>
        string.Join(" · ", new[] { person, organization }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } owner ? owner : "—";

    /// <summary>
    /// The rule for a lab's action-item owner person, in one place: a contact (<see cref="FindMemberContacts"/>: not erased,
    /// with an e-mail address, of an active organisation) of one of the lab's current member organisations. The owner
    /// picker searches them (<c>SearchActionItemOwners</c>, with the user's <paramref name="names"/>), and
    /// <c>CreateActionItem</c> checks a choice against them (<paramref name="ids"/>, every name). One statement here for
    /// the member organisations (a lab has tens), then one page asked from Members; none when the lab has no members.
    /// </summary>
    public static async Task<PagedResult<ContactMatch>> CandidatesAsync(
        LabsDbContext db, IMediator mediator, Guid labId, string? term, IReadOnlyCollection<Guid>? ids, NameReader? names, int page, int pageSize, CancellationToken ct)
    {
        var organizations = await db.Memberships.AsNoTracking().Where(m => m.LabId == labId && m.LeftAt == null)
            .Select(m => m.OrganizationId).ToListAsync(ct);
        return organizations.Count == 0
            ? new PagedResult<ContactMatch>([], 1, pageSize, 0)
            : await mediator.Send(new FindMemberContacts(organizations, term, ids, names, page, pageSize), ct);
    }
}
