using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Members.Tests;

/// <summary>
/// Journey 9's promise checked the hard way, on the full host with every module: after staff erase a person, a search
/// of every text, varchar and jsonb column of every schema finds neither her e-mail address nor her full name. Counts
/// (aggregates) may stay; text may not.
/// </summary>
// Own host: it erases demo people and searches every column for their traces.
public sealed class ErasureLeavesNoTraceTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    internal sealed record Column(string Schema, string Table, string Name);

    [Fact]
    public async Task After_erasure_no_column_in_any_schema_holds_her_e_mail_address_or_name()
    {
        // The demo representative: lab member, meeting registrant, proposer — she appears in every module.
        var (personId, fullName, email) = await app.WithScopeAsync(async sp =>
        {
            var person = await sp.GetRequiredService<MembersDbContext>().People.AsNoTracking().SingleAsync(p => p.Email == DemoUsers.Representative);
            return (person.Id, $"{person.FirstName} {person.LastName}", person.Email!);
        });
        var needles = Needles(fullName, email);

        var before = await LeftoversAsync(needles);
        Assert.Contains(before, hit => hit.StartsWith("members.people.", StringComparison.Ordinal));

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/members/people/{personId}/erase", null)).StatusCode);

        // Every module hears PersonErased through the outbox; then nothing may be left.
        var after = await Eventually.Until(() => LeftoversAsync(needles), hits => hits.Count == 0, TimeSpan.FromSeconds(60),
            $"no trace of {fullName} / {email}", hits => string.Join("; ", hits));
        Assert.Empty(after);
    }

    [Fact]
    public async Task The_erase_page_shows_staff_the_free_text_that_still_names_her()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var erased = await CreatePersonAsync(staff, ("firstName", "Karin"), ("lastName", "Kaiser" + suffix));
        var assistant = await CreatePersonAsync(staff, ("firstName", "Paul"), ("lastName", "Assistent"), ("function", $"Assistenz von Karin Kaiser{suffix}"));

        // Meetings: an agenda item of the upcoming meeting that she presents.
        var meetingId = await app.WithScopeAsync(async sp =>
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT \"Id\" FROM meetings.meetings WHERE \"StartsAt\" > now() AND NOT \"IsCancelled\" ORDER BY \"StartsAt\" LIMIT 1", connection);
            return (Guid)(await command.ExecuteScalarAsync())!;
        });
        var agenda = await staff.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Bericht aus dem Handwerk", presenter = $"Karin Kaiser{suffix} (Elektro Kaiser)", plannedMinutes = 10 });
        Assert.Equal(HttpStatusCode.Created, agenda.StatusCode);

        var preview = await app.SendAsync(new Alliance.Members.Privacy.GetErasePreview(erased), await app.PrincipalAsync(DemoUsers.Staff));

        var presenter = Assert.Single(preview.References, r => r.Module == "meetings");
        Assert.Contains($"Karin Kaiser{suffix} (Elektro Kaiser)", presenter.Text, StringComparison.Ordinal);
        Assert.StartsWith("Tagesordnungspunkt „Bericht aus dem Handwerk“", presenter.Field, StringComparison.Ordinal);
        // The presenter can be cleared on the agenda item's edit page, where the link leads.
        Assert.StartsWith($"/meetings/{meetingId}/agenda/", presenter.Link, StringComparison.Ordinal);
        Assert.EndsWith("/edit", presenter.Link, StringComparison.Ordinal);

        var reference = Assert.Single(preview.References, r => r.Module == "members");
        Assert.Equal($"Assistenz von Karin Kaiser{suffix}", reference.Text);
        Assert.Equal($"/people/{assistant}/edit", reference.Link);
        Assert.Equal("Funktion von Paul Assistent", reference.Field);

        var page = await staff.GetStringAsync($"/people/{erased}/erase");
        Assert.Contains($"/people/{assistant}/edit", page, StringComparison.Ordinal);
        Assert.Contains($"/meetings/{meetingId}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_to_her_still_waiting_in_the_outbox_is_not_sent_after_erasure()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var personId = await CreatePersonAsync(staff, ("firstName", "Wanda"), ("lastName", "Wartend" + suffix), ("email", $"wanda.{suffix}@example.org"));
        var someoneElse = $"jemand.{suffix}@example.org";

        // Waiting mails (not yet claimed by a dispatcher): hers would reach the mail log after it forgot her.
        var now = DateTimeOffset.UtcNow;
        OutboxMessage Waiting(string to) => new()
        {
            Id = Guid.NewGuid(), Type = EventNames.Of(typeof(EmailRequested)), OccurredAt = now, Status = OutboxStatus.Pending, NextAttemptAt = now.AddYears(1),
            Payload = JsonSerializer.Serialize(new { toAddress = to, toName = "x", subject = "Hallo", textBody = "Hallo", eventId = Guid.NewGuid() }),
        };
        var hers = Waiting($"Wanda.{suffix}@Example.org");
        var others = Waiting(someoneElse);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MembersDbContext>();
            db.Set<OutboxMessage>().AddRange(hers, others);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/members/people/{personId}/erase", null)).StatusCode);

        var left = await app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Id == hers.Id || m.Id == others.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal([others.Id], left);
    }

    private static async Task<Guid> CreatePersonAsync(HttpClient staff, params (string, object?)[] fields)
    {
        var response = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The name and address as typed and as JSON writes them (payloads escape umlauts and "+").</summary>
    internal static string[] Needles(string fullName, string email)
    {
        static string Json(string value) => JsonSerializer.Serialize(value).Trim('"');
        return new[] { fullName, email, Json(fullName), Json(email) }.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>"schema.table.column (n rows)" for every text column that still contains one of the needles.</summary>
    private Task<List<string>> LeftoversAsync(string[] needles) => LeftoversAsync(app.ConnectionString, needles);

    /// <summary>"schema.table.column (n rows)" for every text column of the database that still contains one of the needles.</summary>
    internal static async Task<List<string>> LeftoversAsync(string connectionString, string[] needles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<Column>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_schema, c.table_name, c.column_name
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'
              AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
            ORDER BY 1, 2, 3
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(new Column(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.True(columns.Count > 20, $"the search covers every module's text columns, found only {columns.Count}");
        var patterns = needles.Select(n => "%" + n.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%").ToArray();
        var hits = new List<string>();
        foreach (var column in columns)
        {
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM \"{column.Schema}\".\"{column.Table}\" WHERE \"{column.Name}\"::text ILIKE ANY(@patterns)", connection);
            count.Parameters.AddWithValue("patterns", patterns);
            var rows = (long)(await count.ExecuteScalarAsync())!;
            if (rows > 0)
            {
                // An excerpt of the first match, so a failure says which event, mail or field it is.
                await using var excerpt = new NpgsqlCommand(
                    $"SELECT left(\"{column.Name}\"::text, 160) FROM \"{column.Schema}\".\"{column.Table}\" WHERE \"{column.Name}\"::text ILIKE ANY(@patterns) LIMIT 1",
                    connection);
                excerpt.Parameters.AddWithValue("patterns", patterns);
                hits.Add($"{column.Schema}.{column.Table}.{column.Name} ({rows} rows, e.g. {await excerpt.ExecuteScalarAsync()})");
            }
        }

        return hits;
    }
}
