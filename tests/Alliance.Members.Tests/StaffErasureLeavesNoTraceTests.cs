using System.Net;
using Alliance.Members.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>
/// The same promise for the demo staff member, whom only an administrator may erase: she recorded the demo funding
/// project's workflow steps, so Funding's audit trail must name her by id (not only by a copy of her name) for the
/// erasure to blank it. A class of its own: erasing the staff member would sign out the other class's staff tests.
/// </summary>
// Own host: it erases the demo staff member, whom the other classes sign in as.
public sealed class StaffErasureLeavesNoTraceTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task After_an_administrator_erases_the_staff_member_no_column_in_any_schema_holds_her_e_mail_address_or_name()
    {
        var (personId, fullName, email) = await app.WithScopeAsync(async sp =>
        {
            var person = await sp.GetRequiredService<MembersDbContext>().People.AsNoTracking().SingleAsync(p => p.Email == DemoUsers.Staff);
            return (person.Id, $"{person.FirstName} {person.LastName}", person.Email!);
        });
        var needles = ErasureLeavesNoTraceTests.Needles(fullName, email);

        var before = await ErasureLeavesNoTraceTests.LeftoversAsync(app.ConnectionString, needles);
        Assert.Contains(before, hit => hit.StartsWith("funding.transitions.by_name ", StringComparison.Ordinal));

        using var administrator = await app.SignedInAsync(DemoUsers.Administrator);
        Assert.Equal(HttpStatusCode.NoContent, (await administrator.PostAsync($"/api/members/people/{personId}/erase", null)).StatusCode);

        var after = await Eventually.Until(() => ErasureLeavesNoTraceTests.LeftoversAsync(app.ConnectionString, needles), hits => hits.Count == 0,
            TimeSpan.FromSeconds(60), $"no trace of {fullName} / {email}", hits => string.Join("; ", hits));
        Assert.Empty(after);
    }
}
