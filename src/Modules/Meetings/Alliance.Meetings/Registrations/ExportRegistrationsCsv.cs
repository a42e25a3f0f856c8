using System.Globalization;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>The registration list by partner group as CSV (staff or the lab's coordinator), in the caller's language.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ExportRegistrationsCsv(Guid MeetingId) : IRequest<ExportFile>;

internal sealed class ExportRegistrationsCsvHandler(MeetingsDbContext db, MeetingPermissions permissions, IStringLocalizer<MeetingsText> text)
    : IRequestHandler<ExportRegistrationsCsv, ExportFile>
{
    public async Task<ExportFile> Handle(ExportRegistrationsCsv request, CancellationToken cancellationToken)
    {
        var (_, rows) = await RegistrationExportRows.OpenAsync(db, permissions, text, request.MeetingId, cancellationToken);
        var columns = RegistrationExportRows.Columns(text);
        var culture = CultureInfo.CurrentCulture;
        return ExportFile.Streamed("registrations.csv", ExportFile.Csv,
            (body, ct) => CsvExport.WriteAsync(body, rows.ReadAsync(ct), columns, culture, ct));
    }
}
