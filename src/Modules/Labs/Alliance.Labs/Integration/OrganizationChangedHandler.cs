using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

/// <summary>Keeps the read copy of organisations (name, partner group) current.</summary>
internal sealed class OrganizationChangedHandler(LabsDbContext db) : INotificationHandler<OrganizationChanged>, INotificationHandler<OrganizationCreated>
{
    public Task Handle(OrganizationChanged notification, CancellationToken cancellationToken) => UpsertAsync(notification.Organization, cancellationToken);

    public Task Handle(OrganizationCreated notification, CancellationToken cancellationToken) => UpsertAsync(notification.Organization, cancellationToken);

    private async Task UpsertAsync(OrganizationSummary organization, CancellationToken ct)
    {
        var copy = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organization.Id, ct);
        if (copy is null)
        {
            db.Organizations.Add(new OrganizationCopy { Id = organization.Id, Name = organization.Name, PartnerGroup = organization.PartnerGroup });
            return;
        }

        copy.Name = organization.Name;
        copy.PartnerGroup = organization.PartnerGroup;
    }
}
