using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Shared.Components;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>The directory filters, shared by the list and the CSV export so both always show the same rows.</summary>
internal static class OrganizationQueries
{
    public static IQueryable<Organization> Filter(
        this IQueryable<Organization> query, string? search, PartnerGroup? partnerGroup, string? district, SizeClass? sizeClass, bool includeInactive)
    {
        if (!includeInactive)
        {
            query = query.Where(o => o.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // Every word in the name or the sector. The bare columns (no COALESCE) so the trigram indexes on name and
            // sector serve the search; a missing sector never matches.
            query = query.WhereEveryWord(search, pattern => o => EF.Functions.ILike(o.Name, pattern, "\\") || EF.Functions.ILike(o.Sector!, pattern, "\\"));
        }

        if (partnerGroup is { } group)
        {
            query = query.Where(o => o.PartnerGroup == group);
        }

        if (!string.IsNullOrWhiteSpace(district))
        {
            var trimmed = district.Trim();
            query = query.Where(o => o.District == trimmed);
        }

        if (sizeClass is { } size)
        {
            query = query.Where(o => o.SizeClass == size);
        }

        return query;
    }
}
