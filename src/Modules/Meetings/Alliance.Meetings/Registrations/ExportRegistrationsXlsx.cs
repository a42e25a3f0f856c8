using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// The registration list by partner group as an Excel workbook (staff or the lab's coordinator), headers and labels in
/// the caller's language, check-in times in the meeting's time zone. Written with the OpenXml SDK that the minutes use
/// too, so no second spreadsheet library is needed.
/// </summary>
internal sealed record ExportRegistrationsXlsx(Guid MeetingId) : IRequest<ExportedFile>;

internal sealed class ExportRegistrationsXlsxHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text)
    : IRequestHandler<ExportRegistrationsXlsx, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportRegistrationsXlsx request, CancellationToken cancellationToken)
    {
        var (_, rows) = await RegistrationExportRows.LoadAsync(db, access, text, request.MeetingId, cancellationToken);
        var sheetData = new SheetData();
        sheetData.Append(Row([.. RegistrationExportRows.Headers(text)]));
        foreach (var row in rows)
        {
            sheetData.Append(Row(row.Person, row.Organization, row.PartnerGroup, row.Status,
                row.CheckedInAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }

        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(sheetData);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = text["Registrations_Sheet"].Value });
        }

        return new ExportedFile(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "registrations.xlsx");
    }

    private static Row Row(params string[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value))) });
        }

        return row;
    }

    /// <summary>XML 1.0 forbids most control characters; a stray one in a name must not break the workbook.</summary>
    private static string Clean(string value) => string.Concat(value.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF')));
}
