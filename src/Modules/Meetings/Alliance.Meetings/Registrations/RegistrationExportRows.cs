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

/// <summary>What the CSV and XLSX exports share: access (manager of the meeting), the name rule, order and labels.</summary>
internal static class RegistrationExportRows
{
    public static async Task<(Meeting Meeting, IReadOnlyList<RegistrationExportRow> Rows)> LoadAsync(
        MeetingsDbContext db, MeetingPermissions permissions, IStringLocalizer<MeetingsText> text, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await permissions.ManagedMeetingAsync(meetingId, cancellationToken);
        var rows = await ListRegistrationsHandler.Query(db, permissions, new ListRegistrations(meetingId))
            .OrderBy(r => r.PartnerGroup).ThenBy(r => EF.Functions.Collate(r.OrganizationName!, GermanSort.Collation)).ThenBy(r => r.Id)
            .Select(r => new { r.PersonName, r.NameVisibleToMembers, r.OrganizationId, r.OrganizationName, r.PartnerGroup, r.Status, r.CheckedInAt })
            .ToListAsync(cancellationToken);
        // Labels are looked up once per value, not once per row (a resource lookup per cell was most of the export's time).
        var hidden = text["Registration_NameHidden"].Value;
        var groups = new Dictionary<PartnerGroup, string>();
        var statuses = new Dictionary<RegistrationStatus, string>();
        string GroupLabel(PartnerGroup group) =>
            groups.TryGetValue(group, out var label) ? label : groups[group] = text["PartnerGroup_" + group].Value;
        string StatusLabel(RegistrationStatus status) =>
            statuses.TryGetValue(status, out var label) ? label : statuses[status] = text["Status_" + status].Value;
        return (meeting, [.. rows.Select(r => new RegistrationExportRow(
            permissions.SeesName(r.OrganizationId, r.NameVisibleToMembers) ? r.PersonName : hidden,
            r.OrganizationName ?? "",
            r.PartnerGroup is { } group ? GroupLabel(group) : "",
            StatusLabel(r.Status),
            r.CheckedInAt is { } at ? Recurrence.ToLocal(at, meeting.TimeZone) : null))]);
    }

    /// <summary>The columns of both exports, headers in the caller's language; check-in as a real date-time in the meeting's zone.</summary>
    public static IReadOnlyList<ExportColumn<RegistrationExportRow>> Columns(IStringLocalizer<MeetingsText> text) =>
    [
        new(text["Registration_Person"], r => r.Person, 32),
        new(text["Registration_Organization"], r => r.Organization, 36),
        new(text["Registration_PartnerGroup"], r => r.PartnerGroup, 20),
        new(text["Registration_Status"], r => r.Status, 16),
        new(text["Registration_CheckedInAt"], r => r.CheckedInAt, 18),
    ];
}

