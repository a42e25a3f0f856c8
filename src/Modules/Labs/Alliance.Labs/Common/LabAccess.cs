using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Common;

/// <summary>The resource rules of the labs: staff do everything; a coordinator manages their own lab.</summary>
internal sealed class LabAccess(LabsDbContext db, ICurrentUser user, Microsoft.Extensions.Localization.IStringLocalizer<Alliance.Labs.Resources.LabsText> text)
{
    public ICurrentUser User => user;

    public async Task<Lab> LabAsync(Guid labId, CancellationToken ct) =>
        await db.Labs.FirstOrDefaultAsync(l => l.Id == labId, ct) ?? throw NotFoundException.For("Lab", labId);

    public async Task<bool> IsCoordinatorAsync(Guid labId, CancellationToken ct) =>
        user.PersonId is { } person && await db.Coordinators.AnyAsync(c => c.LabId == labId && c.PersonId == person, ct);

    public async Task<bool> CanManageAsync(Guid labId, CancellationToken ct) =>
        user.IsStaff || await IsCoordinatorAsync(labId, ct);

    /// <summary>Staff or this lab's coordinator, else 403.</summary>
    public async Task RequireManagerAsync(Guid labId, CancellationToken ct)
    {
        if (!await CanManageAsync(labId, ct))
        {
            throw new ForbiddenException();
        }
    }

    public void RequireStaff()
    {
        if (!user.IsStaff)
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>The organisation the signed-in representative acts for, else 403.</summary>
    public Guid RequireOrganization() => user.OrganizationId ?? throw new ForbiddenException("You act for no organisation.");

    /// <summary>A concluded lab is history: nothing in it changes any more (409).</summary>
    public void RequireOpen(Lab lab)
    {
        if (lab.Status == LabStatus.Concluded)
        {
            throw new ConflictException(text["Lab_ConcludedReadOnly"]);
        }
    }
}
