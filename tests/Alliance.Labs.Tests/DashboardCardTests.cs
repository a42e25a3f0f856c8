using Alliance.Labs;
using Alliance.Labs.Dashboard;
using Alliance.Labs.Demo;
using Alliance.Labs.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Alliance.Labs.Tests;

/// <summary>
/// The "what needs me now" cards on the demo data: each count equals the same count taken in SQL, a new membership
/// request shows up for the office and for the lab's coordinator, and the request list shows exactly those requests.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class DashboardCardTests(AllianceApp app)
{
    private async Task<int> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_staff_card_counts_what_sql_counts_and_sees_a_new_request()
    {
        var today = LabsTestData.AllianceToday();
        var days = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IOptions<LabsOptions>>().Value.FollowUpDays));
        async Task<LabsStaffCardView> ExpectedAsync() => new(
            await CountAsync("""SELECT count(*) FROM labs.membership_requests WHERE "Status" = 0"""),
            await CountAsync("""SELECT count(*) FROM labs.proposals WHERE "Status" = 0"""),
            await CountAsync("""SELECT count(*) FROM labs.action_items WHERE "Status" = 0 AND "DueDate" < @today""", ("today", today)),
            await CountAsync("""
                SELECT count(*) FROM labs.participants
                WHERE "Status" <> 4 AND ("LastContactOn" <= @threshold OR "FollowUpOn" <= @today)
                """, ("threshold", today.AddDays(-days)), ("today", today)));

        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var before = await app.SendAsync(new GetLabsStaffCard(), staff);
        Assert.Equal(await ExpectedAsync(), before);
        Assert.True(before.ProposalsWaiting + before.OverdueActionItems + before.FollowUpsDue > 0, "the demo data gives the card something to show");

        var email = $"dash-{Guid.NewGuid():N}@example.org";
        await app.CreateRepresentativeAsync($"Dashboard GmbH {Guid.NewGuid():N}"[..24], "Dora", "Dash", email);
        await app.SendAsync(new RequestMembership(await app.LabIdAsync(LabsDemoSeeder.CraftsLab), "Wir möchten mitmachen."), await app.PrincipalAsync(email));

        var after = await app.SendAsync(new GetLabsStaffCard(), staff);
        Assert.Equal(await ExpectedAsync(), after);
        Assert.Equal(before.PendingRequests + 1, after.PendingRequests);
    }

    [Fact]
    public async Task A_coordinator_sees_her_labs_requests_and_tasks_and_the_requester_her_own_request()
    {
        var lab = await app.LabIdAsync(LabsDemoSeeder.CraftsLab);
        var coordinatorEmail = $"coord-{Guid.NewGuid():N}@example.org";
        var coordinator = await app.CreateRepresentativeAsync("Handwerkskammer", "Karla", "Koordinatorin", coordinatorEmail);
        await CountAsync("""WITH i AS (INSERT INTO labs.lab_coordinators ("LabId", "PersonId") VALUES (@lab, @person) RETURNING 1) SELECT count(*) FROM i""",
            ("lab", lab), ("person", coordinator));
        var requesterEmail = $"req-{Guid.NewGuid():N}@example.org";
        var requesterOrganization = $"Anfrage AG {Guid.NewGuid():N}"[..20];
        await app.CreateRepresentativeAsync(requesterOrganization, "Rita", "Request", requesterEmail);
        var requester = await app.PrincipalAsync(requesterEmail);
        await app.SendAsync(new RequestMembership(lab, "Bitte aufnehmen."), requester);

        var card = await app.SendAsync(new GetLabsRepresentativeCard(), await app.PrincipalAsync(coordinatorEmail));
        Assert.Equal(1, card.CoordinatedLabs);
        Assert.Equal(await CountAsync("""SELECT count(*) FROM labs.membership_requests WHERE "Status" = 0 AND "LabId" = @lab""", ("lab", lab)),
            card.CoordinatedPendingRequests);
        Assert.True(card.CoordinatedPendingRequests >= 1);
        Assert.Equal(await CountAsync("""SELECT count(*) FROM labs.action_items WHERE "Status" = 0 AND "LabId" = @lab""", ("lab", lab)),
            card.CoordinatedOpenActionItems);

        var list = await app.SendAsync(new ListMembershipRequests(Scope: RequestScope.Managed), await app.PrincipalAsync(coordinatorEmail));
        Assert.Equal(card.CoordinatedPendingRequests, list.TotalCount);
        Assert.All(list.Items, r => Assert.Equal(lab, r.LabId));

        var own = await app.SendAsync(new GetLabsRepresentativeCard(), requester);
        Assert.Equal(1, own.OwnPendingRequests);
        Assert.Equal(0, own.CoordinatedLabs);
        var ownList = await app.SendAsync(new ListMembershipRequests(Scope: RequestScope.Own), requester);
        Assert.Equal(lab, Assert.Single(ownList.Items).LabId);
        // Someone who coordinates nothing sees no other organisation's requests.
        Assert.Empty((await app.SendAsync(new ListMembershipRequests(Scope: RequestScope.Managed), requester)).Items);
    }

    [Fact]
    public async Task The_demo_representative_card_counts_what_sql_counts()
    {
        var principal = await app.PrincipalAsync(DemoUsers.Representative);
        var card = await app.SendAsync(new GetLabsRepresentativeCard(), principal);
        var organization = await CountOrganizationAsync();
        Assert.Equal(await CountAsync("""SELECT count(*) FROM labs.memberships WHERE "OrganizationId" = @o AND "LeftAt" IS NULL""", ("o", organization)), card.Labs);
        Assert.Equal(await CountAsync("""SELECT count(*) FROM labs.proposals WHERE "Status" = 0 AND "OrganizationId" = @o""", ("o", organization)), card.OwnOpenProposals);
        Assert.Equal(await CountAsync("""
            SELECT count(*) FROM labs.proposals p WHERE p."Status" = 0 AND p."OrganizationId" <> @o
              AND NOT EXISTS (SELECT 1 FROM labs.proposal_supports s WHERE s."ProposalId" = p."Id" AND s."OrganizationId" = @o)
            """, ("o", organization)), card.ProposalsToSupport);
        Assert.True(card.Labs > 0, "the demo representative's organisation is in a lab");
    }

    private async Task<Guid> CountOrganizationAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p."OrganizationId" FROM members.people p WHERE p."Email" = @email
            """, connection);
        command.Parameters.AddWithValue("email", DemoUsers.Representative);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
