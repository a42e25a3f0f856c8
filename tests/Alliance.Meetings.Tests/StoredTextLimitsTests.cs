using System.Security.Claims;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Polls;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Series;
using Alliance.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Issue 9, "stored copies longer than their columns": every copy Meetings keeps fits the longest value its source
/// allows, composed texts fit their parts, and the schema agrees with the validators.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class StoredTextLimitsTests(AllianceApp app)
{
    private static readonly string First = new('F', 100);
    private static readonly string Last = new('L', 100);
    private static readonly string LongOrganization = new('O', 200);

    [Fact]
    public async Task A_person_with_the_longest_names_does_not_break_meetings_series_topics_decisions_or_addenda()
    {
        var (personId, organizationId) = await AddLongNamedPersonAsync();
        var staff = await app.PrincipalAsync(DemoUsers.Staff);

        // An all-members meeting invites her (201-character name copy).
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 500);
        var registration = Assert.Single(await MeetingScenario.RegistrationsAsync(app, meetingId), r => r.PersonId == personId);
        Assert.Equal($"{First} {Last}", registration.PersonName);
        Assert.Equal(LongOrganization, registration.OrganizationName);

        // A series and its first occurrences are written in one request, her invitations included.
        var seriesId = await app.SendAsync(new CreateSeries("Lange Namen", MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=WE",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)), new TimeOnly(18, 0), 60, null, "Rathaus", null, 500), staff);
        var occurrences = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.SeriesId == seriesId).Select(m => m.Id).ToListAsync());
        Assert.NotEmpty(occurrences);
        Assert.Equal(occurrences.Count, await MeetingScenario.DbAsync(app, db => db.Registrations.CountAsync(r => occurrences.Contains(r.MeetingId) && r.PersonId == personId)));

        // Her topic, taken onto the agenda with her as presenter.
        var her = await PrincipalOfAsync(personId, organizationId, $"{First} {Last}");
        var topicId = await app.SendAsync(new SubmitTopic(meetingId, new string('T', TextLimits.AgendaTitle), new string('D', TextLimits.TopicDescription)), her);
        var itemId = (await app.SendAsync(new TakeTopicOntoAgenda(topicId), staff)).Id;
        Assert.Equal($"{First} {Last}", await MeetingScenario.DbAsync(app, db => db.AgendaItems.Where(a => a.Id == itemId).Select(a => a.Presenter).SingleAsync()));

        // A decision whose action item she and her organisation own: "person — organisation" is 404 characters.
        var decisionId = (await app.SendAsync(new RecordDecision(itemId, new string('B', TextLimits.DecisionText),
            [new ActionItemInput(new string('A', TextLimits.ActionItemTitle), personId, organizationId, DateOnly.FromDateTime(AllianceClock.Today.AddDays(30)))]), staff)).Id;
        var owner = await MeetingScenario.DbAsync(app, db => db.ActionItems.Where(a => a.DecisionId == decisionId).Select(a => a.OwnerName).SingleAsync());
        Assert.Equal($"{First} {Last} — {LongOrganization}", owner);
        Assert.Equal(TextLimits.OwnerName, owner!.Length);
    }

    [Fact]
    public async Task A_poll_with_twenty_options_of_the_longest_text_closes_and_its_result_is_kept_in_full()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 50);
        var options = Enumerable.Range(0, TextLimits.PollOptions).Select(i => $"{i:D2}" + new string('x', TextLimits.PollOption - 2)).ToList();
        var pollId = await app.SendAsync(new OpenPoll(meetingId, null, new string('?', TextLimits.PollQuestion), options, MultipleChoice: true), staff);

        var representative = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        var organization = await MeetingScenario.OrganizationOfAsync(app, representative);
        await app.SendAsync(new CheckIn(meetingId, representative), staff);
        await app.SendAsync(new CastVote(pollId, [.. Enumerable.Range(0, TextLimits.PollOptions)], organization), staff);
        var results = await app.SendAsync(new ClosePoll(pollId), staff);

        Assert.All(results, r => Assert.Equal(1, r.Votes));
        var summary = await MeetingScenario.DbAsync(app, db => db.Polls.Where(p => p.Id == pollId).Select(p => p.ResultSummary).SingleAsync());
        Assert.Equal(string.Join("\n", options.Select(o => $"{o}: 1")), summary);
        Assert.True(summary!.Length > 4000);
    }

    [Fact]
    public async Task Every_text_column_is_as_long_as_its_rule_and_copies_fit_their_source_columns()
    {
        var meetings = await ColumnLengthsAsync("meetings");
        var members = await ColumnLengthsAsync("members");
        var labs = await ColumnLengthsAsync("labs");

        // Copies of other modules' data fit the longest value the source can hold.
        var personName = members[("people", "FirstName")] + 1 + members[("people", "LastName")];
        Assert.True(TextLimits.PersonName >= personName, $"PersonName {TextLimits.PersonName} < {personName}");
        Assert.True(TextLimits.OrganizationName >= members[("organizations", "Name")]);
        Assert.True(TextLimits.LabTitle >= labs[("labs", "Title")]);
        foreach (var (table, column) in new[] { ("registrations", "PersonName"), ("topic_submissions", "SubmitterName"), ("minutes_addenda", "AuthorName"), ("agenda_items", "Presenter") })
        {
            Assert.True(meetings[(table, column)] >= personName, $"{table}.{column}");
        }

        Assert.True(meetings[("registrations", "OrganizationName")] >= members[("organizations", "Name")]);
        Assert.True(meetings[("agenda_items", "LabTitle")] >= labs[("labs", "Title")]);
        Assert.True(meetings[("action_items", "OwnerName")] >= personName + " — ".Length + members[("organizations", "Name")]);
        Assert.True(meetings[("polls", "ResultSummary")] >= TextLimits.PollOptions * (TextLimits.PollOption + ": ".Length + int.MinValue.ToString().Length) + TextLimits.PollOptions - 1);

        // Columns hold what the validators allow.
        Assert.Equal(TextLimits.MeetingTitle, meetings[("meetings", "Title")]);
        Assert.Equal(TextLimits.MeetingTitle, meetings[("series", "Title")]);
        Assert.Equal(TextLimits.RecurrenceRule, meetings[("series", "RecurrenceRule")]);
        Assert.Equal(TextLimits.Place, meetings[("meetings", "Place")]);
        Assert.Equal(TextLimits.Link, meetings[("meetings", "OnlineLink")]);
        Assert.Equal(TextLimits.AgendaTitle, meetings[("agenda_items", "Title")]);
        Assert.Equal(TextLimits.AgendaTitle, meetings[("topic_submissions", "Title")]);
        Assert.Equal(TextLimits.TopicDescription, meetings[("topic_submissions", "Description")]);
        Assert.Equal(TextLimits.DecisionText, meetings[("decisions", "Text")]);
        Assert.Equal(TextLimits.ActionItemTitle, meetings[("action_items", "Title")]);
        Assert.Equal(TextLimits.PollQuestion, meetings[("polls", "Question")]);
        Assert.Equal(TextLimits.DocumentName, meetings[("agenda_documents", "Name")]);
        Assert.Equal(TextLimits.DocumentUrl, meetings[("agenda_documents", "Url")]);
    }

    private async Task<Dictionary<(string Table, string Column), int>> ColumnLengthsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name, column_name, character_maximum_length FROM information_schema.columns WHERE table_schema = @s AND character_maximum_length IS NOT NULL",
            connection);
        command.Parameters.AddWithValue("s", schema);
        var lengths = new Dictionary<(string, string), int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lengths[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return lengths;
    }

    /// <summary>A person with 100-character first and last names in an organisation with a 200-character name, consenting to mail.</summary>
    private async Task<(Guid Person, Guid Organization)> AddLongNamedPersonAsync()
    {
        var organizationId = Guid.NewGuid();
        var personId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "SizeClass", "IsActive", "CreatedAt", "UpdatedAt")
            VALUES (@o, @n, upper(@n), 0, 0, true, now(), now());
            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "OrganizationId", "PreferredLanguage", "ConsentContactByEmail",
                "ConsentNameVisible", "CreatedAt", "UpdatedAt")
            VALUES (@p, @f, @l, @e, @o, 'de', true, true, now(), now());
            """, connection);
        command.Parameters.AddWithValue("o", organizationId);
        command.Parameters.AddWithValue("n", LongOrganization);
        command.Parameters.AddWithValue("p", personId);
        command.Parameters.AddWithValue("f", First);
        command.Parameters.AddWithValue("l", Last);
        command.Parameters.AddWithValue("e", $"lang{personId:N}@example.org");
        await command.ExecuteNonQueryAsync();
        return (personId, organizationId);
    }

    /// <summary>The representative's principal, re-issued for another person (as the sign-in would for her account).</summary>
    private async Task<ClaimsPrincipal> PrincipalOfAsync(Guid personId, Guid organizationId, string displayName)
    {
        var template = await app.PrincipalAsync(DemoUsers.Representative);
        var claims = template.Claims.Where(c => c.Type is not (AllianceClaimTypes.PersonId or AllianceClaimTypes.OrganizationId or AllianceClaimTypes.DisplayName or ClaimTypes.Name))
            .Append(new Claim(AllianceClaimTypes.PersonId, personId.ToString()))
            .Append(new Claim(AllianceClaimTypes.OrganizationId, organizationId.ToString()))
            .Append(new Claim(AllianceClaimTypes.DisplayName, displayName))
            .Append(new Claim(ClaimTypes.Name, displayName));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
