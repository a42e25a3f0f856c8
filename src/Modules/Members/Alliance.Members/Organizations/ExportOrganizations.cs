using System.Globalization;
using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using CsvHelper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Organizations;

/// <summary>
/// The organisations matching the directory's filters as CSV for staff: UTF-8 with BOM and ';' so German Excel
/// opens it directly, headers and labels in the caller's language.
/// </summary>
internal sealed record ExportOrganizations(
    string? Search = null,
    PartnerGroup? PartnerGroup = null,
    string? District = null,
    SizeClass? SizeClass = null,
    bool IncludeInactive = false) : IRequest<byte[]>;

internal sealed class ExportOrganizationsHandler(
    MembersDbContext db,
    ICurrentUser user,
    IStringLocalizer<MembersText> labels,
    IStringLocalizer<DirectoryText> text) : IRequestHandler<ExportOrganizations, byte[]>
{
    public async Task<byte[]> Handle(ExportOrganizations request, CancellationToken cancellationToken)
    {
        if (!user.IsStaff)
        {
            throw new ForbiddenException("Only staff may export the directory.");
        }

        var rows = await db.Organizations.AsNoTracking()
            .Filter(request.Search, request.PartnerGroup, request.District, request.SizeClass, request.IncludeInactive)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Name, o.PartnerGroup, o.Sector, o.SizeClass, o.EmployeeCount, o.District, o.Street, o.PostalCode, o.City,
                o.Website, o.MemberSince, o.MemberUntil, o.IsActive,
            })
            .ToListAsync(cancellationToken);

        var culture = CultureInfo.CurrentCulture;
        using var buffer = new MemoryStream();
        // Escaping a leading =, +, -, @ keeps user text from running as a spreadsheet formula.
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord(Headers.Select(header => text[header].Value).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(
                [
                    row.Name,
                    labels[$"PartnerGroup_{row.PartnerGroup}"].Value,
                    row.Sector ?? "",
                    labels[$"SizeClass_{row.SizeClass}"].Value,
                    row.EmployeeCount?.ToString(culture) ?? "",
                    row.District ?? "",
                    row.Street ?? "",
                    row.PostalCode ?? "",
                    row.City ?? "",
                    row.Website ?? "",
                    row.MemberSince?.ToString("d", culture) ?? "",
                    row.MemberUntil?.ToString("d", culture) ?? "",
                    row.IsActive ? text["Common_Yes"].Value : text["Common_No"].Value,
                ]);
            }
        }

        return buffer.ToArray();
    }

    private static readonly string[] Headers =
    [
        "Organization_Name", "Organization_PartnerGroup", "Organization_Sector", "Organization_SizeClass", "Organization_EmployeeCount",
        "Organization_District", "Organization_Street", "Organization_PostalCode", "Organization_City", "Organization_Website",
        "Organization_MemberSince", "Organization_MemberUntil", "Organization_Active",
    ];
}
