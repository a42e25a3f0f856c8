using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// The registration list by partner group as an Excel workbook (staff or the lab's coordinator): header row in the
/// caller's language, check-in as a real date-time in the meeting's time zone, widths and an autofilter.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ExportRegistrationsXlsx(Guid MeetingId) : IRequest<ExportFile>;

internal sealed class ExportRegistrationsXlsxHandler(MeetingsDbContext db, MeetingPermissions permissions, IStringLocalizer<MeetingsText> text)
    : IRequestHandler<ExportRegistrationsXlsx, ExportFile>
{
    public async Task<ExportFile> Handle(ExportRegistrationsXlsx request, CancellationToken cancellationToken)
    {
        var (_, rows) = await RegistrationExportRows.OpenAsync(db, permissions, text, request.MeetingId, cancellationToken);
        var columns = RegistrationExportRows.Columns(text);
        string sheet = text["Registrations_Sheet"];
        return ExportFile.Streamed("registrations.xlsx", ExportFile.Xlsx,
            (body, ct) => XlsxExport.WriteAsync(body, rows.Read(), columns, sheet, ct));
    }
}
