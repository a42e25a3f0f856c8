using System.Globalization;
using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Organizations;

/// <summary>
/// The organisations matching the directory's filters as CSV for staff (<see cref="CsvExport"/>: UTF-8 with BOM and
/// ';' so German Excel opens it directly, headers and labels in the caller's language, formulas neutralised).
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ExportOrganizations(
    string? Search = null,
    PartnerGroup? PartnerGroup = null,
    string? District = null,
    SizeClass? SizeClass = null,
    bool IncludeInactive = false) : IRequest<ExportFile>;

internal sealed class ExportOrganizationsHandler(
    MembersDbContext db,
    TimeProvider clock,
    IStringLocalizer<MembersText> labels,
    IStringLocalizer<DirectoryText> text) : IRequestHandler<ExportOrganizations, ExportFile>
{
    public Task<ExportFile> Handle(ExportOrganizations request, CancellationToken cancellationToken)
    {
        // Read while the file is written (issue 13: exports stream): one organisation in memory at a time.
        var rows = db.Organizations.AsNoTracking()
            .Filter(request.Search, request.PartnerGroup, request.District, request.SizeClass, request.IncludeInactive)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new Row(
                o.Name, o.PartnerGroup, o.Sector, o.SizeClass, o.EmployeeCount, o.District, o.Street, o.PostalCode, o.City,
                o.Website, o.MemberSince, o.MemberUntil, o.IsActive));
        // Labels once per value, not once per row and cell.
        var groups = Enum.GetValues<PartnerGroup>().ToDictionary(g => g, g => labels[$"PartnerGroup_{g}"].Value);
        var sizes = Enum.GetValues<SizeClass>().ToDictionary(c => c, c => labels[$"SizeClass_{c}"].Value);
        var (yes, no) = (text["Common_Yes"].Value, text["Common_No"].Value);

        ExportColumn<Row>[] columns =
        [
            new(text["Organization_Name"], r => r.Name, 40),
            new(text["Organization_PartnerGroup"], r => groups[r.PartnerGroup]),
            new(text["Organization_Sector"], r => r.Sector, 24),
            new(text["Organization_SizeClass"], r => sizes[r.SizeClass]),
            new(text["Organization_EmployeeCount"], r => r.EmployeeCount, 10),
            new(text["Organization_District"], r => r.District),
            new(text["Organization_Street"], r => r.Street, 28),
            new(text["Organization_PostalCode"], r => r.PostalCode, 10),
            new(text["Organization_City"], r => r.City),
            new(text["Organization_Website"], r => r.Website, 32),
            new(text["Organization_MemberSince"], r => r.MemberSince, 12),
            new(text["Organization_MemberUntil"], r => r.MemberUntil, 12),
            new(text["Organization_Active"], r => r.IsActive ? yes : no, 8),
        ];
        var today = AllianceTime.Today(clock);
        var culture = CultureInfo.CurrentCulture;
        return Task.FromResult(ExportFile.Streamed(
            $"organisations-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv",
            ExportFile.Csv,
            (body, ct) => CsvExport.WriteAsync(body, rows.AsAsyncEnumerable(), columns, culture, ct)));
    }

    private sealed record Row(
        string Name, PartnerGroup PartnerGroup, string? Sector, SizeClass SizeClass, int? EmployeeCount, string? District,
        string? Street, string? PostalCode, string? City, string? Website, DateOnly? MemberSince, DateOnly? MemberUntil, bool IsActive);
}
