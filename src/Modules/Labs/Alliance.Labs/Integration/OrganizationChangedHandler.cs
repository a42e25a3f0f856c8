using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

/// <summary>
/// Keeps the read copy of organisations (name, partner group) current. Snapshots may arrive late or out of order:
/// the copy keeps the <c>SourceVersion</c> it applied and ignores a snapshot that is not newer.
/// </summary>
internal sealed class OrganizationChangedHandler(LabsDbContext db) : INotificationHandler<OrganizationChanged>, INotificationHandler<OrganizationCreated>
{
    public Task Handle(OrganizationChanged notification, CancellationToken cancellationToken) =>
        UpsertAsync(notification.Organization, notification.SourceVersion, cancellationToken);

    public Task Handle(OrganizationCreated notification, CancellationToken cancellationToken) =>
        UpsertAsync(notification.Organization, notification.SourceVersion, cancellationToken);

    private async Task UpsertAsync(OrganizationSummary organization, long version, CancellationToken ct)
    {
        var copy = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organization.Id, ct);
        if (copy is null)
        {
            db.Organizations.Add(new OrganizationCopy { Id = organization.Id, Name = organization.Name, PartnerGroup = organization.PartnerGroup, SourceVersion = version });
            return;
        }

        if (version <= copy.SourceVersion)
        {
            return;
        }

        copy.Name = organization.Name;
        copy.PartnerGroup = organization.PartnerGroup;
        copy.SourceVersion = version;
    }
}
