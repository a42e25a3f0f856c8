using Alliance.Members.Contracts;
using Alliance.Shared.Components;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Privacy;

/// <summary>
/// Members' part of the erase preview: other people's functions ("Assistenz von Karin Kaiser") and organisation texts
/// that name the person. Erasure changes only her own row, so staff see these and edit them by hand.
/// </summary>
internal sealed class CollectMembersErasureReferences(MembersDbContext db, IStringLocalizer<PrivacyText> text)
    : INotificationHandler<CollectErasureReferences>
{
    public async Task Handle(CollectErasureReferences notification, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(notification.FullName))
        {
            return;
        }

        var name = $"%{PickerSearch.EscapeLike(notification.FullName.Trim())}%";
        // Without an address the name pattern stands in, so the query keeps one shape.
        var email = string.IsNullOrWhiteSpace(notification.Email) ? name : $"%{PickerSearch.EscapeLike(notification.Email.Trim())}%";

        var people = await db.People.AsNoTracking()
            .Where(p => p.Id != notification.PersonId && p.ErasedAt == null && p.Function != null
                && (EF.Functions.ILike(p.Function!, name, "\\") || EF.Functions.ILike(p.Function!, email, "\\")))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName, p.Function })
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            notification.Collector.Add(new ErasureReference("members", text["Erase_Reference_PersonFunction", person.Name], person.Function!, $"/people/{person.Id}/edit"));
        }

        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => EF.Functions.ILike(o.Name, name, "\\") || EF.Functions.ILike(o.Sector ?? "", name, "\\")
                || EF.Functions.ILike(o.Street ?? "", name, "\\") || EF.Functions.ILike(o.Website ?? "", email, "\\"))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Sector, o.Street, o.Website })
            .ToListAsync(cancellationToken);
        foreach (var organization in organizations)
        {
            var texts = new[] { organization.Name, organization.Sector, organization.Street, organization.Website }.Where(t => !string.IsNullOrEmpty(t));
            notification.Collector.Add(new ErasureReference("members", text["Erase_Reference_Organization", organization.Name],
                string.Join(" · ", texts), $"/organizations/{organization.Id}/edit"));
        }
    }
}
