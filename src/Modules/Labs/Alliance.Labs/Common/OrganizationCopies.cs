using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Common;

/// <summary>
/// Keeps the labs' read copy of organisations (name, partner group) so lists and statistics never join into
/// Members. Missing copies are fetched in one batch from Members; events keep them current.
/// </summary>
internal sealed class OrganizationCopies(LabsDbContext db, IMediator mediator)
{
    /// <summary>Adds copies of the organisations not yet known here (one ask to Members for all of them).</summary>
    public async Task EnsureAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var known = await db.Organizations.Where(o => wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var tracked = db.ChangeTracker.Entries<OrganizationCopy>().Select(e => e.Entity.Id).ToHashSet();
        var missing = wanted.Except(known).Where(id => !tracked.Contains(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var organization in await mediator.Send(new GetOrganizationsByIds(missing), ct))
        {
            db.Organizations.Add(new OrganizationCopy { Id = organization.Id, Name = organization.Name, PartnerGroup = organization.PartnerGroup });
        }
    }

    /// <summary>Whether the organisation has a copy here (stored or just added).</summary>
    public bool IsKnown(Guid id) =>
        db.ChangeTracker.Entries<OrganizationCopy>().Any(e => e.Entity.Id == id) || db.Organizations.Any(o => o.Id == id);

    /// <summary>Names of organisations by id.</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0
            ? []
            : await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}

/// <summary>
/// Names of people, asked from Members in one batch (erased people come back as "—"). Names of people who did not
/// agree to be shown to other members are hidden from other organisations (<see cref="LabPermissions.MaySeeName"/>):
/// they read "(Name nicht freigegeben)" / "(name not shared)", as in Meetings, so a hidden owner never looks like none.
/// </summary>
internal sealed class PeopleNames(IMediator mediator, LabPermissions permissions, IStringLocalizer<LabsText> text)
{
    /// <summary>What is shown for a person Members no longer knows (erased): nobody to name.</summary>
    public const string Unknown = "—";

    /// <summary>Display names by person id, hidden where the user may not read them.</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.Where(id => id.HasValue).Select(id => id!.Value).Distinct().ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var people = await mediator.Send(new GetPeopleByIds(list), ct);
        var hidden = text["Person_NameHidden"].Value;
        return people.ToDictionary(p => p.Id, p => permissions.MaySeeName(p) ? p.DisplayName : hidden);
    }
}
