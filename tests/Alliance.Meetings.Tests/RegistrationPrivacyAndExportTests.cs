using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Issue 9's consent leak and issue 7's exports: a lab coordinator sees a registrant's name only where the directory would
/// show it (API, CSV, XLSX, check-in page); the exports are use cases that files open in spreadsheet tools.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class RegistrationPrivacyAndExportTests(AllianceApp app)
{
    [Fact]
    public async Task A_lab_coordinator_does_not_see_names_withheld_from_other_members_anywhere()
    {
        var (meetingId, hidden, shown) = await LabMeetingWithHiddenAndSharedNamesAsync();
        using var coordinator = await app.SignedInAsync(DemoUsers.Representative);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var list = await coordinator.GetStringAsync($"/api/meetings/{meetingId}/registrations?pageSize=200");
        Assert.DoesNotContain(hidden, list);
        Assert.Contains(shown, list);
        Assert.Contains("\"nameShared\":false", list);
        var search = await coordinator.GetStringAsync($"/api/meetings/{meetingId}/registrations?search={Uri.EscapeDataString(hidden)}");
        Assert.Contains("\"totalCount\":0", search);

        var csv = Encoding.UTF8.GetString(await coordinator.GetByteArrayAsync($"/api/meetings/{meetingId}/registrations.csv"));
        Assert.DoesNotContain(hidden, csv);
        Assert.Contains(shown, csv);
        var xlsx = await ReadXlsxAsync(await coordinator.GetByteArrayAsync($"/api/meetings/{meetingId}/registrations.xlsx"));
        Assert.DoesNotContain(hidden, xlsx);
        Assert.Contains(shown, xlsx);
        var page = await coordinator.GetStringAsync($"/meetings/{meetingId}/checkin?search=");
        Assert.DoesNotContain(hidden, page);

        // Staff see every name.
        Assert.Contains(hidden, await staff.GetStringAsync($"/api/meetings/{meetingId}/registrations?pageSize=200"));
        Assert.Contains(hidden, Encoding.UTF8.GetString(await staff.GetByteArrayAsync($"/api/meetings/{meetingId}/registrations.csv")));
    }

    [Fact]
    public async Task The_registration_workbook_opens_in_openpyxl_with_a_header_row_and_german_labels()
    {
        var (meetingId, hidden, _) = await LabMeetingWithHiddenAndSharedNamesAsync();
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.GetAsync($"/api/meetings/{meetingId}/registrations.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);

        var rows = (await ReadXlsxAsync(await response.Content.ReadAsByteArrayAsync())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Person\tOrganisation\tPartnergruppe\tStatus\tEingecheckt um", rows[0]);
        Assert.Contains(rows.Skip(1), row => row.StartsWith($"Hanna {hidden}\t", StringComparison.Ordinal) && row.Contains("\teingeladen\t", StringComparison.Ordinal));

        // A check-in is a real date-time whose format shows the time too, in the reader's language (Excel showed the
        // day only).
        var person = await MeetingScenario.DbAsync(app, db => db.Registrations.Where(r => r.MeetingId == meetingId).Select(r => r.PersonId).FirstAsync());
        var office = await app.PrincipalAsync(DemoUsers.Staff);
        await app.SendAsync(new Alliance.Meetings.Registrations.Register(meetingId, person), office);
        await app.SendAsync(new Alliance.Meetings.Registrations.CheckIn(meetingId, person), office);
        foreach (var (query, format) in new[] { ("", "dd.mm.yyyy hh:mm"), ("?culture=en&ui-culture=en", "d mmm yyyy hh:mm") })
        {
            var formats = await CheckInFormatsAsync(await staff.GetByteArrayAsync($"/api/meetings/{meetingId}/registrations.xlsx{query}"));
            Assert.Equal([format], formats);
        }
    }

    /// <summary>The number formats of the check-in column's filled cells (column E), read by openpyxl.</summary>
    private static async Task<string[]> CheckInFormatsAsync(byte[] workbook)
    {
        var path = Path.Combine(Path.GetTempPath(), $"checkin-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, workbook);
        try
        {
            var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", ["-c", """
                import sys, openpyxl, datetime
                sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
                for cell in sheet["E"][1:]:
                    if cell.value is not None:
                        assert isinstance(cell.value, datetime.datetime), repr(cell.value)
                        print(cell.number_format)
                """, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "openpyxl: " + error);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A meeting of the lab the representative coordinates, with one invitee who withholds her name and one who shares it.</summary>
    private async Task<(Guid Meeting, string Hidden, string Shown)> LabMeetingWithHiddenAndSharedNamesAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var labId = (Guid)(await new NpgsqlCommand("SELECT \"Id\" FROM labs.labs WHERE \"Title\" = 'Handel der Zukunft'", connection).ExecuteScalarAsync())!;
        var organizations = new List<Guid>();
        await using (var reader = await new NpgsqlCommand($"""
            SELECT m."OrganizationId" FROM labs.memberships m JOIN members.organizations o ON o."Id" = m."OrganizationId"
            WHERE m."LabId" = '{labId}' AND m."LeftAt" IS NULL AND o."Name" <> 'Modehaus Brandt' ORDER BY o."Name" LIMIT 2
            """, connection).ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                organizations.Add(reader.GetGuid(0));
            }
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var hidden = $"Verborgen{suffix}";
        var shown = $"Sichtbar{suffix}";
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "OrganizationId", "PreferredLanguage", "ConsentContactByEmail", "ConsentNameVisible", "CreatedAt", "UpdatedAt")
            VALUES (gen_random_uuid(), 'Hanna', @h, @he, @o1, 'de', true, false, now(), now()),
                   (gen_random_uuid(), 'Sina', @s, @se, @o2, 'de', true, true, now(), now());
            """, connection))
        {
            insert.Parameters.AddWithValue("h", hidden);
            insert.Parameters.AddWithValue("he", $"{hidden}@example.org");
            insert.Parameters.AddWithValue("o1", organizations[0]);
            insert.Parameters.AddWithValue("s", shown);
            insert.Parameters.AddWithValue("se", $"{shown}@example.org");
            insert.Parameters.AddWithValue("o2", organizations[^1]);
            await insert.ExecuteNonQueryAsync();
        }

        var start = AllianceClock.Today.AddDays(21).AddHours(17);
        var meetingId = await app.SendAsync(new CreateMeeting("Labortreffen " + suffix, MeetingKind.LabWorkshop, start, start.AddHours(2), null, "Laden", null, 40,
            Audience: AudienceKind.Lab, LabId: labId), await app.PrincipalAsync(DemoUsers.Staff));
        return (meetingId, hidden, shown);
    }

    /// <summary>The first sheet as tab-separated lines, read by openpyxl (Debian's python3-openpyxl).</summary>
    internal static async Task<string> ReadXlsxAsync(byte[] workbook)
    {
        var path = Path.Combine(Path.GetTempPath(), $"registrations-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, workbook);
        try
        {
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var start = new ProcessStartInfo(python, ["-c", """
                import sys, openpyxl
                sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
                for row in sheet.iter_rows(values_only=True):
                    print("\t".join("" if v is None else str(v) for v in row))
                """, path]) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "openpyxl could not read the workbook: " + error);
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
