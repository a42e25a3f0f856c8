using System.Globalization;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using CsvHelper;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>The registration list by partner group as CSV (staff or the lab's coordinator), in the caller's language.</summary>
internal sealed record ExportRegistrationsCsv(Guid MeetingId) : IRequest<ExportedFile>;

internal sealed class ExportRegistrationsCsvHandler(MeetingsDbContext db, MeetingPermissions permissions, IStringLocalizer<MeetingsText> text)
    : IRequestHandler<ExportRegistrationsCsv, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportRegistrationsCsv request, CancellationToken cancellationToken)
    {
        var (_, rows) = await RegistrationExportRows.LoadAsync(db, permissions, text, request.MeetingId, cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        using var buffer = new MemoryStream();
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord([.. RegistrationExportRows.Headers(text)]);
            foreach (var row in rows)
            {
                csv.WriteRecord([row.Person, row.Organization, row.PartnerGroup, row.Status, row.CheckedInAt?.ToString("g", culture) ?? ""]);
            }
        }

        return new ExportedFile(buffer.ToArray(), "text/csv; charset=utf-8", "registrations.csv");
    }
}
