using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Members.Contracts;
using Alliance.Shared.Exports;
using Alliance.Shared.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>One row of the registration exports, already in the caller's language; a hidden name is the localized placeholder.</summary>
internal sealed record RegistrationExportRow(string Person, string Organization, string PartnerGroup, string Status, DateTime? CheckedInAt);

/// <summary>
/// What the CSV and XLSX exports share: access (manager of the meeting), the name rule, order and labels. The rows are
/// read as the file is written, never collected (issue 13: exports stream, memory flat in the number of rows).
/// </summary>
internal static class RegistrationExportRows
{
    /// <summary>
    /// The meeting after the access check (404/403 before any byte is sent) and its rows in export order, to enumerate
    /// once while the file is written: asynchronously for CSV, synchronously for XLSX (MiniExcel writes synchronously).
    /// </summary>
    public static async Task<(Meeting Meeting, RowSource<RegistrationExportRow> Rows)> OpenAsync(
        MeetingsDbContext db, MeetingPermissions permissions, IStringLocalizer<MeetingsText> text, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await permissions.ManagedMeetingAsync(meetingId, cancellationToken);
        var query = ListRegistrationsHandler.Query(db, permissions, new ListRegistrations(meetingId))
            .OrderBy(r => r.PartnerGroup).ThenBy(r => EF.Functions.Collate(r.OrganizationName!, GermanSort.Collation)).ThenBy(r => r.Id)
            .Select(r => new Projection(r.PersonName, r.NameVisibleToMembers, r.OrganizationId, r.OrganizationName, r.PartnerGroup, r.Status, r.CheckedInAt));
        // Labels are looked up once per value, not once per row (a resource lookup per cell was most of the export's time).
        var hidden = text["Registration_NameHidden"].Value;
        var groups = new Dictionary<PartnerGroup, string>();
        var statuses = new Dictionary<RegistrationStatus, string>();
        string GroupLabel(PartnerGroup group) =>
            groups.TryGetValue(group, out var label) ? label : groups[group] = text["PartnerGroup_" + group].Value;
        string StatusLabel(RegistrationStatus status) =>
            statuses.TryGetValue(status, out var label) ? label : statuses[status] = text["Status_" + status].Value;
        return (meeting, RowSource<RegistrationExportRow>.FromQuery(query, r => new RegistrationExportRow(
            permissions.SeesName(r.OrganizationId, r.NameVisibleToMembers) ? r.PersonName : hidden,
            r.OrganizationName ?? "",
            r.PartnerGroup is { } group ? GroupLabel(group) : "",
            StatusLabel(r.Status),
            r.CheckedInAt is { } at ? Recurrence.ToLocal(at, meeting.TimeZone) : null)));
    }

    private sealed record Projection(
        string PersonName, bool NameVisibleToMembers, Guid? OrganizationId, string? OrganizationName, PartnerGroup? PartnerGroup,
        RegistrationStatus Status, DateTimeOffset? CheckedInAt);

    /// <summary>
    /// The check-in's XLSX number format: day and time in the reader's language (a date-only format would hide the time
    /// in Excel; the cell stays a real date-time). CSV writes it in the culture's short date and time.
    /// </summary>
    private static string CheckInFormat =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Cultures.English ? "d mmm yyyy hh:mm" : "dd.mm.yyyy hh:mm";

    /// <summary>The columns of both exports, headers in the caller's language; check-in as a real date-time in the meeting's zone.</summary>
    public static IReadOnlyList<ExportColumn<RegistrationExportRow>> Columns(IStringLocalizer<MeetingsText> text) =>
    [
        new(text["Registration_Person"], r => r.Person, 32),
        new(text["Registration_Organization"], r => r.Organization, 36),
        new(text["Registration_PartnerGroup"], r => r.PartnerGroup, 20),
        new(text["Registration_Status"], r => r.Status, 16),
        new(text["Registration_CheckedInAt"], r => r.CheckedInAt, 18, CheckInFormat),
    ];
}

